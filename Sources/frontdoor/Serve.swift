import ArgumentParser
import Foundation
import FrontDoorKit
import FrontDoorPreview

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site: build, serve on 127.0.0.1, rebuild and reload the browser on every change.")

    @Option(help: "Port to listen on (0 picks a free one).") var port = 8000
    @Option(help: "Address to listen on. Anything but loopback lets other machines see the preview.") var host = "127.0.0.1"
    @Option(help: "Content folder.") var content = "content"
    @Option(help: "Templates folder (default: ./templates, else FrontDoor's own).") var templates: String?
    @Flag(help: "Leave out profiles marked draft: true (shown by default in the preview).") var hideDrafts = false
    @Flag(help: "Do not warn about summaries that are hard to read.") var noReadability = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let options = PreviewOptions(content: content, templates: TemplateLocator.resolve(templates),
                                     host: host, port: port, includeDrafts: !hideDrafts, readability: !noReadability)
        guard FileManager.default.fileExists(atPath: content) else {
            printError("error: content folder `\(content)` not found\n")
            throw ExitCode(2)
        }
        if !options.bindsLoopback {
            printError("warning: listening on \(host): other machines on the network can see this preview, drafts included.\n")
        }
        do {
            try await PreviewServer(options: options, onEvent: Serve.report).run()
        } catch {
            printError("error: \(error)\n")
            throw ExitCode(2)
        }
    }

    @Sendable static func report(_ event: PreviewEvent) {
        switch event {
        case .listening(let url):
            // Standard output, flushed, so that scripts and tests can read the address.
            FileHandle.standardOutput.write(Data("Serving \(url) (Ctrl-C to stop). Watching for changes...\n".utf8))
        case .built(let pages, let seconds, let changed, let warnings):
            printError(DiagnosticFormat.text.render(warnings))
            let cause = changed.isEmpty ? "" : " after a change to \(describe(changed))"
            printError(String(format: "Built %d page%@ in %.0f ms%@.\n", pages, pages == 1 ? "" : "s", seconds * 1000, cause))
        case .failed(let diagnostics, let changed):
            printError(DiagnosticFormat.text.render(diagnostics))
            let errors = diagnostics.errorCount
            let cause = changed.isEmpty ? "" : " after a change to \(describe(changed))"
            printError("Build failed\(cause): \(errors) error\(errors == 1 ? "" : "s"). Still serving the last good site.\n")
        case .crashed(let message):
            printError("error: \(message). Still serving the last good site.\n")
        case .stopped:
            printError("Stopped.\n")
        }
    }

    private static func describe(_ paths: [String]) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let shown = paths.prefix(3).map { $0.hasPrefix(cwd) ? String($0.dropFirst(cwd.count)) : $0 }
        return shown.joined(separator: ", ") + (paths.count > 3 ? " and \(paths.count - 3) more" : "")
    }
}
