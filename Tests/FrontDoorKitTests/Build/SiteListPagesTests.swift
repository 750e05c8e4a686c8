import Foundation
import Testing
@testable import FrontDoorKit

/// A type with more profiles than a list page holds (`ListPages.size`) gets numbered pages,
/// each linked from its neighbours and listed in the sitemap; a short list stays one page.
@Suite("Build: long lists in pages")
struct SiteListPagesTests {
    typealias Support = SiteTestSupport

    @Test func aLongListIsSplitIntoLinkedPages() throws {
        let workspace = try Support.Workspace("list-pages")
        defer { workspace.remove() }
        let content = try workspace.content("basic")
        let added = ListPages.size + 5
        for number in 1...added {
            let text = """
                ---
                title: Company \(String(format: "%03d", number))
                summary: A company.
                stage: startup
                areas:
                  - womens-health
                ---
                A company.
                """
            try Data(text.utf8).write(to: URL(fileURLWithPath: content + "/companies/company-\(number).md"))
        }
        let site = workspace.path("site")
        try Support.buildOK(content: content, output: site)
        let total = added + 1  // and Example Femtech
        func cards(_ html: String) -> Int { html.components(separatedBy: "<li class=\"card").count - 1 }

        let first = try Support.text(site + "/companies/index.html")
        #expect(cards(first) == ListPages.size)
        #expect(first.contains("<h2 class=\"list-heading\">\(total) listed</h2>"))
        #expect(first.contains("Showing 1 to \(ListPages.size) of \(total): page 1 of 2."))
        #expect(first.contains("<a class=\"pagination__link\" href=\"/frontdoor/companies/page/2/\" rel=\"next\">"))
        #expect(!first.contains("rel=\"prev\""))

        let second = try Support.text(site + "/companies/page/2/index.html")
        #expect(cards(second) == total - ListPages.size)
        #expect(second.contains("<title>Companies, page 2 of 2"))
        #expect(second.contains("Showing \(ListPages.size + 1) to \(total) of \(total): page 2 of 2."))
        #expect(second.contains("<a class=\"pagination__link\" href=\"/frontdoor/companies/\" rel=\"prev\">"))
        #expect(!second.contains("rel=\"next\""))
        #expect(!FileManager.default.fileExists(atPath: site + "/companies/page/3/index.html"))

        let sitemap = try Support.text(site + "/sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/frontdoor/companies/page/2/</loc>"))
        // A short list has one page and no page links.
        let trusts = try Support.text(site + "/trusts/index.html")
        #expect(!trusts.contains("class=\"pagination\"") && !FileManager.default.fileExists(atPath: site + "/trusts/page"))
    }
}
