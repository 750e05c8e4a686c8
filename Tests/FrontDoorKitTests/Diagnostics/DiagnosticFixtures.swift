import Foundation
import Testing
@testable import FrontDoorKit

/// The fixture trees under `Fixtures/diagnostics/<case>/content/`: each one is the spec's
/// example tree (`shared/spec/example/content/`) with exactly one thing broken.
enum DiagnosticFixtures {
    /// `Fixtures/diagnostics` inside the test bundle's resources.
    static func root() throws -> URL {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil),
                                    "the test target copies Fixtures/ as a resource")
        return fixtures.appendingPathComponent("diagnostics", isDirectory: true)
    }

    /// `Fixtures/diagnostics/<name>/content`.
    static func content(_ name: String) throws -> URL {
        let url = try root().appendingPathComponent(name, isDirectory: true).appendingPathComponent("content", isDirectory: true)
        #expect(FileManager.default.fileExists(atPath: url.path), "missing fixture \(url.path)")
        return url
    }

    /// Runs the library's check on a content folder and returns its diagnostics.
    static func check(_ content: URL) throws -> [Diagnostic] {
        try SiteBuilder().check(content: content.path).diagnostics
    }

    /// The text of one fixture file, split into lines (1-based line n is `lines[n - 1]`).
    static func lines(of file: String, in content: URL) throws -> [String] {
        let data = try Data(contentsOf: content.appendingPathComponent(file))
        let text = try #require(String(data: data, encoding: .utf8), "\(file) is not UTF-8")
        return text.components(separatedBy: "\n")
    }

    /// A throwaway copy of the valid example tree in a fresh temporary folder, for cases that
    /// are awkward to keep as files (invalid bytes) or that depend on today's date.
    /// Returns the copy's `content/` folder; call `remove` on it when done.
    static func temporaryCopy(of name: String = "valid") throws -> URL {
        let parent = FileManager.default.temporaryDirectory
            .appendingPathComponent("frontdoor-diagnostics-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let copy = parent.appendingPathComponent("content", isDirectory: true)
        try FileManager.default.copyItem(at: try content(name), to: copy)
        return copy
    }

    static func remove(_ temporaryContent: URL) {
        try? FileManager.default.removeItem(at: temporaryContent.deletingLastPathComponent())
    }

    /// Rewrites one file of a (temporary) tree, replacing exactly one occurrence of `old`.
    static func replace(_ old: String, with new: String, in file: String, of content: URL) throws {
        let url = content.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.components(separatedBy: old).count == 2, "`\(old)` must occur exactly once in \(file)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }
}

/// Where a diagnostic is expected, worked out from the fixture text so the expectation
/// cannot drift from the file.
enum DiagnosticPlace: Sendable, CustomStringConvertible {
    /// A fixed position, for problems with the file as a whole (reported at 1:1).
    case fixed(line: Int, column: Int)
    /// The one line containing `line`; the column of the first `column` text in it
    /// (or of `line` itself when `column` is nil).
    case at(line: String, column: String? = nil)
    /// The one line containing `line`; any column.
    case lineOnly(String)

    var description: String {
        switch self {
        case .fixed(let line, let column): "\(line):\(column)"
        case .at(let line, let column): "line with `\(line)`, column of `\(column ?? line)`"
        case .lineOnly(let line): "line with `\(line)`"
        }
    }

    /// (line, column?) in the file `file` of `content`, both 1-based.
    func resolve(file: String, in content: URL) throws -> (line: Int, column: Int?) {
        switch self {
        case .fixed(let line, let column):
            return (line, column)
        case .at(let marker, let columnText):
            let (index, text) = try Self.uniqueLine(containing: marker, file: file, in: content)
            let needle = columnText ?? marker
            let range = try #require(text.range(of: needle), "`\(needle)` is not on line \(index + 1) of \(file)")
            return (index + 1, text.distance(from: text.startIndex, to: range.lowerBound) + 1)
        case .lineOnly(let marker):
            let (index, _) = try Self.uniqueLine(containing: marker, file: file, in: content)
            return (index + 1, nil)
        }
    }

    private static func uniqueLine(containing marker: String, file: String, in content: URL) throws -> (Int, String) {
        let lines = try DiagnosticFixtures.lines(of: file, in: content)
        let hits = lines.indices.filter { lines[$0].contains(marker) }
        try #require(hits.count == 1, "`\(marker)` must be on exactly one line of \(file), found \(hits.count)")
        return (hits[0], lines[hits[0]])
    }
}

/// One diagnostic a case must produce.
struct ExpectedDiagnostic: Sendable, CustomStringConvertible {
    /// Path inside `content/`, e.g. `companies/example-femtech.md`.
    var file: String
    var place: DiagnosticPlace
    var code: DiagnosticCode
    var severity: Diagnostic.Severity
    /// Text the hint must contain, when the rule promises one.
    var hint: String? = nil
    /// Text the message must contain.
    var message: String? = nil

    static func error(_ code: DiagnosticCode, _ file: String, _ place: DiagnosticPlace, hint: String? = nil, message: String? = nil) -> Self {
        Self(file: file, place: place, code: code, severity: .error, hint: hint, message: message)
    }

    static func warning(_ code: DiagnosticCode, _ file: String, _ place: DiagnosticPlace, hint: String? = nil, message: String? = nil) -> Self {
        Self(file: file, place: place, code: code, severity: .warning, hint: hint, message: message)
    }

    var description: String { "\(severity.rawValue) [\(code.rawValue)] \(file) at \(place)" }
}

extension [Diagnostic] {
    /// One diagnostic a line, for failure messages.
    var listing: String {
        isEmpty ? "(none)" : map { "  " + $0.formatted }.joined(separator: "\n")
    }
}

/// Checks that `diagnostics` are exactly `expected` (nothing missing, nothing extra), each
/// in the right file, at the right line and column, with the right code and severity.
func expectDiagnostics(_ diagnostics: [Diagnostic], match expected: [ExpectedDiagnostic], in content: URL,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
    var remaining = diagnostics
    for expectation in expected {
        let (line, column) = try expectation.place.resolve(file: expectation.file, in: content)
        let candidates = remaining.indices.filter {
            remaining[$0].path.hasSuffix("content/" + expectation.file)
                && remaining[$0].code == expectation.code.rawValue
                && remaining[$0].severity == expectation.severity
        }
        guard !candidates.isEmpty else {
            Issue.record("missing \(expectation) (expected at \(line):\(column.map(String.init) ?? "*"))\nall diagnostics:\n\(diagnostics.listing)",
                         sourceLocation: sourceLocation)
            continue
        }
        // Prefer the candidate on the expected line, so several of one code in one file pair up.
        let index = candidates.first(where: { remaining[$0].line == line }) ?? candidates[0]
        let found = remaining.remove(at: index)
        #expect(found.line == line, "\(expectation): line \(found.line), expected \(line)\n  \(found.formatted)",
                sourceLocation: sourceLocation)
        if let column {
            #expect(found.column == column, "\(expectation): column \(found.column), expected \(column)\n  \(found.formatted)",
                    sourceLocation: sourceLocation)
        }
        if let hint = expectation.hint {
            #expect(found.hint?.contains(hint) == true, "\(expectation): hint \(found.hint.map { "`\($0)`" } ?? "none") should mention `\(hint)`",
                    sourceLocation: sourceLocation)
        }
        if let message = expectation.message {
            #expect(found.message.contains(message), "\(expectation): message `\(found.message)` should mention `\(message)`",
                    sourceLocation: sourceLocation)
        }
    }
    #expect(remaining.isEmpty, "unexpected diagnostics (the rest of the tree is valid):\n\(remaining.listing)",
            sourceLocation: sourceLocation)
}
