import Testing
@testable import FrontDoorKit

@Suite("Validate: readability of summaries")
struct ReadabilityTests {
    @Test(arguments: [
        ("cat", 1), ("make", 1), ("makes", 1), ("walked", 1), ("table", 2), ("health", 1), ("women", 2),
        ("evaluation", 4), ("technology", 4), ("rehabilitation", 6), ("area", 2), ("yes", 1),
    ])
    func syllableCounts(word: String, syllables: Int) {
        #expect(ReadingEase.syllables(in: Substring(word)) == syllables)
    }

    @Test func scoresFollowFleschsFormula() throws {
        // 10 words, 1 sentence, 13 syllables: 206.835 − 1.015 × 10 − 84.6 × 1.3 = 86.705.
        let ease = try #require(ReadingEase("The cat sat on the mat and then it ate."))
        #expect(ease.words == 10 && ease.sentences == 1)
        #expect(abs(ease.score - (206.835 - 10.15 - 84.6 * 1.0)) < 0.001)
        let two = try #require(ReadingEase("We run trials. We test apps!"))
        #expect(two.sentences == 2 && two.words == 6)
        #expect(ReadingEase("  — 42 ") == nil)
    }

    @Test func plainSummariesPassAndDenseOnesWarn() {
        var plain = ProfileFactory.make(.company, "plain")
        plain.summary = "We help people with long-term lung problems stay well at home. Nurses check on them each day by phone."
        var dense = ProfileFactory.make(.company, "dense")
        dense.summary = "A longitudinal symptomatology application facilitating individualised perimenopausal and menopausal management, integrating consultation documentation with general practitioners."
        dense.summaryPosition = SourcePosition(line: 3, column: 10)
        var short = ProfileFactory.make(.company, "short")
        short.summary = "A memorandum of understanding to evaluate new technology together."
        let diagnostics = ReadabilityCheck().check([plain, dense, short])
        #expect(diagnostics.count == 1)
        let warning = diagnostics.first
        #expect(warning?.code == "hard-to-read" && warning?.severity == .warning)
        #expect(warning?.path == dense.sourcePath && warning?.line == 3 && warning?.column == 10)
        #expect(warning?.hint?.contains("perimenopausal") == true)
    }

    @Test func theCheckCanBeTurnedOff() throws {
        let content = try DiagnosticFixtures.content("hard-to-read")
        #expect(try SiteBuilder().check(content: content.path).diagnostics.map(\.code) == ["hard-to-read"])
        #expect(try SiteBuilder().check(content: content.path, readability: false).diagnostics.isEmpty)
    }
}
