import ArgumentParser
import Foundation
import FrontDoorKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the content and render the whole site.")

    @Option(help: "Content folder.") var content = "content"
    @Option(help: "Templates folder (default: ./templates, else FrontDoor's own).") var templates: String?
    @Option(help: "Output folder; replaced atomically when the build succeeds.") var output = "site"
    @Flag(help: "Include profiles marked draft: true.") var drafts = false
    @Flag(help: "Treat warnings as errors.") var strict = false
    @Option(name: .customLong("base-url"), help: "Override base_url from site.yml.") var baseURL: String?
    @Flag(help: "Print the time each step took.") var timings = false
    @Flag(help: "Do not warn about summaries that are hard to read.") var noReadability = false

    func run() throws {
        let progress = ProgressLine.startIfTerminal()
        let options = BuildOptions(content: content, templates: TemplateLocator.resolve(templates), output: output,
                                   includeDrafts: drafts, strict: strict, baseURL: baseURL,
                                   readability: !noReadability, progress: progress?.sink)
        let start = Date()
        let report: BuildReport
        do {
            report = try SiteBuilder().build(options)
            progress?.finish()
        } catch {
            progress?.finish()
            printError("error: \(error)\n")
            throw ExitCode(2)
        }
        printError(DiagnosticFormat.text.render(report.diagnostics))
        if timings {
            for step in report.timings {
                printError("  " + step.step.padding(toLength: 22, withPad: " ", startingAt: 0) + String(format: "%8.1f ms", step.seconds * 1000)
                           + (step.peakBytes.map { String(format: "   peak %6.0f MiB", Double($0) / 1_048_576) } ?? "")
                           + (step.residentBytes.map { String(format: "   now %6.0f MiB", Double($0) / 1_048_576) } ?? "")
                           + (step.cpuSeconds.map { String(format: "   cpu %8.1f ms", $0 * 1000) } ?? "") + "\n")
            }
            printError("  allocator: \(Allocator.name)\n")
            if report.written {
                printError("  \(report.pagesTakenFromPrevious) of \(report.pages) pages taken unchanged from the previous build; "
                           + "\(report.reused) files linked from it\n")
            }
        }
        let seconds = Date().timeIntervalSince(start)
        let tally = "\(report.diagnostics.errorCount) error\(report.diagnostics.errorCount == 1 ? "" : "s"), \(report.diagnostics.warningCount) warning\(report.diagnostics.warningCount == 1 ? "" : "s")"
        guard report.written else {
            printError("Build failed: \(tally); \(output)/ was left as it was.\n")
            throw ExitCode(1)
        }
        print(String(format: "Built %d pages (%d files) from %d profiles into %@/ in %.2f s: %@.",
                     report.pages, report.files, report.directory?.count ?? 0, output, seconds, tally))
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the content; writes nothing.")

    @Option(help: "Content folder.") var content = "content"
    @Option(help: "text, json or github.") var format = "text"
    @Flag(help: "Treat warnings as errors.") var strict = false
    @Flag(help: "Also check profiles marked draft: true.") var drafts = false
    @Flag(help: "Do not warn about summaries that are hard to read.") var noReadability = false

    func validate() throws {
        guard DiagnosticFormat(rawValue: format) != nil else {
            throw ValidationError("--format must be text, json or github")
        }
    }

    func run() throws {
        let report: BuildReport
        do {
            report = try SiteBuilder().check(content: content, includeDrafts: drafts, readability: !noReadability)
        } catch {
            printError("error: \(error)\n")
            throw ExitCode(2)
        }
        let format = DiagnosticFormat(rawValue: format)!
        switch format {
        case .text:
            printError(format.render(report.diagnostics))
            let errors = report.diagnostics.errorCount, warnings = report.diagnostics.warningCount
            printError("\(report.failed(strict: strict) ? "Check failed" : "Check passed"): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s").\n")
        case .json, .github:
            print(format.render(report.diagnostics), terminator: "")
        }
        if report.failed(strict: strict) { throw ExitCode(1) }
    }
}
