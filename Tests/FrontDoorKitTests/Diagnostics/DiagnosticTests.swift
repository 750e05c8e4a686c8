import Foundation
import Testing
@testable import FrontDoorKit

/// One fixture tree and every diagnostic it must produce: nothing more, nothing less.
struct DiagnosticCase: Sendable, CustomTestStringConvertible {
    var name: String
    var expected: [ExpectedDiagnostic]

    init(_ name: String, _ expected: ExpectedDiagnostic...) {
        self.name = name
        self.expected = expected
    }

    var testDescription: String { name }
}

private let company = "companies/example-femtech.md"
private let institution = "institutions/example-university.md"
private let trust = "trusts/example-hospitals.md"
private let network = "networks/example-health-network.md"
private let partnership = "partnerships/example-mou.md"
private let womensHealth = "areas/womens-health.md"

/// shared/spec/content-model.md, "Errors an editor must get", one row per rule.
/// Positions come from the fixture text (see `DiagnosticPlace`); whole-file problems are at 1:1.
private let diagnosticCases: [DiagnosticCase] = [
    // Front matter
    DiagnosticCase("no-front-matter", .error(.noFrontMatter, company, .fixed(line: 1, column: 1))),
    DiagnosticCase("unclosed-front-matter", .error(.unclosedFrontMatter, company, .fixed(line: 1, column: 1))),
    // `maturity: advanced: yes`: the second colon. The line is the file's line, not the YAML block's.
    DiagnosticCase("yaml-syntax", .error(.yamlSyntax, company, .at(line: "maturity: advanced: yes", column: ": yes"))),
    DiagnosticCase("missing-key", .error(.missingKey, company, .fixed(line: 1, column: 1), message: "`summary`")),
    DiagnosticCase("wrong-type", .error(.wrongType, company, .at(line: "areas: womens-health", column: "womens-health"), message: "`areas`")),
    // Renaming `summary` to `sumary` also leaves the required summary missing.
    DiagnosticCase("unknown-key",
                   .warning(.unknownKey, company, .at(line: "sumary:"), hint: "`summary`"),
                   .error(.missingKey, company, .fixed(line: 1, column: 1), message: "`summary`")),
    // Slugs
    DiagnosticCase("bad-slug", .error(.badSlug, "companies/Bad_Name.md", .fixed(line: 1, column: 1), hint: "bad-name.md")),
    // institutions/example-femtech.md sorts after companies/example-femtech.md.
    DiagnosticCase("duplicate-slug", .error(.duplicateSlug, "institutions/example-femtech.md", .fixed(line: 1, column: 1),
                                           message: "companies/example-femtech.md")),
    // References
    DiagnosticCase("unknown-area", .error(.unknownArea, company, .at(line: "- womens-heath", column: "womens-heath"), hint: "`womens-health`")),
    DiagnosticCase("unknown-related-area", .error(.unknownArea, womensHealth, .at(line: "- mental-helth", column: "mental-helth"), hint: "`mental-health`")),
    DiagnosticCase("unknown-capability-seeks", .error(.unknownCapability, company, .at(line: "- clinical-trails", column: "clinical-trails"), hint: "`clinical-trials`")),
    DiagnosticCase("unknown-capability-offers", .error(.unknownCapability, trust, .at(line: "- test-beds", column: "test-beds"), hint: "`test-bed`")),
    DiagnosticCase("unknown-partner", .error(.unknownProfile, company, .at(line: "- example-health-netwrok", column: "example-health-netwrok"),
                                            hint: "`example-health-network`", message: "`partners`")),
    DiagnosticCase("unknown-member", .error(.unknownProfile, network, .at(line: "- example-universty", column: "example-universty"),
                                           hint: "`example-university`", message: "`members`")),
    DiagnosticCase("unknown-party", .error(.unknownProfile, partnership, .at(line: "- example-hospital", column: "example-hospital"),
                                          hint: "`example-hospitals`", message: "`parties`")),
    DiagnosticCase("unknown-region", .error(.unknownRegion, trust, .at(line: "region: West Midland", column: "West Midland"), hint: "`West Midlands`")),
    // Values
    DiagnosticCase("summary-too-long", .error(.tooLong, company, .at(line: "summary: ", column: "An app"), message: "301")),
    DiagnosticCase("invalid-url", .error(.invalidURL, institution, .at(line: "website:", column: "university.example.org"),
                                        hint: "https://university.example.org")),
    DiagnosticCase("invalid-email", .error(.invalidEmail, company, .at(line: "email:", column: "hello.femtech"))),
    DiagnosticCase("invalid-postcode", .error(.invalidPostcode, trust, .at(line: "postcode:", column: "15B 2TH"))),
    DiagnosticCase("invalid-ods", .error(.invalidODS, trust, .at(line: "ods:", column: "RZZ12345"))),
    DiagnosticCase("invalid-ukprn", .error(.invalidUKPRN, institution, .at(line: "ukprn:", column: "\"20000001\""))),
    DiagnosticCase("invalid-companies-house", .error(.invalidCompaniesHouse, company, .at(line: "companies_house:", column: "\"ABC12345\""))),
    DiagnosticCase("invalid-date", .error(.invalidDate, partnership, .at(line: "signed:", column: "2025-02-30"))),
    DiagnosticCase("invalid-year", .error(.invalidYear, company, .at(line: "founded:", column: "1700"))),
    // Flesch reading ease far below 30, with the long words named in the hint.
    DiagnosticCase("hard-to-read", .warning(.hardToRead, company, .at(line: "summary: ", column: "A longitudinal"), hint: "perimenopausal")),
    DiagnosticCase("missing-logo", .error(.missingLogo, company, .at(line: "logo:", column: "logos/femtech.svg"))),
    // Files
    DiagnosticCase("empty-file", .error(.emptyFile, company, .fixed(line: 1, column: 1))),
    DiagnosticCase("stray-markdown", .warning(.strayMarkdown, "notes.md", .fixed(line: 1, column: 1))),
    // Controls: the same trees with nothing broken.
    DiagnosticCase("valid"),
    DiagnosticCase("logo-present"),
]

@Suite struct DiagnosticTests {
    @Test("each rule reports the right file, line, column, code and severity, and nothing else",
          arguments: diagnosticCases)
    func diagnostic(_ testCase: DiagnosticCase) throws {
        let content = try DiagnosticFixtures.content(testCase.name)
        let diagnostics = try DiagnosticFixtures.check(content)
        try expectDiagnostics(diagnostics, match: testCase.expected, in: content)
    }

    @Test("every rule the spec lists has a case")
    func everyRuleHasACase() {
        let covered = Set(diagnosticCases.flatMap { $0.expected.map(\.code) } + [.notUTF8])
        let required: [DiagnosticCode] = [
            .noFrontMatter, .unclosedFrontMatter, .yamlSyntax, .missingKey, .wrongType, .unknownKey,
            .badSlug, .duplicateSlug, .unknownArea, .unknownCapability, .unknownProfile,
            .tooLong, .invalidURL, .invalidEmail, .invalidPostcode, .invalidODS, .invalidUKPRN,
            .invalidCompaniesHouse, .invalidDate, .invalidYear, .missingLogo,
            .notUTF8, .emptyFile, .strayMarkdown, .unknownRegion,
        ]
        for code in required {
            #expect(covered.contains(code), "no case for [\(code.rawValue)]")
        }
    }

    @Test("the spec's example tree gives zero diagnostics")
    func validExampleIsClean() throws {
        let report = try SiteBuilder().check(content: try DiagnosticFixtures.content("valid").path)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.listing)")
        #expect(report.directory != nil, "a clean tree links into a directory")
    }

    @Test("the YAML error's line is the line in the file, one below the line in the YAML block")
    func yamlLineIsFileLine() throws {
        let content = try DiagnosticFixtures.content("yaml-syntax")
        let lines = try DiagnosticFixtures.lines(of: company, in: content)
        let fileLine = try #require(lines.firstIndex(of: "maturity: advanced: yes")) + 1
        let yamlLine = fileLine - 1  // the opening `---` is line 1 of the file
        let diagnostic = try #require(try DiagnosticFixtures.check(content).first { $0.code == DiagnosticCode.yamlSyntax.rawValue })
        #expect(diagnostic.line == fileLine)
        #expect(diagnostic.line != yamlLine)
    }

    @Test("a file that is not valid UTF-8 is reported at the line of the first bad byte")
    func notUTF8() throws {
        let content = try DiagnosticFixtures.temporaryCopy()
        defer { DiagnosticFixtures.remove(content) }
        let url = content.appendingPathComponent(company)
        var bytes = [UInt8](try Data(contentsOf: url))
        // "menopause app" -> "menopause<0xFF> app", in the Latin-1-style way a bad editor would save it.
        let needle = Array("  - menopause app".utf8)
        let start = try #require(bytes.indices.first { bytes[$0...].starts(with: needle) })
        bytes.insert(0xFF, at: start + needle.count - " app".utf8.count)
        try Data(bytes).write(to: url)
        let expectedLine = bytes[..<start].filter { $0 == 0x0A }.count + 1

        try expectDiagnostics(try DiagnosticFixtures.check(content), match: [
            .error(.notUTF8, company, .fixed(line: expectedLine, column: 1)),
        ], in: content)
    }

    @Test("a summary of exactly 300 characters is accepted; 301 is not")
    func summaryLimit() throws {
        let content = try DiagnosticFixtures.temporaryCopy()
        defer { DiagnosticFixtures.remove(content) }
        let old = "summary: An app that helps women track menopause symptoms and share them with their GP."
        let base = "An app that helps women track menopause symptoms and share them with their GP."
        let exact = base + String(repeating: "x", count: 300 - base.count)
        try DiagnosticFixtures.replace(old, with: "summary: " + exact, in: company, of: content)
        #expect(try DiagnosticFixtures.check(content).isEmpty)

        try DiagnosticFixtures.replace("summary: " + exact, with: "summary: " + exact + "y", in: company, of: content)
        try expectDiagnostics(try DiagnosticFixtures.check(content), match: [
            .error(.tooLong, company, .at(line: "summary: ", column: "An app")),
        ], in: content)
    }

    @Test("founded may be this year, not next year")
    func yearLimit() throws {
        let content = try DiagnosticFixtures.temporaryCopy()
        defer { DiagnosticFixtures.remove(content) }
        let thisYear = Calendar(identifier: .gregorian).component(.year, from: Date())
        try DiagnosticFixtures.replace("founded: 2021", with: "founded: \(thisYear)", in: company, of: content)
        #expect(try DiagnosticFixtures.check(content).isEmpty)

        try DiagnosticFixtures.replace("founded: \(thisYear)", with: "founded: \(thisYear + 1)", in: company, of: content)
        try expectDiagnostics(try DiagnosticFixtures.check(content), match: [
            .error(.invalidYear, company, .at(line: "founded:", column: "\(thisYear + 1)")),
        ], in: content)
    }

    @Test("site.yml that is not valid UTF-8 is reported at the line of the first bad byte, as profiles are")
    func siteConfigNotUTF8() throws {
        let content = try DiagnosticFixtures.temporaryCopy()
        defer { DiagnosticFixtures.remove(content) }
        let url = content.appendingPathComponent("site.yml")
        var bytes = [UInt8](try Data(contentsOf: url))
        let needle = Array("  - West Midlands".utf8)
        let start = try #require(bytes.indices.first { bytes[$0...].starts(with: needle) })
        bytes.insert(0xE9, at: start + needle.count)  // "West Midlandsé" in Latin-1
        try Data(bytes).write(to: url)
        let expectedLine = bytes[..<start].filter { $0 == 0x0A }.count + 1
        #expect(expectedLine > 1, "the bad byte is not on line 1, so the line is checked")

        let diagnostics = try DiagnosticFixtures.check(content)
        let diagnostic = try #require(diagnostics.first { $0.code == DiagnosticCode.notUTF8.rawValue }, "\(diagnostics.listing)")
        #expect(diagnostic.path.hasSuffix("content/site.yml"))
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.line == expectedLine, "\(diagnostic.formatted)")
    }

    @Test("an error in a referenced profile does not turn every reference to it into `unknown`")
    func noCascadeFromABrokenProfile() throws {
        // areas/womens-health.md exists but its summary is too long. The editor must get that one
        // error, not also "unknown area `womens-health`" in every profile that names it.
        let content = try DiagnosticFixtures.temporaryCopy()
        defer { DiagnosticFixtures.remove(content) }
        let summary = "summary: Care, research and technology for women's health, from pregnancy to menopause."
        try DiagnosticFixtures.replace(summary, with: summary + String(repeating: " More.", count: 40), in: womensHealth, of: content)
        try expectDiagnostics(try DiagnosticFixtures.check(content), match: [
            .error(.tooLong, womensHealth, .at(line: "summary: ", column: "Care,")),
        ], in: content)
    }

    @Test("the same slug twice is reported even when one of the two files has another error")
    func duplicateSlugBesideAnotherError() throws {
        let content = try DiagnosticFixtures.temporaryCopy(of: "duplicate-slug")
        defer { DiagnosticFixtures.remove(content) }
        try DiagnosticFixtures.replace("email: hello@femtech.example.com", with: "email: hello.femtech.example.com", in: company, of: content)
        let diagnostics = try DiagnosticFixtures.check(content)
        #expect(diagnostics.contains { $0.code == DiagnosticCode.invalidEmail.rawValue && $0.path.hasSuffix(company) },
                "\(diagnostics.listing)")
        let duplicates = diagnostics.filter { $0.code == DiagnosticCode.duplicateSlug.rawValue }
        #expect(duplicates.count == 1, "one duplicate-slug error for companies/ and institutions/example-femtech.md:\n\(diagnostics.listing)")
        #expect(duplicates.allSatisfy { $0.severity == .error && ($0.path.hasSuffix(company) || $0.path.hasSuffix("institutions/example-femtech.md")) })
    }

    @Test("several broken files are all reported in one run, not only the first")
    func everyProblemInOneRun() throws {
        let content = try DiagnosticFixtures.content("several-broken")
        let diagnostics = try DiagnosticFixtures.check(content)
        try expectDiagnostics(diagnostics, match: [
            // Two problems in one file: both, not only the first.
            .error(.invalidEmail, company, .at(line: "email:", column: "hello.femtech")),
            .error(.invalidYear, company, .at(line: "founded:", column: "1700")),
            .error(.invalidDate, partnership, .at(line: "signed:", column: "2025-02-30")),
            .error(.unknownProfile, network, .at(line: "- example-universty", column: "example-universty")),
            .warning(.unknownKey, trust, .at(line: "ward: Edgbaston")),
            .warning(.strayMarkdown, "notes.md", .fixed(line: 1, column: 1)),
        ], in: content)
        #expect(Set(diagnostics.map(\.path)).count == 5, "five files are broken\n\(diagnostics.listing)")
    }
}
