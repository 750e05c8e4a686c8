import Foundation
import Testing
@testable import FrontDoorKit

/// Byte-level shortcuts taken on hot paths must agree with the Foundation code they skip.
@Suite("String shortcuts agree with Foundation")
struct StringShortcutTests {
    static func randomText(_ alphabet: [String], length: Int, _ random: inout SeededRandom) -> String {
        (0..<Int.random(in: 0...length, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
    }

    @Test func asciiSlugWordsMatchTheFoldedWords() {
        var random = SeededRandom(seed: 7)
        let alphabet = ["a", "Z", "q", "0", "9", " ", "-", "&", "'", ".", "_", "(", "\t", "AbC", "Ltd.", "NHS"]
        for _ in 0..<3000 {
            let title = Self.randomText(alphabet, length: 14, &random)
            #expect(Slug.asciiWords(title) == Slug.words(title), "\(title.debugDescription)")
        }
        #expect(Slug.asciiWords("Nāri Health") == nil, "non-ASCII titles take the Foundation path")
        #expect(Slug.make(from: "Nāri Health & Co's Ltd.") == "nari-health-and-cos-ltd")
        #expect(Slug.make(from: "Smith & Nephew's R&D") == "smith-and-nephews-r-and-d")
    }

    /// The validator's length check skips Foundation only where the answer is "fine":
    /// ASCII without a carriage return, within the limit, with enough non-space bytes.
    @Test func titleLengthShortcutAgreesWithCharacters() {
        var random = SeededRandom(seed: 13)
        let alphabet = ["a", "Z", " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "é", "e\u{301}", "\u{85}", "-"]
        var taken = 0
        for _ in 0..<5000 {
            let text = Self.randomText(alphabet, length: 8, &random)
            let trimmedCount = text.trimmingCharacters(in: .whitespacesAndNewlines).count
            for (min, max) in [(1, 4), (2, 6), (1, 120)] {
                let slowFine = trimmedCount >= min && text.count <= max
                if let length = ProfileValidator.plainASCIILength(text) {
                    #expect(length == text.count, "\(text.debugDescription)")
                } else {
                    #expect(text.utf8.contains { $0 >= 0x80 || $0 == 0x0D }, "\(text.debugDescription)")
                }
                let fastFine = ProfileValidator.isPlainlyWithin(text, min: min, max: max)
                if fastFine { taken += 1 }
                #expect(!fastFine || slowFine, "\(text.debugDescription) min \(min) max \(max)")
            }
        }
        #expect(taken > 800, "the shortcut is taken often enough to be tested: \(taken)")
    }

    /// The segments are the file system's: split on the `/` byte. (Split on the Character,
    /// as the check was first written, `/` and a combining mark after it are one Character,
    /// and `../\u{301}x` passed as one harmless segment though it climbs out of the folder.)
    @Test func safePathCheckMatchesTheSegmentSplit() {
        func splitCheck(_ path: String) -> Bool {
            guard !path.isEmpty, !path.utf8.contains(UInt8(ascii: "\\")), !path.utf8.contains(0) else { return false }
            return path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).allSatisfy {
                !$0.isEmpty && !$0.elementsEqual("..".utf8) && !$0.elementsEqual(".".utf8)
            }
        }
        #expect(!AssetPath.isSafe("../\u{301}x"))
        #expect(!AssetPath.isSafe("logos/..\u{0}"))
        #expect(AssetPath.isSafe("logos/.\u{301}/a..b/.../x.svg"))
        var random = SeededRandom(seed: 17)
        let alphabet = ["a", ".", ".", "/", "/", "\\", "\u{0}", "é", "\u{301}", "-", "index.html"]
        var safe = 0
        for _ in 0..<5000 {
            let path = Self.randomText(alphabet, length: 7, &random)
            #expect(AssetPath.isSafe(path) == splitCheck(path), "\(path.debugDescription)")
            if splitCheck(path) { safe += 1 }
        }
        #expect(safe > 500 && safe < 4500, "both answers are common: \(safe) safe")
    }

    @Test func variantSearchMatchesFoundation() {
        var random = SeededRandom(seed: 11)
        let alphabet = ["a", "e", "p", "d", "o", "u", "r", "ae", "paed", "our", "é", "x"]
        let parts = TextAnalyzer.defaultVariants.map { $0[0] } + ["", "a", "é", "ed"]
        for _ in 0..<3000 {
            let word = Self.randomText(alphabet, length: 10, &random)
            let part = parts.randomElement(using: &random)!
            #expect(TextAnalyzer.contains(word, part) == word.contains(part), "\(word) / \(part)")
        }
    }

    /// `normalizeSpelling` with no shortcut: every variant searched with Foundation.
    static func respelledByFoundation(_ token: String, _ analyzer: TextAnalyzer) -> String {
        var word = token
        for pair in analyzer.variants where word.contains(pair[0]) {
            word = word.replacingOccurrences(of: pair[0], with: pair[1])
        }
        for suffix in TextAnalyzer.izSuffixes where word.hasSuffix(suffix) {
            if word.utf16.count - suffix.utf16.count >= 3 {
                word = String(word.dropLast(suffix.count)) + "iz" + suffix.dropFirst(2)
            }
            break
        }
        return word
    }

    @Test func respellingShortcutMatchesFoundation() {
        var random = SeededRandom(seed: 13)
        let analyzer = TextAnalyzer()
        let alphabet = ["a", "e", "i", "s", "o", "u", "r", "c", "p", "d", "t", "ae", "oe", "paed", "our", "ise", "ised",
                        "centre", "haem", "é", "x", "1"]
        var respelled = 0
        for _ in 0..<5000 {
            let word = Self.randomText(alphabet, length: 8, &random)
            let expected = Self.respelledByFoundation(word, analyzer)
            #expect(analyzer.normalizeSpelling(word) == expected, "\(word)")
            if expected != word { respelled += 1 }
        }
        #expect(respelled > 500, "the sample must exercise the respelling, not only the shortcut")
        for (word, expected) in [("paediatric", "pediatric"), ("organisation", "organization"), ("centre", "center"),
                                 ("rise", "rise"), ("haematology", "hematology"), ("wise", "wise"), ("digital", "digital")] {
            #expect(analyzer.normalizeSpelling(word) == expected, "\(word)")
        }
    }

    @Test func choiceLabelsAreSentenceCase() {
        #expect(ContentSchema.choiceLabel("early-stage") == "Early stage")
        #expect(ContentSchema.choiceLabel("in-use-in-the-nhs") == "In use in the nhs")
        #expect(ContentSchema.choiceLabel("mou") == "Memorandum of understanding")
        #expect(ContentSchema.choiceLabel("b") == "Tier B")
        #expect(ContentSchema.choiceLabel("") == "")
    }

    @Test func headingIDsGoOnHeadingsOnly() {
        let html = "<h2>One</h2>\n<p>a &lt;h2&gt; b</p><hr />\n<h3>Two</h3><h7>x</h7><h4>Three</h4>"
        #expect(MarkdownRenderer.addHeadingIDs(html, ids: ["one", "two"])
            == "<h2 id=\"one\">One</h2>\n<p>a &lt;h2&gt; b</p><hr />\n<h3 id=\"two\">Two</h3><h7>x</h7><h4>Three</h4>")
        #expect(MarkdownRenderer.addHeadingIDs("<p>é</p><h1>É</h1>", ids: ["e"]) == "<p>é</p><h1 id=\"e\">É</h1>")
        #expect(MarkdownRenderer.addHeadingIDs(html, ids: []) == html)
    }
}
