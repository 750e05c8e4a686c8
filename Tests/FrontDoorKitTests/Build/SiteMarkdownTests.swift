import Foundation
import Testing
@testable import FrontDoorKit

/// Markdown bodies as they come out in built pages (`Fixtures/site/markdown`) and from the
/// renderer itself: heading ids, GFM tables, strikethrough and task lists, no raw HTML.
@Suite struct SiteMarkdownTests {
    typealias Support = SiteTestSupport

    static func buildLabPage(_ workspace: Support.Workspace) throws -> (site: String, page: String) {
        let site = workspace.path("site")
        try Support.buildOK(content: try workspace.content("basic", overlays: ["markdown"]), output: site)
        return (site, try Support.text(site + "/institutions/markdown-lab/index.html"))
    }

    @Test func headingsGetStableIDs() throws {
        let workspace = try Support.Workspace("markdown-ids")
        defer { workspace.remove() }
        let (_, page) = try Self.buildLabPage(workspace)
        #expect(page.contains(#"<h2 id="expertise">Expertise</h2>"#))
        #expect(page.contains(#"<h2 id="expertise-2">Expertise</h2>"#))
        #expect(page.contains(#"<h3 id="expertise-3">Expertise</h3>"#))
        // A body `#` heading becomes h2: the page title is the only h1.
        #expect(page.contains(#"<h2 id="a-first-level-heading">A first-level heading</h2>"#))
        #expect(page.components(separatedBy: "<h1").count - 1 == 1)
        #expect(page.contains(#"<h2 id="unicode-and-cafe-quoted">"#))
        #expect(page.contains(#"<h2 id="code-in-a-heading"><code>Code</code> in <em>a</em> heading</h2>"#))
    }

    @Test func gfmTablesStrikethroughTaskListsAndAutolinksRender() throws {
        let workspace = try Support.Workspace("markdown-gfm")
        defer { workspace.remove() }
        let (_, page) = try Self.buildLabPage(workspace)
        #expect(page.contains("<table>"))
        #expect(page.contains("<th>Service</th>"))
        #expect(page.contains(#"<th align="center">Status</th>"#))
        #expect(page.contains("<td>Trials</td>"))
        #expect(page.contains("<del>closed</del> reopened"))
        #expect(page.contains("Text with <del>strikethrough</del>"))
        // The root-relative link inside a table cell is moved under the base path.
        #expect(page.contains(#"<a href="/frontdoor/trusts/example-hospitals/">the trust</a>"#))
        #expect(page.contains(#"<a href="https://www.example.org/lab">https://www.example.org/lab</a>"#))
        #expect(page.contains(#"<a href="http://www.example.com">www.example.com</a>"#))

        let boxes = Support.tags(in: page).filter { $0.name == "input" }
        #expect(boxes.count == 2)
        #expect(boxes.allSatisfy { $0.attribute("type") == "checkbox" && $0.attribute("disabled") != nil })
        #expect(boxes.filter { $0.attribute("checked") != nil }.count == 1)
        #expect(page.contains("ethics approval"))
        #expect(page.contains("first patient"))
    }

    @Test func rawHTMLIsOmitted() throws {
        let workspace = try Support.Workspace("markdown-raw")
        defer { workspace.remove() }
        let (_, page) = try Self.buildLabPage(workspace)
        #expect(!page.contains("raw-block"))
        #expect(!page.contains("raw block text"))
        #expect(!page.contains("raw-inline"))
        #expect(!page.contains("<span class=\"raw"))
        #expect(!page.contains("<details"))
        #expect(!page.contains("raw details"))
        #expect(!page.contains("<div class=\"raw"))
        #expect(page.contains("<!-- raw HTML omitted -->"))
    }

    /// Body heading ids must not repeat an id the page template already uses (`partnerships`,
    /// `areas`, `main`, ...): ids are unique in a page, or `#partnerships` jumps to the wrong place.
    @Test func everyIDInEveryPageIsUnique() throws {
        let workspace = try Support.Workspace("markdown-unique")
        defer { workspace.remove() }
        let (site, _) = try Self.buildLabPage(workspace)
        for (path, html) in try Support.htmlPages(site) {
            var seen: [String: Int] = [:]
            for tag in Support.tags(in: html) {
                if let id = tag.attribute("id") { seen[id, default: 0] += 1 }
            }
            let repeated = seen.filter { $0.value > 1 }.keys.sorted()
            #expect(repeated.isEmpty, "\(path) repeats the id(s) \(repeated)")
        }
    }

    // MARK: The renderer on its own

    @Test func rendererNumbersRepeatedHeadings() {
        let rendered = MarkdownRenderer().render("## Expertise\n\ntext\n\n## Expertise\n\n## Expertise\n\n## Other\n")
        #expect(rendered.headingIDs == ["expertise", "expertise-2", "expertise-3", "other"])
        #expect(rendered.html.contains(#"<h2 id="expertise-2">Expertise</h2>"#))
    }

    @Test func rendererHeadingIDsAreUniqueEvenWhenATitleLooksNumbered() {
        // GitHub gives `expertise`, `expertise-1`, `expertise-2`... and never the same id twice.
        let rendered = MarkdownRenderer().render("## Expertise\n\n## Expertise\n\n## Expertise 2\n")
        #expect(Set(rendered.headingIDs).count == rendered.headingIDs.count, "repeated heading ids: \(rendered.headingIDs)")
        #expect(rendered.headingIDs.first == "expertise")
    }

    @Test func rendererGivesHeadingsWithoutLettersAnID() {
        let rendered = MarkdownRenderer().render("## !!!\n\n## ???\n")
        #expect(rendered.headingIDs == ["section", "section-2"])
    }

    @Test func rendererOmitsRawHTMLAndDropsUnsafeLinks() {
        let rendered = MarkdownRenderer().render("""
        <script>alert(1)</script>

        Text <b onclick="x()">bold</b> [a](javascript:alert(1)) [b](https://ok.example.org/)

        <div>block</div>
        """)
        #expect(!rendered.html.contains("<script"))
        #expect(!rendered.html.contains("<b "))
        #expect(!rendered.html.contains("<div"))
        #expect(rendered.html.contains(#"<a href="">a</a>"#))
        #expect(rendered.html.contains(#"<a href="https://ok.example.org/">b</a>"#))
        #expect(rendered.droppedLinks.map(\.url) == ["javascript:alert(1)"])
        #expect(rendered.links.map(\.url) == ["https://ok.example.org/"])
    }

    @Test func rendererMovesRootRelativeLinksUnderTheBasePath() {
        let rendered = MarkdownRenderer(basePath: "/frontdoor/").render(
            "[root](/trusts/x/) [relative](trusts/x/) [protocol](//cdn.example.org/a) [abs](https://example.org/a) ![img](/assets/logo.svg)")
        #expect(rendered.html.contains(#"<a href="/frontdoor/trusts/x/">root</a>"#))
        #expect(rendered.html.contains(#"<a href="trusts/x/">relative</a>"#))
        #expect(rendered.html.contains(#"<a href="//cdn.example.org/a">protocol</a>"#))
        #expect(rendered.html.contains(#"<a href="https://example.org/a">abs</a>"#))
        #expect(rendered.html.contains(#"<img src="/frontdoor/assets/logo.svg" alt="img" />"#))
    }
}
