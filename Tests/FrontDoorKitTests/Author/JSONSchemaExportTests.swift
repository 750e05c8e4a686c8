import Foundation
import Testing
@testable import FrontDoorKit

/// The patterns `frontdoor schema` writes are regular-expression forms of checks the validator
/// makes in code; these tests run both over the same values so the two cannot drift apart.
/// (tests/editor/test_schema.py checks the whole schema against `frontdoor check`.)
@Suite("Author: frontdoor schema patterns agree with the validator")
struct JSONSchemaExportTests {
    /// JSON Schema `pattern` semantics: a search, not a whole-string match.
    static func matches(_ pattern: String, _ text: String) -> Bool {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test func datesAgreeOverWholeYears() {
        var checked = 0
        for year in [0, 4, 100, 400, 1800, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9999] {
            for month in 0...13 {
                for day in 0...32 {
                    let text = String(format: "%04d-%02d-%02d", year, month, day)
                    #expect(Self.matches(JSONSchemaExport.datePattern, text) == FieldChecks.isValidDate(text), "\(text)")
                    checked += 1
                }
            }
        }
        for text in ["2024-1-01", "2024-01-1", "24-01-01", "2024/01/01", "2024-01-01x", " 2024-01-01", "2024-01-01T10:00", "२०२४-०१-०१", ""] {
            #expect(Self.matches(JSONSchemaExport.datePattern, text) == FieldChecks.isValidDate(text), "\(text)")
        }
        #expect(checked == 13 * 14 * 33)
    }

    @Test func emailsAgree() {
        let samples = [
            "hello@example.org", "first.last+tag@mail.example.co.uk", "a@b.c", "o'brien@example.ie",
            "hello@example", "hello.example.org", "hello @example.org", "hello@-example.org", "hello@example-.org",
            "@example.org", "hello@", "hello@@example.org", "hello@exa_mple.org", "héllo@example.org",
            "hello@example..org", "hello@.example.org", "hello@example.org.", "",
        ]
        for text in samples {
            #expect(Self.matches(JSONSchemaExport.emailPattern, text) == FieldChecks.isValidEmail(text), "\(text)")
        }
    }

    @Test func urlsAgree() {
        let samples = [
            "https://www.example.org/", "http://example.org", "HTTPS://Example.ORG/a?b=c#d", "https://example.org:8443/x",
            "http://localhost:8080/", "https://user:pass@example.org/", "https://example.org/path%20with%20escapes",
            "https://example.org/a(b)/c;d=e,f*g+h!~'$&", "https://.", "https://a.b/",
            "www.example.org", "ftp://example.org/", "mailto:hello@example.org", "https://intranet/", "https://",
            "https:///path", "https://example.org/a b", "https://exa mple.org", " https://example.org", "https//example.org",
            "https://localhost.", "javascript://example.org/%0aalert(1)", "",
        ]
        for text in samples {
            #expect(Self.matches(JSONSchemaExport.urlPattern, text) == (SafeURL.parseAbsolute(text) != nil), "\(text)")
        }
    }

    @Test func assetPathsAgree() {
        let samples = [
            "logos/uhb.svg", "uhb.svg", "a/b/c.png", ".well-known/x.svg", "logos/..hidden.svg", "logos/...svg",
            "/logos/uhb.svg", "../uhb.svg", "logos/../../x.svg", "logos/./uhb.svg", "logos//uhb.svg", "logos/",
            "logos\\uhb.svg", ".", "..", "", "logos/\u{0}.svg",
        ]
        for text in samples {
            #expect(Self.matches(JSONSchemaExport.assetPattern, text) == AssetPath.isSafe(text), "\(text)")
        }
    }

    @Test func postcodesAgreeInAnyCase() {
        let pattern = JSONSchemaExport.identifierPattern(.postcode)
        let samples = ["B15 2TT", "b15 2tt", "B152TT", "SW1A 1AA", "sw1a1aa", "GIR 0AA", "gir0aa", "M1 1AE",
                       "B15", "15B 2TT", "B15 2T", "B15  2TT", "BBB1 2TT", ""]
        for text in samples {
            #expect(Self.matches(pattern, text) == IdentifierFormat.postcode.matches(text.uppercased()), "\(text)")
        }
    }

    @Test("unquoted identifiers: the whole-number range is exactly the numbers the pattern accepts",
          arguments: IdentifierFormat.allCases)
    func identifierNumbers(format: IdentifierFormat) {
        guard let range = JSONSchemaExport.unquotedNumbers(format) else {
            #expect(format == .postcode)
            return
        }
        for number in [range.lowerBound, range.lowerBound + 1, (range.lowerBound + range.upperBound) / 2, range.upperBound] {
            #expect(format.matches(String(number)), "\(number)")
        }
        #expect(!format.matches(String(range.lowerBound - 1)))
        #expect(!format.matches(String(range.upperBound + 1)))
    }

    @Test("quoted years: 1800 through the given year", arguments: [1900, 1999, 2000, 2009, 2010, 2026, 2099])
    func yearPattern(lastYear: Int) {
        let pattern = JSONSchemaExport.yearPattern(from1800Through: lastYear)
        for year in 1000...2200 {
            #expect(Self.matches(pattern, String(year)) == (1800...lastYear).contains(year), "\(year) with \(pattern)")
        }
        #expect(!Self.matches(pattern, "2021x") && !Self.matches(pattern, " 1900") && !Self.matches(pattern, ""))
    }

    @Test func blankTextIsRejectedAsTheValidatorTrims() {
        guard case .text(let min, _) = ContentSchema.fields(for: .company)[0].kind,
              let pattern = JSONSchemaExport.json(for: .text(min: min, max: 120), capabilities: nil)["pattern"] as? String
        else { Issue.record("title has no pattern"); return }
        for text in ["", " ", "\t \n", "\u{A0}", "a", " a ", "2021"] {
            let validatorAccepts = !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            #expect(Self.matches(pattern, text) == validatorAccepts, "\(text.debugDescription)")
        }
    }

    @Test("properties and required keys are ContentSchema's, for every type", arguments: ProfileType.allCases)
    func schemaMirrorsContentSchema(type: ProfileType) throws {
        let schema = JSONSchemaExport.schema(for: type)
        let properties = try #require(schema["properties"] as? [String: [String: Any]])
        let fields = ContentSchema.fields(for: type)
        #expect(Set(properties.keys) == Set(fields.map(\.key)))
        #expect(schema["required"] as? [String] == fields.filter(\.required).map(\.key))
        #expect(schema["additionalProperties"] as? Bool == false)
        for field in fields {
            let property = try #require(properties[field.key])
            #expect(property["description"] as? String == field.description)
            // an optional key may be left empty; a required one may not
            let text = JSONSchemaExport.text(property)
            #expect(text.contains("\"null\"") == !field.required, "\(field.key): \(text)")
        }
    }
}
