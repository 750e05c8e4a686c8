import Foundation
import Testing
@testable import FrontDoorKit

/// A type with more profiles than a list page holds (`ListPages.size`) gets numbered pages,
/// each linked from its neighbours and listed in the sitemap; a short list stays one page.
/// An area's page lists its organisations the same way.
@Suite("Build: long lists in pages")
struct SiteListPagesTests {
    typealias Support = SiteTestSupport

    @Test func aLongListIsSplitIntoLinkedPages() throws {
        let workspace = try Support.Workspace("list-pages")
        defer { workspace.remove() }
        let content = try workspace.content("basic")
        let added = ListPages.size + 5
        try Support.addCompanies(added, inArea: "womens-health", to: content)
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

    @Test func anAreaWithManyOrganisationsListsThemInLinkedPages() throws {
        let workspace = try Support.Workspace("area-pages")
        defer { workspace.remove() }
        let content = try workspace.content("basic")
        try Support.addCompanies(ListPages.size, inArea: "womens-health", to: content)
        let site = workspace.path("site")
        try Support.buildOK(content: content, output: site)
        func cards(_ html: String) -> Int { html.components(separatedBy: "<li class=\"card").count - 1 }
        func count(_ text: String, in html: String) -> Int { html.components(separatedBy: text).count - 1 }

        let first = try Support.text(site + "/areas/womens-health/index.html")
        let total = cards(first) + cards(try Support.text(site + "/areas/womens-health/page/2/index.html"))
        #expect(total > ListPages.size && total <= 2 * ListPages.size)
        #expect(cards(first) == ListPages.size)
        #expect(first.contains("<div class=\"prose\">"), "the first page has the area's own text")
        #expect(first.contains("Showing 1 to \(ListPages.size) of \(total): page 1 of 2."))
        #expect(first.contains("href=\"/frontdoor/areas/womens-health/page/2/\" rel=\"next\""))
        #expect(first.contains("application/ld+json"))

        let second = try Support.text(site + "/areas/womens-health/page/2/index.html")
        #expect(second.contains("<title>Women&#39;s health, page 2 of 2"), "\(second.prefix(600))")
        #expect(!second.contains("<div class=\"prose\">") && !second.contains("application/ld+json"))
        #expect(second.contains("href=\"/frontdoor/areas/womens-health/\" rel=\"prev\""))
        // The groups are in type order across the pages: the companies come last, and their
        // heading counts all of them on each page it appears on.
        let companies = 1 + ListPages.size
        #expect(count("<h2 class=\"group-heading\">Companies (\(companies))</h2>", in: first + second) == 2)
        #expect(!second.contains("Institutions ("))
        #expect(!FileManager.default.fileExists(atPath: site + "/areas/womens-health/page/3/index.html"))
        #expect(!FileManager.default.fileExists(atPath: site + "/areas/mental-health/page"))

        let sitemap = try Support.text(site + "/sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/frontdoor/areas/womens-health/page/2/</loc>"))
    }
}
