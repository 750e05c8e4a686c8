import Foundation
import FrontDoorKit

/// One fuzz input run through the loader's stages: the bytes are a whole profile file (front
/// matter and Markdown body together, as an editor writes it), parsed, then validated as
/// every profile type, references checked against a fixed site.yml.
///
/// Besides "no crash, no hang", it checks what the rest of the build relies on, and traps
/// (so libFuzzer keeps the input) when one does not hold:
/// - every diagnostic has a known code and a line and column of at least 1;
/// - the body's HTML has no `<script`, and every `href`/`src` in it is a link the site allows.
enum ProfileFuzzCase {
    static let config: SiteConfig = {
        let yaml = """
        title: Fuzz
        description: Fuzzing
        base_url: https://example.org/frontdoor/
        capabilities:
          clinical-trials: Clinical trials
          evaluation: Evaluation
        regions:
          - West Midlands
        """
        let file = SourceFile(relativePath: "site.yml", displayPath: "site.yml", data: Data(yaml.utf8))
        let (entries, _) = DocumentParser(markdown: MarkdownRenderer()).parseSiteConfig(file)
        let (config, _) = SiteConfigValidator().validate(entries ?? [], path: "site.yml")
        return config!
    }()

    static let parser = DocumentParser(markdown: MarkdownRenderer(basePath: "/frontdoor/", reservedIDs: ["main"]))

    static func run(_ data: Data) {
        let file = SourceFile(relativePath: "companies/fuzz-case.md", displayPath: "content/companies/fuzz-case.md", data: data)
        let (parsed, parseProblems) = parser.parse(file)
        check(parseProblems)
        guard let parsed else { return }
        checkHTML(parsed.markdown.html)

        var profiles: [Profile] = []
        for type in ProfileType.allCases {
            var document = parsed
            document.type = type
            let (profile, problems) = ProfileValidator().validate(document)
            check(problems)
            profiles.append(profile)
        }
        let files = profiles.map { ReferenceValidator.KnownFile(slug: $0.slug, type: $0.type, path: $0.sourcePath) }
        check(ReferenceValidator().validate(profiles, files: files, config: config, assets: ["logo.svg"]))
        check(ReadabilityCheck().check(profiles))
    }

    static func check(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            precondition(DiagnosticCode(rawValue: diagnostic.code) != nil, "unknown code \(diagnostic.code)")
            precondition(diagnostic.line >= 1 && diagnostic.column >= 1, "no position: \(diagnostic.formatted)")
        }
    }

    static func checkHTML(_ html: String) {
        let lowered = html.lowercased()
        precondition(!lowered.contains("<script"), "script element in body HTML")
        for attribute in [" href=\"", " src=\""] {
            var rest = lowered[...]
            while let start = rest.range(of: attribute) {
                let value = rest[start.upperBound...].prefix { $0 != "\"" }
                // cmark writes `&` and `'` in URLs as entities; a browser reads them back.
                let url = value.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#x27;", with: "'")
                precondition(SafeURL.isSafeLink(url), "unsafe URL reached the page: \(url)")
                rest = rest[start.upperBound...]
            }
        }
    }
}
