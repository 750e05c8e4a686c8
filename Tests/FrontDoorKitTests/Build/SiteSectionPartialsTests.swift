import Foundation
import Testing
@testable import FrontDoorKit

/// Partials rendered once per section (`SectionPartials`): which qualify, and that a site
/// built with them is the bytes it would be with every partial rendered on every page.
@Suite("Render: partials rendered once per section")
struct SiteSectionPartialsTests {
    typealias Support = SiteTestSupport

    static func bundled(_ name: String) throws -> String {
        try String(contentsOfFile: Support.templates + "/" + name + ".mustache", encoding: .utf8)
    }

    @Test func theBundledHeaderAndFooterQualify() throws {
        let templates = try ["layout", "partials/header", "partials/footer", "partials/breadcrumbs", "partials/card"]
            .reduce(into: [String: String]()) { $0[$1] = try Self.bundled($1) }
        #expect(SectionPartials.find(in: templates) == ["partials/footer", "partials/header"])
    }

    @Test(arguments: [
        "<p>{{site.title}}</p>{{{site.description}}}{{&assets.style_css}}{{! a comment }}",
        "{{#nav}}<a href=\"{{url}}\"{{#current}} aria-current=\"true\"{{/current}}>{{title}}</a>{{^last()}}, {{/last()}}{{/nav}}",
        "{{^empty(nav)}}<ul>{{#nav}}<li>{{ title }} {{site.title}}</li>{{/nav}}</ul>{{/empty(nav)}}",
        "{{#site.description}}<p>{{site.description}}</p>{{/site.description}}",
    ])
    func partialsReadingOnlySiteAssetsAndNavQualify(_ text: String) {
        #expect(SectionPartials.readsOnlySectionValues(text))
    }

    @Test(arguments: [
        "{{page.title}}", "{{title}}", "{{site}}", "{{#profile}}{{/profile}}", "{{#nav}}{{description}}{{/nav}}",
        "{{#nav}}{{.}}{{/nav}}", "{{> partials/footer}}", "{{$main}}{{/main}}", "{{<layout}}{{/layout}}",
        "{{=<% %>=}}<% site.title %>", "{{#nav}}", "{{site.title", "{{#first(nav)}}{{title}}{{/first(nav)}}",
        "{{#site.title}}{{title}}{{/site.title}}",
    ])
    func partialsReadingAnythingElseDoNot(_ text: String) {
        #expect(!SectionPartials.readsOnlySectionValues(text))
    }

    @Test func aPartialIncludedIndentedOnItsOwnLineIsRenderedOnEveryPage() {
        let header = "<header>{{site.title}}</header>"
        #expect(SectionPartials.find(in: ["layout": "{{> partials/header}}\n", "partials/header": header]) == ["partials/header"])
        #expect(SectionPartials.find(in: ["layout": "<body>\n  {{> partials/header}}\n", "partials/header": header]).isEmpty)
        #expect(SectionPartials.find(in: ["layout": "{{>*which}}\n", "partials/header": header]).isEmpty)
        #expect(SectionPartials.find(in: ["layout": "{{>  *which}}\n", "partials/header": header]).isEmpty)
    }

    /// Mustache indents each line a standalone, indented partial writes, but not the lines
    /// inside one value: fixed text would be indented throughout, so such a partial is not fixed.
    @Test(arguments: ["{{> partials/footer}}\n", "<main>\n  {{> partials/footer}}\n</main>\n"])
    func aSectionsPartialsWriteWhatTheyWouldOnEveryPage(_ page: String) throws {
        var source = TemplateSource(templates: ["partials/footer": "<footer>\n<p>{{site.description}}</p>\n</footer>\n"], assets: [])
        for name in TemplateSet.requiredPages { source.templates["pages/" + name] = page }
        let templates = try #require(TemplateSet.compile(source, displayRoot: "templates").0)
        let values: [String: Any] = ["site": ["description": "Two\nlines"]]
        let everyPage = templates.render("home", values)
        #expect(everyPage.contains("Two\nlines"))
        #expect(templates.render("home", values, library: templates.withFixed(sectionPartialsFor: values)) == everyPage)
    }

    /// The bundled templates with the header changed: to read the page's title (so it must be
    /// rendered on every page), or included indented (so Mustache indents its lines).
    @Test(arguments: ["page-title", "indented"])
    func aHeaderThatDoesNotQualifyIsStillRightOnEveryPage(_ change: String) throws {
        let workspace = try Support.Workspace("section-partials")
        defer { workspace.remove() }
        let content = try workspace.content("basic")
        let templates = workspace.path("templates")
        try Support.copyTree(URL(fileURLWithPath: Support.templates), into: URL(fileURLWithPath: templates))
        if change == "page-title" {
            try workspace.write("templates/partials/header.mustache",
                                try Self.bundled("partials/header").replacingOccurrences(of: "{{site.title}}</a>", with: "{{page.title}}</a>"))
        } else {
            try workspace.write("templates/layout.mustache",
                                try Self.bundled("layout").replacingOccurrences(of: "{{> partials/header}}", with: "  {{> partials/header}}"))
        }
        try Support.buildOK(content: content, output: workspace.path("site"), templates: templates)
        let pages = try Support.htmlPages(workspace.path("site"))
        #expect(pages.count > 10)
        for (path, html) in pages {
            if change == "page-title" {
                let heading = try #require(html.range(of: "<a class=\"header__title\" href=\""), "\(path)")
                let shown = html[heading.upperBound...].drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
                let pageTitle = try #require(html.range(of: "<meta property=\"og:title\" content=\""))
                let expected = html[pageTitle.upperBound...].prefix { $0 != "\"" }
                #expect(shown == expected, "\(path)")
            } else {
                #expect(html.contains("\n  <header class=\"header\" role=\"banner\">\n    <div class=\"width-container header__inner\">"), "\(path)")
            }
        }
    }
}
