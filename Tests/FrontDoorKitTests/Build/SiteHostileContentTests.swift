import Foundation
import Testing
@testable import FrontDoorKit
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Profiles written to attack the site (`Fixtures/site/hostile`): script tags, attribute
/// break-outs, `javascript:` and `data:` links, raw HTML. The built pages must show the
/// text, escaped, and contain nothing a browser would run.
@Suite struct SiteHostileContentTests {
    typealias Support = SiteTestSupport

    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// Builds basic + hostile once per test and returns the site folder.
    static func buildHostileSite(_ workspace: Support.Workspace) throws -> String {
        let site = workspace.path("site")
        let report = try Support.buildOK(content: try workspace.content("basic", overlays: ["hostile"]), output: site)
        // The unsafe links in the body are reported to the editor.
        #expect(report.diagnostics.contains { $0.code == DiagnosticCode.unsafeLink.rawValue && $0.path.hasSuffix("hostile-corp.md") })
        return site
    }

    @Test func noPageContainsAnythingABrowserWouldRun() throws {
        let workspace = try Support.Workspace("hostile")
        defer { workspace.remove() }
        let site = try Self.buildHostileSite(workspace)
        let pages = try Support.htmlPages(site)
        #expect(pages.count > 10)
        let basePath = "/frontdoor/"

        for (path, html) in pages {
            for tag in Support.tags(in: html) {
                let at = "\(path) at byte \(tag.offset)"
                // No script except a stylesheet-like reference to the site's own hashed assets.
                if tag.name == "script" {
                    if tag.attribute("type") == "application/ld+json" {
                        // A data block, never run; StructuredDataTests checks its text cannot leave the element.
                        #expect(tag.attribute("src") == nil && tag.attributes.count == 1, "odd JSON-LD <script> in \(at)")
                    } else {
                        let src = tag.attribute("src") ?? ""
                        #expect(src.hasPrefix(basePath + "static/"), "inline or foreign <script> in \(at)")
                    }
                }
                // The only form is the templates' own search box, sending a GET to the search page.
                if tag.name == "form" {
                    #expect(tag.attribute("action") == basePath + "search/" && tag.attribute("method") == "get", "foreign <form> in \(at)")
                }
                #expect(!["iframe", "object", "embed", "style", "base", "svg", "math"].contains(tag.name),
                        "<\(tag.name)> in \(at)")
                for attribute in tag.attributes {
                    #expect(!attribute.name.hasPrefix("on"), "event handler \(attribute.name)=\"\(attribute.value)\" on <\(tag.name)> in \(at)")
                    #expect(attribute.name != "style" && attribute.name != "srcdoc", "\(attribute.name) on <\(tag.name)> in \(at)")
                    if Support.urlAttributes.contains(attribute.name), let scheme = Support.browserScheme(attribute.value) {
                        #expect(Self.allowedSchemes.contains(scheme),
                                "\(attribute.name)=\"\(attribute.value)\" on <\(tag.name)> in \(at)")
                    }
                }
                if tag.name == "img" {
                    let src = tag.attribute("src") ?? ""
                    #expect(src.isEmpty || src.hasPrefix(basePath) || src.hasPrefix("https://"), "<img src=\"\(src)\"> in \(at)")
                }
            }
            // Plain substring checks as a second net under the tag scanner.
            let lowered = html.lowercased()
            #expect(!lowered.contains("<script>"), "unescaped <script> in \(path)")
            #expect(!lowered.contains("<img src=x"), "unescaped <img src=x in \(path)")
            #expect(!lowered.contains("href=\"javascript:"), "javascript: href in \(path)")
            #expect(!lowered.contains("src=\"javascript:"), "javascript: src in \(path)")
            #expect(!lowered.contains("href=\"data:"), "data: href in \(path)")
            #expect(!lowered.contains("<a href=\"java"), "javascript-like href in \(path)")
        }
    }

    @Test func hostileTextIsShownEscaped() throws {
        let workspace = try Support.Workspace("hostile-text")
        defer { workspace.remove() }
        let site = try Self.buildHostileSite(workspace)
        let page = try Support.text(site + "/companies/hostile-corp/index.html")

        // Title in <h1> and <title>, summary, tags, city: all as text.
        #expect(page.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; Hostile &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</h1>"))
        #expect(page.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; Hostile &quot;&gt;&lt;img src=x onerror=alert(1)&gt; – "))
        #expect(page.contains("Summary &lt;script&gt;alert(1)&lt;/script&gt; with &quot;&gt;&lt;img src=x onerror=alert(1)&gt; and &lt;/script&gt;"))
        #expect(page.contains(#"<span class="alias">&lt;script&gt;alert(1)&lt;/script&gt;</span>"#))
        #expect(page.contains(#"<span class="alias">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</span>"#))
        #expect(page.contains(#"<span class="alias">&lt;/script&gt;</span>"#))
        #expect(page.contains(#"<span class="alias">javascript:alert(1)</span>"#))
        #expect(page.contains("Location</dt><dd class=\"summary-list__value\">&lt;script&gt;alert(1)&lt;/script&gt;, West Midlands"))
        // The meta description keeps its quotes closed.
        let meta = try #require(Support.tags(in: page).first { $0.name == "meta" && $0.attribute("name") == "description" })
        #expect(meta.attributes.map(\.name) == ["name", "content"])
        #expect(meta.attribute("content")?.hasPrefix("Summary <script>alert(1)</script> with \"><img src=x onerror=alert(1)>") == true)
        // The website's ampersand is escaped in the attribute.
        #expect(page.contains(#"href="https://hostile.example.org/?a=1&amp;b=2""#))

        // The body: a heading and text with the script shown as text by cmark only inside code;
        // raw HTML is omitted, not escaped.
        #expect(page.contains("<code>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</code>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; in an indented code block"))
        #expect(page.contains("<!-- raw HTML omitted -->"))
        #expect(!page.contains("raw block"), "the raw <div> block leaked its text")
        // Each unsafe link keeps its text but loses its URL.
        for text in ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "ref link"] {
            #expect(page.contains("<a href=\"\">\(text)</a>"), "link `\(text)` was not emptied")
        }
        // The safe link keeps its title attribute closed.
        let titled = try #require(Support.tags(in: page).first { $0.name == "a" && $0.attribute("href") == "https://ok.example.org/" && $0.attribute("title") != nil })
        #expect(titled.attributes.map(\.name) == ["href", "title"])

        // Site title, description and capability labels from site.yml are escaped too.
        #expect(page.contains(#"<a class="header__title" href="/frontdoor/">Front Door &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;</a>"#))
        let home = try Support.text(site + "/index.html")
        let homeMeta = try #require(Support.tags(in: home).first { $0.name == "meta" && $0.attribute("name") == "description" })
        #expect(homeMeta.attributes.map(\.name) == ["name", "content"])
        #expect(homeMeta.attribute("content") == "A directory \"><img src=x onerror=alert(1)> with a hostile description & more.")
        let femtech = try Support.text(site + "/companies/example-femtech/index.html")
        #expect(femtech.contains("<li>&lt;script&gt;alert(1)&lt;/script&gt; Clinical trials</li>"))
        #expect(femtech.contains("<li>Evaluation &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</li>"))

        // Cards on the list page, the area page and the partner's page escape the title too.
        for other in ["companies/index.html", "areas/womens-health/index.html", "companies/example-femtech/index.html"] {
            let html = try Support.text(site + "/" + other)
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Hostile &quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), "\(other)")
        }
    }

    @Test func partnershipWithHostileTitleGivesWellFormedXML() throws {
        let workspace = try Support.Workspace("hostile-xml")
        defer { workspace.remove() }
        let site = try Self.buildHostileSite(workspace)
        let hostileTitle = "Deal <script>alert(1)</script> & \"friends\" ]]> <!-- x --> 'quoted'"

        let feed = try Data(contentsOf: URL(fileURLWithPath: site + "/partnerships/feed.xml"))
        let feedTexts = try Self.parse(feed, collecting: "title")
        #expect(feedTexts.contains(hostileTitle), "the hostile title did not survive the round trip: \(feedTexts)")
        #expect(feedTexts.contains("Front Door <script>alert(1)</script> & \"Co\": partnerships"))
        let summaries = try Self.parse(feed, collecting: "summary")
        // Control characters cannot appear in XML 1.0 at all, so they are left out.
        #expect(summaries.contains { $0.contains("control characters, <b>tags</b>, & ampersands, ]]> and \"><img src=x onerror=alert(1)>.") })
        #expect(!summaries.joined().unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })

        let sitemap = try Data(contentsOf: URL(fileURLWithPath: site + "/sitemap.xml"))
        let locations = try Self.parse(sitemap, collecting: "loc")
        #expect(locations.contains("https://example.org/frontdoor/partnerships/hostile-deal/"))
        #expect(locations.contains("https://example.org/frontdoor/companies/hostile-corp/"))

        #if canImport(FoundationXML) || os(macOS)
        // A second parser, stricter about the document as a whole.
        _ = try XMLDocument(data: feed, options: [])
        _ = try XMLDocument(data: sitemap, options: [])
        #endif

        // The search index is valid JSON with the text as it was written.
        let index = try Data(contentsOf: URL(fileURLWithPath: site + "/search-index.json"))
        func strings(_ value: Any) -> [String] {
            switch value {
            case let text as String: [text]
            case let array as [Any]: array.flatMap(strings)
            case let object as [String: Any]: object.values.flatMap(strings)
            default: []
            }
        }
        let indexStrings = strings(try JSONSerialization.jsonObject(with: index))
        #expect(indexStrings.contains(hostileTitle))

        // The HTML partnership page shows the title escaped.
        let page = try Support.text(site + "/partnerships/hostile-deal/index.html")
        #expect(page.contains("<h1>Deal &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot; ]]&gt; &lt;!-- x --&gt; &#39;quoted&#39;</h1>"))
    }

    /// The scanner the checks above rely on sees what a browser would see.
    @Test func tagScannerFindsHiddenSchemesAndHandlers() {
        let tags = Support.tags(in: #"<p>a < b</p><!-- <script> --><a HREF="jav&#x61;script&colon;x" OnClick=y>t</a><img src=x onerror=alert(1)><a href=' java&#9;script:x'>"#)
        #expect(tags.map(\.name) == ["p", "a", "img", "a"])
        #expect(Support.browserScheme(tags[1].attribute("href") ?? "") == "javascript")
        #expect(tags[1].attribute("onclick") == "y")
        #expect(tags[2].attribute("onerror") == "alert(1)")
        #expect(Support.browserScheme(tags[3].attribute("href") ?? "") == "javascript")
        #expect(Support.browserScheme("/frontdoor/a:b") == nil)
        #expect(Support.browserScheme("https://example.org/") == "https")
    }

    /// Parses `data` with XMLParser, failing on any error, and returns the text of every `element`.
    static func parse(_ data: Data, collecting element: String) throws -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            let element: String
            var texts: [String] = []
            var current: String?
            var error: Error?
            init(element: String) { self.element = element }
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == element { current = "" }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
            func parser(_ parser: XMLParser, foundCDATA block: Data) { current? += String(decoding: block, as: UTF8.self) }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == element, let text = current { texts.append(text); current = nil }
            }
            func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
        }
        let parser = XMLParser(data: data)
        let collector = Collector(element: element)
        parser.delegate = collector
        let ok = parser.parse()
        #expect(ok, "XML is not well-formed: \(String(describing: collector.error ?? parser.parserError))")
        #expect(collector.error == nil)
        return collector.texts
    }
}
