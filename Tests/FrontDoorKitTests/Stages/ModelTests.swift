import Testing
@testable import FrontDoorKit

@Suite("Model")
struct ModelTests {
    @Test(arguments: [
        ("womens-health", true), ("a", true), ("abc-123", true),
        ("", false), ("-a", false), ("a-", false), ("a--b", false), ("A", false), ("a_b", false), ("é", false),
        (String(repeating: "a", count: 80), true), (String(repeating: "a", count: 81), false),
    ])
    func slugRule(_ text: String, _ valid: Bool) {
        #expect(Slug.isValid(text) == valid)
    }

    @Test func slugsMadeFromTitlesAreValid() {
        #expect(Slug.make(from: "Nāri Health Ltd.") == "nari-health-ltd")
        #expect(Slug.make(from: "Ørsted Æble Straße Łódź") == "orsted-aeble-strasse-lodz")
        #expect(Slug.make(from: "Women's Health & Care") == "womens-health-and-care")
        #expect(Slug.make(from: "  Zeta   Diagnostics ") == "zeta-diagnostics")
        #expect(Slug.isValid(Slug.make(from: String(repeating: "word ", count: 40))))
    }

    @Test(arguments: [
        ("https://example.org/", "/"), ("https://example.org/frontdoor", "/frontdoor/"), ("https://example.org", "/"),
        ("http://localhost:8080/a/b/", "/a/b/"),
    ])
    func basePathAlwaysHasSlashes(_ url: String, _ path: String) {
        var config = SiteConfig(title: "t", description: "d", baseURL: "https://other.example.org/elsewhere/", capabilities: [])
        #expect(config.basePath == "/elsewhere/")
        config.baseURL = url
        #expect(config.basePath == path, "kept in step with base_url when it changes")
    }

    @Test func schemeDetectionMatchesBrowsers() {
        #expect(SafeURL.scheme(of: "javascript:x") == "javascript")
        #expect(SafeURL.scheme(of: " \tjava\nscript:x") == "javascript")
        #expect(SafeURL.scheme(of: "/a:b") == nil)
        #expect(SafeURL.scheme(of: "page#a:b") == nil)
        #expect(SafeURL.isSafeLink("HTTPS://example.org"))
        #expect(!SafeURL.isSafeLink("data:text/html,x"))
    }

    @Test func diagnosticLineFormat() {
        let diagnostic = Diagnostic(path: "content/a.md", at: SourcePosition(line: 3, column: 5), .error, .unknownArea,
                                    "unknown area `x`", hint: "did you mean `y`?")
        #expect(diagnostic.formatted == "content/a.md:3:5: error: [unknown-area] unknown area `x` (did you mean `y`?)")
    }

    @Test func githubAnnotationsEscapeTheirSeparators() {
        let diagnostic = Diagnostic(path: "content/a,b.md", at: SourcePosition(line: 2, column: 1), .warning, .unknownKey, "50% sure\nreally")
        #expect(DiagnosticFormat.github.render([diagnostic])
            == "::warning file=content/a%2Cb.md,line=2,col=1,title=unknown-key::[unknown-key] 50%25 sure%0Areally\n")
    }

    @Test func editDistance() {
        #expect(EditDistance.between("womens-heath", "womens-health") == 1)
        #expect(EditDistance.between("", "abc") == 3)
        #expect(FieldChecks.nearest("sumary", in: ["title", "summary", "areas"]) == "summary")
        #expect(FieldChecks.nearest("zzzzzz", in: ["title", "summary"]) == nil)
    }

    @Test(arguments: [("2024-02-29", true), ("2023-02-29", false), ("2025-13-01", false), ("2025-6-1", false), ("2025-06-31", false), ("2025-06-30", true)])
    func dates(_ text: String, _ valid: Bool) {
        #expect(FieldChecks.isValidDate(text) == valid)
    }

    @Test(arguments: [
        (IdentifierFormat.ukprn, "10006840", true), (.ukprn, "20006840", false), (.ukprn, "1000684", false),
        (.ods, "RRK", true), (.ods, "RQ301", true), (.ods, "rrk", false), (.ods, "RRKABC", false),
        (.companiesHouse, "12345678", true), (.companiesHouse, "SC123456", true), (.companiesHouse, "S1234567", false),
        (.postcode, "B15 2TH", true), (.postcode, "B152TH", true), (.postcode, "SW1A 1AA", true), (.postcode, "12345", false),
    ])
    func identifiers(_ format: IdentifierFormat, _ value: String, _ valid: Bool) {
        #expect(format.matches(value) == valid)
    }

    /// A profile's keys live in one shared box (`Profile.Fields`): a copy must still behave as
    /// a value, changed alone, and equal to another profile with the same keys.
    @Test func aProfileCopyIsChangedAloneAndComparedByItsKeys() {
        var original = Profile(type: .company, slug: "acme", sourcePath: "companies/acme.md", title: "Acme", summary: "Tools.")
        original.areas = ["womens-health"]
        var copy = original
        copy.title = "Acme Health"
        copy.areas.append("mental-health")
        #expect(original.title == "Acme" && original.areas == ["womens-health"])
        #expect(copy.title == "Acme Health" && copy.areas == ["womens-health", "mental-health"])
        #expect(original != copy)

        var twin = Profile(type: .company, slug: "acme", sourcePath: "companies/acme.md", title: "Acme", summary: "Tools.")
        twin.areas = ["womens-health"]
        #expect(twin == original)
        #expect(Set([original, twin, copy]).count == 2)
    }
}
