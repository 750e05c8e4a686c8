import Foundation
import Testing
@testable import FrontDoorKit

@Suite("Derive: search, match, feeds")
struct DeriveTests {
    static let directory = Directory(profiles: [
        ProfileFactory.make(.area, "womens-health", title: "Women's health"),
        ProfileFactory.make(.area, "respiratory", title: "Respiratory"),
        ProfileFactory.make(.area, "digital-health", title: "Digital health"),
        ProfileFactory.make(.company, "nari", title: "Nāri Health", areas: ["womens-health", "respiratory"], seeks: ["clinical-trials"], region: "West Midlands"),
        ProfileFactory.make(.trust, "trust-a", title: "Trust A", areas: ["womens-health"], offers: ["clinical-trials"], region: "West Midlands"),
        ProfileFactory.make(.trust, "trust-b", title: "Trust B", areas: ["womens-health"]),
        ProfileFactory.make(.institution, "uni", title: "University", areas: ["respiratory", "digital-health"]),
        ProfileFactory.make(.institution, "uni-2", title: "University Two", areas: ["digital-health"]),
        ProfileFactory.make(.institution, "uni-3", title: "University Three", areas: ["digital-health", "womens-health"]),
        ProfileFactory.make(.network, "unrelated", title: "Unrelated", areas: ["digital-health"], offers: ["clinical-trials"]),
        ProfileFactory.make(.partnership, "mou", title: "A <b>&</b> MoU", parties: ["trust-a", "uni"], signed: "2025-06-01"),
    ], config: ProfileFactory.config)

    @Test func searchFoldsAccentsAndFindsByTitle() {
        let index = SearchIndex.build(from: Self.directory)
        let response = Searcher(index: index).search("nari")
        #expect(response.total >= 1)
        #expect(response.results.first?.slug == "nari")
        #expect(response.results.first?.url == "/fd/companies/nari/")
    }

    @Test func searchMatchesThePartialLastWord() {
        let index = SearchIndex.build(from: Self.directory)
        #expect(Searcher(index: index).search("respir").results.map(\.slug).contains("uni"))
        #expect(Searcher(index: index).search("respir ").results.map(\.slug).contains("uni") == false)
        #expect(Searcher(index: index).search("zzzz").total == 0)
    }

    @Test func searchIndexSurvivesAJSONRoundTrip() throws {
        let index = SearchIndex.build(from: Self.directory)
        let decoded = try SearchIndexJSON.decode(SearchIndexJSON.encode(index))
        #expect(decoded == index)
        #expect(SearchIndexJSON.encode(decoded) == SearchIndexJSON.encode(index))
    }

    @Test func matchingNeverSuggestsAnOrganisationWithoutASharedArea() throws {
        let suggestions = try #require(MatchEngine(directory: Self.directory).suggestions(for: "nari"))
        let slugs = suggestions.map(\.partner)
        #expect(!slugs.contains("unrelated"))
        #expect(!slugs.contains("uni-2"))
        #expect(Set(slugs) == ["trust-a", "trust-b", "uni", "uni-3"])
    }

    @Test func offeringWhatTheCompanySeeksLiftsAPartner() throws {
        let suggestions = try #require(MatchEngine(directory: Self.directory).suggestions(for: "nari"))
        #expect(suggestions.first?.partner == "trust-a")
        #expect(suggestions.first?.reasons.contains("Offers what you seek: Clinical trials") == true)
        // trust-b and uni-3 share only women's health: equal scores, ordered by slug.
        let tied = suggestions.filter { $0.partner == "trust-b" || $0.partner == "uni-3" }
        #expect(tied.map(\.partner) == ["trust-b", "uni-3"])
        #expect(tied[0].score == tied[1].score)
    }

    @Test func aRareAreaCountsMoreThanACommonOne() {
        let engine = MatchEngine(directory: Self.directory)
        #expect(engine.rarity(of: "respiratory") > engine.rarity(of: "womens-health"))
        #expect(MatchEngine(directory: Self.directory).suggestions(for: "trust-a") == nil)
    }

    @Test func feedAndSitemapEscapeTitlesAndUseContentDates() throws {
        let feed = String(decoding: PartnershipFeed.build(Self.directory).data, as: UTF8.self)
        #expect(feed.contains("<title>A &lt;b&gt;&amp;&lt;/b&gt; MoU</title>"))
        #expect(feed.contains("<updated>2025-06-01T00:00:00Z</updated>"))
        let sitemap = String(decoding: Sitemap.build(pages: [("a&b/", "2025-01-02"), ("", nil)], origin: "https://example.org/fd/").data, as: UTF8.self)
        #expect(sitemap.contains("<loc>https://example.org/fd/a&amp;b/</loc><lastmod>2025-01-02</lastmod>"))
        #expect(sitemap.contains("<loc>https://example.org/fd/</loc></url>"))
    }
}
