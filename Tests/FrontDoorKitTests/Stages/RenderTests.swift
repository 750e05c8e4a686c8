import Foundation
import Testing
@testable import FrontDoorKit

@Suite("Render")
struct RenderTests {
    @Test func assetNamesCarryAContentHash() {
        let a = AssetSet(assets: [("style.css", Data("a".utf8)), ("js/search.js", Data("b".utf8))])
        let b = AssetSet(assets: [("style.css", Data("changed".utf8)), ("js/search.js", Data("b".utf8))])
        #expect(a.paths["style_css"]?.hasPrefix("static/style.") == true)
        #expect(a.paths["style_css"]?.hasSuffix(".css") == true)
        #expect(a.paths["style_css"] != b.paths["style_css"])
        #expect(a.paths["js_search_js"] == b.paths["js_search_js"])
        #expect(a.files.map(\.path) == a.files.map(\.path).sorted())
    }

    @Test func missingAndBrokenTemplatesAreReportedWithTheirFile() {
        let source = TemplateSource(templates: ["pages/home": "{{#open}}never closed", "layout": "x"], assets: [])
        let (set, diagnostics) = TemplateSet.compile(source, displayRoot: "templates")
        #expect(set == nil)
        #expect(diagnostics.contains { $0.path == "templates/pages/home.mustache" && $0.code == "template-syntax" })
        #expect(diagnostics.contains { $0.path == "templates/pages/area.mustache" && $0.code == "template-missing" })
    }

    @Test func templateErrorsKeepTheTemplatesOwnLinesAndColumns() {
        // Each template is compiled with a content-type pragma on a line before it; the
        // positions reported must still be the editor's.
        let source = TemplateSource(templates: ["partials/card": "<li>\n  <p>\n  {{#open}} never closed\n</li>",
                                                "layout": "{{/stray}}"], assets: [])
        let (_, diagnostics) = TemplateSet.compile(source, displayRoot: "templates")
        let card = diagnostics.first { $0.path == "templates/partials/card.mustache" }
        let layout = diagnostics.first { $0.path == "templates/layout.mustache" }
        #expect(card?.code == "template-syntax")
        #expect(card?.line == 4, "the section opened on line 3 is found unclosed at the end, line 4")
        #expect(layout.map { [$0.line, $0.column] } == [1, 4], "as swift-mustache reports it for the bare template")
    }

    @Test func partialsEscapeLikePages() throws {
        // Partials and the layout are compiled with FrontDoor's escaping too (swift-mustache
        // resets the content type at each partial); the bytes must be what pages write.
        var templates: [String: String] = [:]
        for page in TemplateSet.requiredPages { templates["pages/" + page] = "{{<layout}}{{$main}}{{page.title}}{{/main}}{{/layout}}" }
        templates["layout"] = "{{$main}}{{/main}}|{{> partials/crumb}}|{{page.title}}"
        templates["partials/crumb"] = "{{#page}}{{title}}{{/page}}"
        let (set, diagnostics) = TemplateSet.compile(TemplateSource(templates: templates, assets: []), displayRoot: "templates")
        #expect(diagnostics.isEmpty)
        // A `<` or `"` followed by a combining mark is one Character, which swift-mustache's own
        // escaper looks up whole and lets through unescaped; FrontDoor's escapes the byte.
        let title = "A <b> & \"c\" 'd' <\u{301}script \"\u{301}"
        let directory = Directory(profiles: [ProfileFactory.make(.trust, "t", title: title)], config: ProfileFactory.config)
        let pages = SiteRenderer(templates: try #require(set), assets: AssetSet(assets: [])).render(directory)
        let html = String(decoding: try #require(pages.first { $0.path == "trusts/t/index.html" }).data, as: UTF8.self)
        let escaped = "A &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; &lt;\u{301}script &quot;\u{301}"
        #expect(html == "\(escaped)|\(escaped)|\(escaped)")
    }

    @Test func aCardIsTheSitesCardPartialWhereverItIsShown() throws {
        // Cards are rendered once per profile and reused (`RenderedCards`): a site's own card
        // partial must still be what every page shows, and `{{> partials/card}}` must still work.
        var templates: [String: String] = [:]
        for page in TemplateSet.requiredPages { templates["pages/" + page] = "" }
        templates["partials/card"] = "<c>{{title}}{{#city}} in {{city}}{{/city}}{{^empty(areas)}} on {{#areas}}{{title}}{{/areas}}{{/empty(areas)}}</c>"
        templates["pages/list"] = "{{#items}}{{{card_html}}}{{/items}}"
        templates["pages/area"] = "{{#area}}{{#groups}}{{#items}}{{> partials/card}}{{/items}}{{/groups}}{{/area}}"
        let (set, diagnostics) = TemplateSet.compile(TemplateSource(templates: templates, assets: []), displayRoot: "templates")
        #expect(diagnostics.isEmpty)
        let directory = Directory(profiles: [
            ProfileFactory.make(.area, "a", title: "Ageing"),
            ProfileFactory.make(.trust, "t1", title: "One & Co", areas: ["a"]),
            ProfileFactory.make(.trust, "t2", title: "Two", areas: ["a"]),
        ], config: ProfileFactory.config)
        let pages = SiteRenderer(templates: try #require(set), assets: AssetSet(assets: [])).render(directory)
        func page(_ path: String) throws -> String {
            String(decoding: try #require(pages.first { $0.path == path }).data, as: UTF8.self)
        }
        let cards = "<c>One &amp; Co on Ageing</c><c>Two on Ageing</c>"
        #expect(try page("trusts/index.html") == cards)
        #expect(try page("areas/a/index.html") == cards, "a card from the partial and a reused card are the same bytes")
    }

    @Test func pagesEscapeContentAndHonourTheBasePath() throws {
        var templates: [String: String] = [:]
        for page in TemplateSet.requiredPages { templates["pages/" + page] = "{{page.title}}|{{page.canonical}}" }
        templates["pages/organisation"] = "<h1>{{profile.title}}</h1>{{#profile.partners}}<a href=\"{{url}}\">{{title}}</a>{{/profile.partners}}<link href=\"{{assets.style_css}}\">"
        let (set, diagnostics) = TemplateSet.compile(TemplateSource(templates: templates, assets: []), displayRoot: "templates")
        #expect(diagnostics.isEmpty)
        let directory = Directory(profiles: [
            ProfileFactory.make(.area, "a"),
            ProfileFactory.make(.company, "evil", title: "<script>alert(1)</script>", areas: ["a"], partners: ["good"]),
            ProfileFactory.make(.trust, "good", title: "Good & Co", areas: ["a"]),
        ], config: ProfileFactory.config)
        let renderer = SiteRenderer(templates: try #require(set), assets: AssetSet(assets: [("style.css", Data("x".utf8))]))
        let pages = renderer.render(directory)
        let evil = try #require(pages.first { $0.path == "companies/evil/index.html" })
        let html = String(decoding: evil.data, as: UTF8.self)
        #expect(html.hasPrefix("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        #expect(html.contains("<a href=\"/fd/trusts/good/\">Good &amp; Co</a>"))
        #expect(html.contains("href=\"/fd/static/style."))
        let good = String(decoding: try #require(pages.first { $0.path == "trusts/good/index.html" }).data, as: UTF8.self)
        #expect(good.contains("<a href=\"/fd/companies/evil/\">&lt;script&gt;"), "partners are shown both ways")
        #expect(pages.map(\.path) == pages.map(\.path).sorted())
        #expect(Set(pages.map(\.path)).isSuperset(of: ["index.html", "404.html", "companies/index.html", "areas/a/index.html"]))
    }
}
