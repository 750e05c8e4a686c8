import Foundation
import Testing
@testable import FrontDoorKit

/// The parse stage's shortcuts (`PlainScalarTag`, the byte split of `FrontMatter`) must
/// give what the slow, obvious way gives, on the texts where the two could part.
@Suite("Parse: shortcuts agree with the slow way")
struct ParseShortcutTests {
    /// Plain scalars near every rule of Yams's default resolver, and texts just outside them.
    static let plainScalars = [
        "", "~", "null", "Null", "NULL", "nULL", "nul", "nulls",
        "yes", "Yes", "YES", "yES", "no", "No", "NO", "nO", "true", "True", "TRUE", "tRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "y", "n", "t", "f", "o", "offer", "Nope", "Truth",
        "0", "-0", "+0", "7", "2021", "01", "0o17", "0b101", "0x1F", "0xG", "1_000", "-1_000", "1:20", "190:20:30",
        "1.5", "-.5", ".5", "1e3", "1.e3", "1.5e-3", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", ".NAN", ".na", "1.2.3",
        "2021-01-01", "2021-1-1", "2021-01-01T10:00:00Z", "2021-01-01 10:00:00.5 +01:00", "2021-01-01x",
        "<<", "<", "=", "==", "-", "+", ".", "--", "- x", "0.5 km", "12 Main St", "+44 20 7946 0000",
        "1\u{301}", "1\u{2028}", "yes\u{301}", "text", "Ørsted", "https://example.org",
        "1995", "00", "0123", "089", "09", "123456789012345678901234567890", "2026-04-12", "2026-4-12", "2026-04-1x",
        "2026-04-123", "2026/04/12", "20260-4-12", "-2026-04-1", "2026-04-12 ", "１９９５",
    ]

    static func read(_ yaml: String) -> Result<YAMLValue?, YAMLReader.Failure> {
        do throws(YAMLReader.Failure) { return .success(try YAMLReader.read(yaml, firstLine: 2)) } catch { return .failure(error) }
    }

    /// Reads `yaml` both ways: as it is, and with a tagged key after it, which sends the
    /// reader the usual way, through Yams's resolver, and is then left out.
    static func expectSameBothWays(_ yaml: String) {
        switch (read(yaml), read(yaml + "z: !!str z\n")) {
        case (.success(.map(let fast, _)), .success(.map(let slow, _))):
            #expect(fast == Array(slow.dropLast()), "\(yaml.debugDescription)")
        case (.failure(let fast), .failure(let slow)):
            #expect(fast == slow, "\(yaml.debugDescription)")
        case (let fast, let slow):
            Issue.record("the two ways disagree on \(yaml.debugDescription): \(fast) vs \(slow)")
        }
    }

    @Test func plainScalarTypesAreYamsDefaultOnes() {
        for text in Self.plainScalars {
            let escaped = text.unicodeScalars.map { $0.isASCII ? String($0) : String(format: "\\u%04X", $0.value) }.joined()
            Self.expectSameBothWays("a: \(text)\n")
            Self.expectSameBothWays("a: \"\(escaped)\"\n")
            Self.expectSameBothWays("a: [\(text)]\n")
        }
    }

    @Test func keysThatDifferOnlyInTypeAreNotDuplicates() throws {
        let tree = try YAMLReader.read("1: a\n\"1\": b\ntrue: c\n'true': d\n", firstLine: 2)
        guard case .map(let entries, _) = tree else { Issue.record("not a map"); return }
        #expect(entries.map(\.key) == ["1", "1", "true", "true"])
    }

    @Test func aliasesBlocksAndCollectionKeysMatchTheSlowWay() {
        for yaml in ["k: &x 1\nv: *x\n", "&x 1: *x\n", "&x yes: [*x, *x]\n", "a: [1, 2]\nb: {c: ~}\n", "? [a]\n: b\n",
                     "a: |\n  1\nb: >\n  true\n", "a: 'null'\nb: \"\"\nc:\n"] {
            Self.expectSameBothWays(yaml)
        }
    }

    /// The split as it was written first: Characters, one Substring per line.
    static func characterSplit(_ text: String) -> Result<FrontMatter, FrontMatter.Failure> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        func isFence(_ line: Substring) -> Bool {
            var trimmed = line
            while let last = trimmed.last, last == " " || last == "\t" || last == "\r" { trimmed.removeLast() }
            return trimmed == "---"
        }
        guard let first = lines.first, isFence(first) else { return .failure(.missing) }
        guard let close = lines.dropFirst().firstIndex(where: isFence) else { return .failure(.unclosed) }
        return .success(FrontMatter(yaml: lines[1..<close].joined(separator: "\n"), yamlLine: 2,
                                    body: lines[(close + 1)...].joined(separator: "\n"), bodyLine: close + 2))
    }

    @Test func frontMatterSplitMatchesTheCharacterSplit() {
        let pieces = ["---", "--- ", "---\t", "---\r", "----", "-- -", "a: 1", "", " ", "\r", "é", "\u{301}", "-\u{301}", "x\r\ny"]
        var generator = SeededRandom(seed: 3)
        var texts: [String] = ["", "\n", "---", "---\n", "---\n---", "---\n---\n", "---\r\n---\r\n", "---\na\n---\nb\r\n"]
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...6, using: &generator)
            let lines = (0..<count).map { _ in pieces.randomElement(using: &generator)! }
            let ending = ["", "\n", "\n\n", "\r\n"].randomElement(using: &generator)!
            texts.append(lines.joined(separator: Bool.random(using: &generator) ? "\n" : "\r\n") + ending)
        }
        for text in texts {
            let fast = Result { () throws(FrontMatter.Failure) in try FrontMatter.split(text) }
            #expect(fast == Self.characterSplit(text), "\(text.debugDescription)")
        }
    }
}
