import Foundation
import Testing
@testable import FrontDoorKit

/// The limits on what one file may hold (README, "Limits and guarantees"): each is refused
/// quickly, with its own code, at the line where the limit is crossed.
@Suite("Limits")
struct LimitTests {
    func failure(_ yaml: String) -> YAMLReader.Failure? {
        do {
            _ = try YAMLReader.read(yaml, firstLine: 2)
            return nil
        } catch {
            return error
        }
    }

    @Test func billionLaughsFailsInWellUnderASecond() {
        // Ten values, repeated tenfold nine times: 10^10 values if expanded.
        var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 { yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let started = Date()
        let error = failure(yaml)
        #expect(Date().timeIntervalSince(started) < 0.5)
        #expect(error?.exceeded == .values)
        // a0..a2 hold 1,111 values; a3 crosses 10,000 on its own line (file line 2 + 3).
        #expect(error?.position.line == 5)
    }

    @Test func anAliasBombInKeysNeverReachesYams() {
        var yaml = "? &k0 [x, x, x, x, x, x, x, x, x, x]\n: 0\n"
        for level in 1...12 { yaml += "? &k\(level) [" + Array(repeating: "*k\(level - 1)", count: 10).joined(separator: ", ") + "]\n: \(level)\n" }
        let started = Date()
        #expect(failure(yaml)?.exceeded == .values)
        #expect(Date().timeIntervalSince(started) < 0.5)
    }

    @Test func legitimateAliasesAreFine() {
        #expect(failure("base: &b [a, b]\nareas: *b\ntags: *b\n") == nil)
    }

    @Test func nestingIsBoundedInFlowBlockAndThroughAliases() {
        let flow = "tags: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let started = Date()
        #expect(failure(flow)?.exceeded == .depth)
        #expect(Date().timeIntervalSince(started) < 0.5)

        var block = "a:\n"
        for level in 1...40 { block += String(repeating: "  ", count: level) + "k\(level):\n" }
        #expect(failure(block)?.exceeded == .depth)

        var aliased = "n0: &n0 [[[[[[[[[[x]]]]]]]]]]\n"
        for level in 1...3 { aliased += "n\(level): &n\(level) [[[[[[[[[[*n\(level - 1)]]]]]]]]]]\n" }
        #expect(failure(aliased)?.exceeded == .depth)

        // 31 levels under the front matter's own map: exactly at the limit.
        let deepest = "tags: " + String(repeating: "[", count: 31) + "x" + String(repeating: "]", count: 31) + "\n"
        #expect(failure(deepest) == nil)
    }

    @Test func listsAndMapsAreBounded() {
        let items = "tags:\n" + (1...1_000).map { "  - t\($0)\n" }.joined()
        #expect(failure(items) == nil)
        let tooMany = "tags:\n" + (1...1_001).map { "  - t\($0)\n" }.joined()
        let error = failure(tooMany)
        #expect(error?.exceeded == .items)
        #expect(error?.position.line == 1_003)
        let keys = (1...1_001).map { "k\($0): v\n" }.joined()
        #expect(failure(keys)?.exceeded == .items)
    }

    @Test func aControlCharacterIsReportedOnItsLine() {
        let error = failure("title: x\nsummary: y\ntags:\n  - a\u{7}b\n")
        #expect(error?.exceeded == nil)
        #expect(error?.position.line == 5)
    }

    @Test func aReadStopsAtTheLimitWhateverTheListingSaid() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fd-limit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("grown.md")
        try Data(repeating: UInt8(ascii: "x"), count: 2_000).write(to: file)
        #expect(try FileSystem().read(file.path, limit: 1_999) == nil)
        #expect(try FileSystem().read(file.path, limit: 2_000)?.count == 2_000)
        // A link swapped in after the listing is not followed.
        let link = folder.appendingPathComponent("link.md")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        #expect(throws: LoadError.self) { try FileSystem().read(link.path, limit: 10_000) }
    }

    @Test func markdownBracketsAndPipesAreBounded() throws {
        try MarkdownLimits.check(String(repeating: "[a](b) ", count: 10_000))
        #expect(throws: MarkdownLimits.Exceeded(line: 2, message: "the body has more than 10000 `[` (links and images)")) {
            try MarkdownLimits.check("intro\n" + String(repeating: "![[]()", count: 6_000))
        }
        #expect(throws: MarkdownLimits.Exceeded.self) {
            try MarkdownLimits.check(String(repeating: "|\n|-|\n", count: 4_000))
        }
    }

    /// Inputs that once were slow or crashed (tests/fuzz/regressions, also seeds for scripts/fuzz):
    /// each parses and validates in well under the time limit.
    @Test func fuzzRegressionsStayFast() throws {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("tests/fuzz/regressions")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(!names.isEmpty)
        let parser = DocumentParser(markdown: MarkdownRenderer(basePath: "/frontdoor/"))
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let started = Date()
            let (document, _) = parser.parse(SourceFile(relativePath: "companies/regression.md", displayPath: name, data: data))
            if let document { _ = ProfileValidator().validate(document) }
            #expect(Date().timeIntervalSince(started) < 3, "\(name) took \(Date().timeIntervalSince(started)) s")
        }
    }
}
