import Foundation
import Testing
@testable import FrontDoorKit

/// schema.org JSON-LD in the head of every profile page, and the Open Graph and canonical tags
/// of every page: read back from a built fixture site the way a crawler would, by parsing the
/// `<script type="application/ld+json">` text as JSON.
@Suite("StructuredData")
struct StructuredDataTests {
    typealias Support = SiteTestSupport

    static let origin = "https://example.org/frontdoor/"
    static let scriptOpen = #"<script type="application/ld+json">"#

    /// The text of each JSON-LD block of a page, as a browser's tokeniser delimits it: up to the
    /// first `</script` after the start tag.
    static func jsonLDBlocks(_ html: String) -> [String] {
        var blocks: [String] = []
        var rest = html[...]
        while let start = rest.range(of: scriptOpen) {
            let after = rest[start.upperBound...]
            guard let end = after.range(of: "</script", options: .caseInsensitive) else { break }
            blocks.append(String(after[..<end.lowerBound]))
            rest = after[end.upperBound...]
        }
        return blocks
    }

    /// The one JSON-LD object of a built page.
    static func jsonLD(_ site: String, _ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let blocks = jsonLDBlocks(try Support.text(site + "/" + path))
        try #require(blocks.count == 1, "\(path) has \(blocks.count) JSON-LD blocks", sourceLocation: sourceLocation)
        let object = try JSONSerialization.jsonObject(with: Data(blocks[0].utf8))
        return try #require(object as? [String: Any], "\(path): JSON-LD is not an object", sourceLocation: sourceLocation)
    }

    static func buildBasic(_ workspace: Support.Workspace) throws -> String {
        let site = workspace.path("site")
        try Support.buildOK(content: try workspace.content("basic"), output: site)
        return site
    }

    static func objects(_ value: Any?) -> [[String: Any]] { value as? [[String: Any]] ?? [] }
    static func strings(_ objects: [[String: Any]], _ key: String) -> [String] { objects.compactMap { $0[key] as? String } }

    /// `{"@type": "PropertyValue", "propertyID": scheme, "value": value}` pairs of a node.
    static func identifiers(_ node: [String: Any]) -> [String] {
        objects(node["identifier"]).map { "\($0["@type"] ?? "")|\($0["propertyID"] ?? "")|\($0["value"] ?? "")" }
    }

    // MARK: One page of each folder

    @Test func eachFolderGetsItsTypeAndFacts() throws {
        let workspace = try Support.Workspace("jsonld")
        defer { workspace.remove() }
        let site = try Self.buildBasic(workspace)
        let o = Self.origin

        let pages: [(path: String, type: String, id: String, name: String)] = [
            ("institutions/example-university/", "CollegeOrUniversity", "#organization", "Example University"),
            ("trusts/example-hospitals/", "MedicalOrganization", "#organization", "Example Hospitals NHS Foundation Trust"),
            ("networks/example-health-network/", "Organization", "#organization", "Example Health Network"),
            ("companies/example-femtech/", "Corporation", "#organization", "Example Femtech Ltd"),
            ("partnerships/example-mou/", "Project", "#project", "Example University and Example Hospitals MoU"),
            ("areas/womens-health/", "DefinedTerm", "#term", "Women's health"),
        ]
        var nodes: [String: [String: Any]] = [:]
        for page in pages {
            let node = try Self.jsonLD(site, page.path + "index.html")
            nodes[page.path] = node
            #expect(node["@context"] as? String == "https://schema.org", "\(page.path)")
            #expect(node["@type"] as? String == page.type, "\(page.path)")
            #expect(node["@id"] as? String == o + page.path + page.id, "\(page.path)")
            #expect(node["url"] as? String == o + page.path, "\(page.path)")
            #expect(node["name"] as? String == page.name, "\(page.path)")
            #expect((node["description"] as? String)?.isEmpty == false, "\(page.path)")
        }
        let university = try #require(nodes["institutions/example-university/"])
        let hospitals = try #require(nodes["trusts/example-hospitals/"])
        let network = try #require(nodes["networks/example-health-network/"])
        let femtech = try #require(nodes["companies/example-femtech/"])
        let mou = try #require(nodes["partnerships/example-mou/"])
        let womens = try #require(nodes["areas/womens-health/"])

        // Descriptions are the summaries.
        #expect(femtech["description"] as? String == "An app that helps women track menopause symptoms and share them with their GP.")
        #expect(mou["description"] as? String == "A memorandum of understanding to evaluate new technology together.")

        // Official identifiers, with org-id.guide scheme codes.
        #expect(Self.identifiers(university) == ["PropertyValue|GB-UKPRN|10000001"])
        #expect(Self.identifiers(hospitals) == ["PropertyValue|GB-NHS|RZZ"])
        #expect(Self.identifiers(femtech) == ["PropertyValue|GB-COH|12345678"])
        #expect(network["identifier"] == nil)

        // Areas as DefinedTerms that point at the area pages, in the profile's order.
        let womensRef = o + "areas/womens-health/", mentalRef = o + "areas/mental-health/"
        #expect(Self.strings(Self.objects(university["knowsAbout"]), "url") == [womensRef, mentalRef])
        #expect(Self.strings(Self.objects(university["knowsAbout"]), "name") == ["Women's health", "Mental health"])
        #expect(Self.strings(Self.objects(university["knowsAbout"]), "@type") == ["DefinedTerm", "DefinedTerm"])
        #expect(Self.strings(Self.objects(femtech["knowsAbout"]), "name") == ["Women's health"])
        #expect(Self.strings(Self.objects(mou["knowsAbout"]), "url") == [womensRef])
        // ...whose @id is the area page's own node, so the pages join into one graph.
        #expect(Self.strings(Self.objects(femtech["knowsAbout"]), "@id") == [womens["@id"] as? String])

        // The website is sameAs; the page is the url.
        #expect(university["sameAs"] as? String == "https://university.example.org/")
        #expect(femtech["sameAs"] == nil)
        #expect(femtech["email"] as? String == "hello@femtech.example.com")
        #expect(university["alternateName"] as? [String] == ["EU"])
        #expect(femtech["foundingDate"] as? String == "2021")

        // Addresses: locality, region, postcode when given, always GB.
        let address = try #require(hospitals["address"] as? [String: Any])
        #expect(address["@type"] as? String == "PostalAddress")
        #expect(address["addressLocality"] as? String == "Birmingham")
        #expect(address["addressRegion"] as? String == "West Midlands")
        #expect(address["postalCode"] as? String == "B15 2TH")
        #expect(address["addressCountry"] as? String == "GB")
        #expect((university["address"] as? [String: Any])?["postalCode"] == nil)
        #expect(network["address"] == nil)

        // A network's members, and each member's memberOf, reference the other's own node.
        #expect(Self.strings(Self.objects(network["member"]), "@id") == [university["@id"] as? String, hospitals["@id"] as? String])
        #expect(Self.strings(Self.objects(network["member"]), "@type") == ["CollegeOrUniversity", "MedicalOrganization"])
        #expect(Self.strings(Self.objects(network["member"]), "name") == ["Example University", "Example Hospitals NHS Foundation Trust"])
        for member in [university, hospitals] {
            #expect(Self.strings(Self.objects(member["memberOf"]), "@id") == [network["@id"] as? String])
        }
        #expect(femtech["memberOf"] == nil)

        // A partnership: a Project whose members are the parties, founded when signed.
        #expect(Self.strings(Self.objects(mou["member"]), "@id") == [university["@id"] as? String, hospitals["@id"] as? String])
        #expect(Self.strings(Self.objects(mou["member"]), "url") == [o + "institutions/example-university/", o + "trusts/example-hospitals/"])
        #expect(mou["foundingDate"] as? String == "2025-06-12")
        #expect(mou["startDate"] == nil)

        // An area: a DefinedTerm in the directory's set of areas.
        #expect(womens["termCode"] as? String == "womens-health")
        let set = try #require(womens["inDefinedTermSet"] as? [String: Any])
        #expect(set["@type"] as? String == "DefinedTermSet")
        #expect(set["url"] as? String == o + "areas/")
        #expect(set["name"] as? String == "Areas of expertise")
    }

    @Test func everyProfilePageAndNoOtherHasOneJSONLDBlock() throws {
        let workspace = try Support.Workspace("jsonld-pages")
        defer { workspace.remove() }
        let site = try Self.buildBasic(workspace)
        let profileFolders = Set(ProfileType.allCases.map(\.folder))
        var profilePages = 0
        for (path, html) in try Support.htmlPages(site) {
            let parts = path.split(separator: "/")
            let isProfile = parts.count == 3 && profileFolders.contains(String(parts[0])) && parts[2] == "index.html"
            let blocks = Self.jsonLDBlocks(html)
            #expect(blocks.count == (isProfile ? 1 : 0), "\(path) has \(blocks.count) JSON-LD blocks")
            if isProfile {
                profilePages += 1
                #expect((try? JSONSerialization.jsonObject(with: Data(blocks[0].utf8))) != nil, "\(path): JSON-LD does not parse")
                // In the head, before the body starts.
                let head = try #require(html.range(of: "</head>"))
                #expect(html.range(of: Self.scriptOpen)!.lowerBound < head.lowerBound, "\(path): JSON-LD outside <head>")
            }
        }
        #expect(profilePages == 8)
    }

    // MARK: Open Graph and canonical

    @Test func everyPageHasOpenGraphAndCanonicalTags() throws {
        let workspace = try Support.Workspace("opengraph")
        defer { workspace.remove() }
        let site = try Self.buildBasic(workspace)
        let pages = try Support.htmlPages(site)
        #expect(pages.count > 10)
        for (path, html) in pages {
            let head = String(html[..<(html.range(of: "</head>")?.lowerBound ?? html.endIndex)])
            let tags = Support.tags(in: head)
            func meta(_ attribute: String, _ name: String) -> [String] {
                tags.filter { $0.name == "meta" && $0.attribute(attribute) == name }.compactMap { $0.attribute("content") }
            }
            let canonical = tags.filter { $0.name == "link" && $0.attribute("rel") == "canonical" }.compactMap { $0.attribute("href") }
            #expect(meta("property", "og:type") == ["website"], "\(path)")
            #expect(meta("property", "og:site_name") == ["Example Front Door"], "\(path)")
            #expect(meta("property", "og:locale") == ["en_GB"], "\(path)")
            #expect(meta("name", "twitter:card") == ["summary"], "\(path)")
            #expect(meta("property", "og:title").count == 1 && meta("property", "og:title").first?.isEmpty == false, "\(path)")
            #expect(meta("property", "og:description") == meta("name", "description"), "\(path)")
            if path == "404.html" {
                // The not-found page is served at any address: it has no address of its own.
                #expect(canonical.isEmpty, "404.html has a canonical link")
                #expect(meta("property", "og:url").isEmpty, "404.html has og:url")
            } else {
                let expected = Self.origin + (path == "index.html" ? "" : String(path.dropLast("index.html".count)))
                #expect(canonical == [expected], "\(path)")
                #expect(meta("property", "og:url") == [expected], "\(path)")
            }
        }
        let home = try Support.text(site + "/index.html")
        #expect(home.contains(#"<meta property="og:title" content="Example Front Door">"#))
        let femtech = try Support.text(site + "/companies/example-femtech/index.html")
        #expect(femtech.contains(#"<meta property="og:title" content="Example Femtech Ltd">"#))
    }

    @Test func openGraphLocaleFollowsTheSiteLanguage() {
        #expect(PageContext.openGraphLocale("en-GB") == "en_GB")
        #expect(PageContext.openGraphLocale("en-gb") == "en_GB")
        #expect(PageContext.openGraphLocale("cy") == "cy")
        #expect(PageContext.openGraphLocale("zh-Hant-TW") == "zh_TW")
    }

    // MARK: Hostile text

    @Test func hostileTitlesCannotLeaveTheScript() throws {
        let workspace = try Support.Workspace("jsonld-hostile")
        defer { workspace.remove() }
        let content = try workspace.content("basic", overlays: ["hostile"])
        let title = "</script><script>alert(1)</script>"
        let summary = "Ends <!-- a comment, </SCRIPT > again, & \u{2028}line\u{2029} separators."
        // YAML's own escapes for U+2028 and U+2029, which YAML 1.1 would otherwise read as line breaks.
        let yamlSummary = summary.replacingOccurrences(of: "\u{2028}", with: "\\L").replacingOccurrences(of: "\u{2029}", with: "\\P")
        try workspace.write("content/companies/script-breaker.md", """
            ---
            title: "\(title)"
            summary: "\(yamlSummary)"
            areas:
              - womens-health
            aliases:
              - "<!--"
            ---
            Body.
            """)
        let site = workspace.path("site")
        try Support.buildOK(content: content, output: site)

        let expectations: [(path: String, name: String)] = [
            ("companies/script-breaker/index.html", title),
            ("companies/hostile-corp/index.html", "<script>alert(1)</script> Hostile \"><img src=x onerror=alert(1)>"),
            ("partnerships/hostile-deal/index.html", "Deal <script>alert(1)</script> & \"friends\" ]]> <!-- x --> 'quoted'"),
        ]
        for (path, name) in expectations {
            let html = try Support.text(site + "/" + path)
            // Every `</script` is the end of a real script element: one per start tag.
            let starts = Support.tags(in: html).filter { $0.name == "script" }.count
            let ends = html.lowercased().components(separatedBy: "</script").count - 1
            #expect(starts == ends, "\(path): \(starts) <script> tags but \(ends) </script")
            // The JSON-LD block, cut where a browser would end it, parses to the original text.
            let blocks = Self.jsonLDBlocks(html)
            try #require(blocks.count == 1, "\(path)")
            let block = blocks[0]
            for character in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
                #expect(!block.contains(character), "\(path): raw \(character) in the JSON-LD")
            }
            let node = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any])
            #expect(node["name"] as? String == name, "\(path)")
        }
        let breaker = try Self.jsonLD(site, "companies/script-breaker/index.html")
        #expect(breaker["description"] as? String == summary)
        #expect(breaker["alternateName"] as? [String] == ["<!--"])
        // The Open Graph title is attribute-escaped, not raw.
        let html = try Support.text(site + "/companies/script-breaker/index.html")
        #expect(html.contains(#"<meta property="og:title" content="&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;">"#))
    }

    // MARK: The serialiser and the mapping, in memory

    @Test func serialisationEscapesForScriptsAndSortsKeys() {
        typealias JSON = StructuredData.JSON
        let value = JSON.object([
            "name": .string("</script><!--\u{2028}\u{2029} & \"q\" \\ \n\t\u{1}\u{7F} Nāri"),
            "@type": .string("Thing"),
            "b": .array([.string("x"), .object([:])]),
            "@context": .string("https://schema.org"),
        ])
        #expect(value.serialised == #"{"@context":"https://schema.org","@type":"Thing","b":["x",{}],"name":"\u003c/script\u003e\u003c!--\u2028\u2029 \u0026 \"q\" \\ \n\t\u0001\u007f Nāri"}"#)
        let parsed = try? JSONSerialization.jsonObject(with: Data(value.serialised.utf8)) as? [String: Any]
        #expect(parsed?["name"] as? String == "</script><!--\u{2028}\u{2029} & \"q\" \\ \n\t\u{1}\u{7F} Nāri")
    }

    @Test func institutionsAreUniversitiesOrResearchOrganisations() {
        func type(kind: String?, title: String) -> String {
            var profile = ProfileFactory.make(.institution, "i", title: title)
            profile.kind = kind
            return StructuredData.schemaType(profile)
        }
        #expect(type(kind: "university", title: "Aston") == "CollegeOrUniversity")
        #expect(type(kind: "medical-school", title: "Birmingham Medical School") == "CollegeOrUniversity")
        #expect(type(kind: "research-institute", title: "University Research Institute") == "ResearchOrganization")
        #expect(type(kind: "other", title: "Birmingham City University") == "CollegeOrUniversity")
        #expect(type(kind: nil, title: "Royal Centre for Defence Medicine") == "ResearchOrganization")
        #expect(type(kind: "other", title: "Evaluation Service") == "ResearchOrganization")
    }

    @Test func referencesSkipDraftsAndLogosAreAbsolute() throws {
        var network = ProfileFactory.make(.network, "net", title: "Net", areas: ["a"], members: ["pub", "hidden", "missing"])
        network.logo = "logos/Net logo #2.svg"
        let directory = Directory(profiles: [
            ProfileFactory.make(.area, "a", title: "Area A"),
            network,
            ProfileFactory.make(.company, "pub", title: "Published", areas: ["a"]),
            ProfileFactory.make(.company, "hidden", title: "Hidden", areas: ["a"], draft: true),
        ], config: ProfileFactory.config)
        let data = Data(StructuredData(directory: directory).jsonLD(for: try #require(directory.bySlug["net"])).utf8)
        let node = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Self.strings(Self.objects(node["member"]), "@id") == ["https://example.org/fd/companies/pub/#organization"])
        #expect(node["logo"] as? String == "https://example.org/fd/assets/logos/Net%20logo%20%232.svg")
        #expect(Self.strings(Self.objects(node["knowsAbout"]), "name") == ["Area A"])
        // The same input gives the same bytes.
        #expect(StructuredData(directory: directory).jsonLD(for: try #require(directory.bySlug["net"])) == String(decoding: data, as: UTF8.self))
    }
}
