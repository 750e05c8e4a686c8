import Foundation
import Testing
@testable import FrontDoorKit

/// `YAMLEventTree` builds front matter from the bounds scan's events; it must give the tree
/// composing with Yams gives, and give up wherever it could not be sure to.
@Suite("Parse: the event tree agrees with Yams")
struct YAMLEventTreeTests {
    static func read(_ yaml: String, eventTree: Bool) -> Result<YAMLValue?, YAMLReader.Failure> {
        do throws(YAMLReader.Failure) {
            return .success(try YAMLReader.read(yaml, firstLine: 3, takingEventTree: eventTree))
        } catch {
            return .failure(error)
        }
    }

    static func built(_ yaml: String) -> Bool {
        (try? YAMLLimits.check(yaml, firstLine: 1).tree) != nil
    }

    /// Lines that, stacked at random, make front matter both common and odd: nesting,
    /// flow and block collections, every scalar style, repeated keys, anchors, aliases,
    /// tags, comments, several documents and broken syntax.
    static let lines = [
        "title: Acme Health", "title: \"Acme: quoted\"", "title: 'single'", "kind: company", "n: 12", "n: -0.5",
        "flag: yes", "flag: ~", "empty:", "date: 2024-05-01", "url: https://example.org/a?b=c#d",
        "areas: [womens-health, mental-health]", "areas: []", "map: {a: 1, b: [x, y], c: {d: e}}",
        "list:", "  - one", "  - 2", "  - \"three\"", "  - key: v", "    other: w", "  -", "nested:", "  inner: 1",
        "  deeper:", "    - x", "block: |", "  line one", "  line two", "folded: >-", "  folded text", "  more",
        "anchor: &a value", "alias: *a", "tagged: !!str 5", "custom: !thing x", "? [complex, key]", ": value",
        "? plain key", "# a comment", "after: x # trailing comment", "---", "...", "title: Acme Health",
        "bad: [unclosed", "\tindented: tab", "  stray: indent", "- top list item", "é: unicode key",
        "\"1\": quoted one", "1: bare one", "key with spaces: v", "multi: first", "  continued plain",
        "merge: {<<: {a: 1}}", "'': empty key", "null: null key",
    ]

    @Test func randomFrontMatterReadsAsYamsReadsIt() {
        var random = SeededRandom(seed: 29)
        var built = 0
        for _ in 0..<4_000 {
            let count = Int.random(in: 0...9, using: &random)
            let yaml = (0..<count).map { _ in Self.lines.randomElement(using: &random)! }.joined(separator: "\n")
                + (Bool.random(using: &random) ? "\n" : "")
            let fast = Self.read(yaml, eventTree: true)
            let slow = Self.read(yaml, eventTree: false)
            #expect(fast == slow, "\(yaml.debugDescription)")
            if Self.built(yaml) { built += 1 }
        }
        // The comparison means something only if the tree is built often, and given up on too.
        #expect(built > 800 && built < 3_600, "built \(built) of 4000")
    }

    @Test func exampleProfilesAreBuiltWithoutYams() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../../shared/spec/example/content").standardized
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" }
        #expect(files.count >= 6)
        for file in files {
            let split = try FrontMatter.split(String(contentsOf: file, encoding: .utf8))
            #expect(Self.built(split.yaml), "\(file.lastPathComponent)")
            #expect(Self.read(split.yaml, eventTree: true) == Self.read(split.yaml, eventTree: false))
        }
    }

    @Test(arguments: [
        "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: 1\n---\nb: 2\n", "a: 1\na: 2\n", "\"a\": 1\na: 2\n",
        "? [a]\n: b\n", "? {a: 1}\n: b\n", "a: [\n",
    ])
    func givesUpWhereYamsMustDecide(yaml: String) {
        #expect(!Self.built(yaml))
        #expect(Self.read(yaml, eventTree: true) == Self.read(yaml, eventTree: false))
    }

    @Test func emptyTextIsNoValueEitherWay() throws {
        #expect(try YAMLLimits.check("", firstLine: 1).tree == .some(nil))
        #expect(try YAMLLimits.check("# only a comment\n", firstLine: 1).tree == .some(nil))
        #expect(try YAMLReader.read("# only a comment\n", firstLine: 1) == nil)
    }
}
