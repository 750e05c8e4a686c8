import Foundation
import Testing
@testable import FrontDoorKit

/// Runs the real `frontdoor` executable, which `swift build` / `swift test` put in the same
/// products folder as the test resources (e.g. `.build-diag/debug/frontdoor`).
enum DiagnosticCLI {
    static let binary: URL? = {
        var folders: [URL] = []
        folders.append(Bundle.module.bundleURL.deletingLastPathComponent())
        folders += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        return folders.map { $0.appendingPathComponent("frontdoor") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static let missing = "the frontdoor executable is not next to the test bundle (run `swift build` with the same --scratch-path)"

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `frontdoor arguments...` in `directory` and waits for it. Output goes through
    /// files, so a chatty process can never block on a full pipe.
    static func run(_ arguments: [String], in directory: URL) throws -> Result {
        let binary = try #require(binary, Comment(rawValue: missing))
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("frontdoor-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// `Fixtures/diagnostics/<name>`: the folder that holds `content/`; commands run here.
    static func caseFolder(_ name: String) throws -> URL {
        try DiagnosticFixtures.content(name).deletingLastPathComponent()
    }

    /// 1-based line and column of `column` on the one line of `file` that contains `line`.
    static func position(_ file: String, in name: String, line: String, column: String) throws -> (line: Int, column: Int) {
        let resolved = try DiagnosticPlace.at(line: line, column: column).resolve(file: file, in: DiagnosticFixtures.content(name))
        return (resolved.line, try #require(resolved.column))
    }
}

@Suite(.enabled(if: DiagnosticCLI.binary != nil, Comment(rawValue: DiagnosticCLI.missing)))
struct DiagnosticCLITests {
    /// `--content` is given as an absolute path; cli.md wants paths relative to the working directory.
    private func check(_ name: String, _ extra: [String] = []) throws -> DiagnosticCLI.Result {
        let folder = try DiagnosticCLI.caseFolder(name)
        return try DiagnosticCLI.run(["check", "--content", folder.appendingPathComponent("content").path] + extra, in: folder)
    }

    @Test("check --format text: exit 1 and `path:line:column: error: [code] message` on stderr")
    func textFormat() throws {
        let (line, column) = try DiagnosticCLI.position("companies/example-femtech.md", in: "unknown-area",
                                                         line: "- womens-heath", column: "womens-heath")
        let result = try check("unknown-area")
        #expect(result.status == 1, "stderr:\n\(result.stderr)")
        let prefix = "content/companies/example-femtech.md:\(line):\(column): error: [unknown-area] "
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let diagnostic = lines.first { $0.hasPrefix(prefix) }
        #expect(diagnostic != nil, "no line starting `\(prefix)` in stderr:\n\(result.stderr)")
        #expect(diagnostic?.contains("womens-heath") == true)
        #expect(diagnostic?.contains("womens-health") == true, "the hint is printed with the message")
        #expect(lines.filter { $0.contains(": error: [") || $0.contains(": warning: [") }.count == 1,
                "exactly one diagnostic line:\n\(result.stderr)")
        #expect(!result.stdout.contains("[unknown-area]"), "diagnostics go to standard error, not standard output")
    }

    @Test("check --format json: exit 1 and a JSON array of diagnostics on stdout")
    func jsonFormat() throws {
        let (line, column) = try DiagnosticCLI.position("companies/example-femtech.md", in: "unknown-area",
                                                         line: "- womens-heath", column: "womens-heath")
        let result = try check("unknown-area", ["--format", "json"])
        #expect(result.status == 1, "stderr:\n\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let array = try #require(json as? [[String: Any]], "stdout is not a JSON array of objects:\n\(result.stdout)")
        try #require(array.count == 1, "\(result.stdout)")
        let item = array[0]
        #expect(item["path"] as? String == "content/companies/example-femtech.md")
        #expect(item["line"] as? Int == line)
        #expect(item["column"] as? Int == column)
        #expect(item["severity"] as? String == "error")
        #expect(item["code"] as? String == "unknown-area")
        #expect((item["message"] as? String)?.contains("womens-heath") == true)
        #expect((item["hint"] as? String)?.contains("womens-health") == true)
    }

    @Test("check --format github: exit 1 and `::error file=...,line=...,col=...::` annotations")
    func githubFormat() throws {
        let (line, column) = try DiagnosticCLI.position("companies/example-femtech.md", in: "unknown-area",
                                                         line: "- womens-heath", column: "womens-heath")
        let result = try check("unknown-area", ["--format", "github"])
        #expect(result.status == 1, "stderr:\n\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 1, "\(result.stdout)")
        let annotation = lines[0]
        #expect(annotation.hasPrefix("::error file=content/companies/example-femtech.md,line=\(line),col=\(column)"), "\(annotation)")
        // Properties end at the second `::`; the message follows it.
        let parts = annotation.dropFirst(2).components(separatedBy: "::")
        #expect(parts.count == 2, "\(annotation)")
        #expect(parts.last?.contains("[unknown-area]") == true, "\(annotation)")
    }

    @Test("check reports every broken file in one run, in every format", arguments: ["text", "json", "github"])
    func severalBroken(format: String) throws {
        let result = try check("several-broken", ["--format", format])
        #expect(result.status == 1, "stderr:\n\(result.stderr)")
        let expected: [(path: String, code: String, severity: String)] = [
            ("content/companies/example-femtech.md", "invalid-email", "error"),
            ("content/companies/example-femtech.md", "invalid-year", "error"),
            ("content/networks/example-health-network.md", "unknown-profile", "error"),
            ("content/notes.md", "stray-markdown", "warning"),
            ("content/partnerships/example-mou.md", "invalid-date", "error"),
            ("content/trusts/example-hospitals.md", "unknown-key", "warning"),
        ]
        switch format {
        case "text":
            let lines = result.stderr.split(separator: "\n").filter { $0.contains(": error: [") || $0.contains(": warning: [") }
            #expect(lines.count == expected.count, "\(result.stderr)")
            for item in expected {
                #expect(lines.contains { $0.hasPrefix(item.path + ":") && $0.contains(": \(item.severity): [\(item.code)] ") },
                        "no \(item) in\n\(result.stderr)")
            }
        case "json":
            let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            let found = array.map { "\($0["path"] ?? "") \($0["code"] ?? "") \($0["severity"] ?? "")" }.sorted()
            #expect(found == expected.map { "\($0.path) \($0.code) \($0.severity)" }.sorted())
        default:
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.count == expected.count, "\(result.stdout)")
            for item in expected {
                #expect(lines.contains { $0.hasPrefix("::\(item.severity) file=\(item.path),line=") && $0.contains("[\(item.code)]") },
                        "no \(item) in\n\(result.stdout)")
            }
        }
    }

    @Test("check exits 0 on the valid tree and prints no diagnostics")
    func validTree() throws {
        let result = try check("valid")
        #expect(result.status == 0, "stderr:\n\(result.stderr)")
        #expect(!result.stderr.contains(": error: ["), "\(result.stderr)")
        #expect(!result.stderr.contains(": warning: ["), "\(result.stderr)")
        let json = try check("valid", ["--format", "json"])
        #expect(json.status == 0)
        let array = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any]
        #expect(array?.isEmpty == true, "an empty JSON array, got:\n\(json.stdout)")
    }

    @Test("warnings alone pass check; --strict makes them fail")
    func warningsAndStrict() throws {
        let relaxed = try check("stray-markdown")
        #expect(relaxed.status == 0, "\(relaxed.stderr)")
        #expect(relaxed.stderr.contains("content/notes.md:1:1: warning: [stray-markdown] "), "\(relaxed.stderr)")
        let strict = try check("stray-markdown", ["--strict"])
        #expect(strict.status == 1, "\(strict.stderr)")
    }
}
