import Foundation
import Testing
@testable import FrontDoorKit

/// Hand-worked expectations. Six partners; area `c` is covered by four of them, `r`, `z` and
/// `q` by one each; `z` is related to `r`. Rarity: c = 1 + ln(6/4) = 1.4055,
/// r = z = q = 1 + ln(6) = 2.7918.
@Suite("Derive: matching")
struct MatchTests {
    static func directory(companyPartners: [String] = []) -> Directory {
        var company = ProfileFactory.make(.company, "co", areas: ["c", "r"], seeks: ["clinical-trials"], partners: companyPartners, region: "West Midlands")
        company.maturity = "advanced"
        return Directory(profiles: [
            ProfileFactory.make(.area, "c"), ProfileFactory.make(.area, "r", related: ["z"]),
            ProfileFactory.make(.area, "z"), ProfileFactory.make(.area, "q"),
            company,
            ProfileFactory.make(.trust, "t1", areas: ["c"], offers: ["clinical-trials"], region: "West Midlands"),
            ProfileFactory.make(.trust, "t2", areas: ["c"]),
            ProfileFactory.make(.trust, "a-trust", areas: ["c"]),
            ProfileFactory.make(.institution, "u1", areas: ["r"]),
            ProfileFactory.make(.network, "n1", areas: ["c", "z"]),
            ProfileFactory.make(.network, "n2", areas: ["q"], offers: ["clinical-trials"], region: "West Midlands"),
        ], config: ProfileFactory.config)
    }

    @Test func scoresAndOrderAsWorkedByHand() throws {
        let suggestions = try #require(MatchEngine(directory: Self.directory()).suggestions(for: "co"))
        // t1: c 1.4055 + seeks/offers 1.5 + region 0.5 = 3.41; u1: r 2.79;
        // n1: c 1.4055 + a quarter of z (related to r) 0.698 = 2.10; a-trust and t2: c 1.41.
        #expect(suggestions.map(\.partner) == ["t1", "u1", "n1", "a-trust", "t2"])
        #expect(suggestions.map(\.score) == [3.41, 2.79, 2.10, 1.41, 1.41])
        #expect(suggestions[0].reasons == ["Shares area: C", "Offers what you seek: Clinical trials", "Same region: West Midlands"])
        #expect(suggestions[2].reasons == ["Shares area: C", "Related area: Z (related to R)"])
    }

    @Test func aRareAreaBeatsACommonOne() throws {
        let engine = MatchEngine(directory: Self.directory())
        #expect(engine.rarity(of: "r") > engine.rarity(of: "c"))
        let suggestions = try #require(engine.suggestions(for: "co"))
        let rare = try #require(suggestions.first { $0.partner == "u1" }), common = try #require(suggestions.first { $0.partner == "t2" })
        #expect(rare.score > common.score)
    }

    @Test func offeringWhatTheCompanySeeksLiftsAPartner() throws {
        let suggestions = try #require(MatchEngine(directory: Self.directory()).suggestions(for: "co"))
        let offering = try #require(suggestions.first { $0.partner == "t1" }), plain = try #require(suggestions.first { $0.partner == "t2" })
        #expect(offering.score - plain.score == 2.0)  // 1.5 for the capability, 0.5 for the region
    }

    @Test func anOrganisationWithNoSharedAreaIsNeverSuggested() throws {
        // n2 offers what the company seeks, in its region, but shares no area.
        let suggestions = try #require(MatchEngine(directory: Self.directory()).suggestions(for: "co", limit: 100))
        #expect(!suggestions.map(\.partner).contains("n2"))
    }

    @Test func tiesAreBrokenBySlugWhateverTheInputOrder() throws {
        let directory = Self.directory()
        let first = try #require(MatchEngine(directory: directory).suggestions(for: "co"))
        #expect(first.filter { $0.score == 1.41 }.map(\.partner) == ["a-trust", "t2"])
        #expect(first == MatchEngine(directory: directory).suggestions(for: "co"))
    }

    @Test func existingPartnersAreListedNotSuggested() throws {
        let engine = MatchEngine(directory: Self.directory(companyPartners: ["u1"]))
        #expect(engine.existingPartners(of: "co") == ["u1"])
        #expect(try #require(engine.suggestions(for: "co")).map(\.partner) == ["t1", "n1", "a-trust", "t2"])
    }

    @Test func onlyCompaniesHaveSuggestions() {
        #expect(MatchEngine(directory: Self.directory()).suggestions(for: "t1") == nil)
        #expect(MatchEngine(directory: Self.directory()).suggestions(for: "nobody") == nil)
    }

    @Test func partnersSeeTheCompaniesThatMatchThem() {
        let results = MatchResults(directory: Self.directory())
        #expect(results.companiesByPartner["t1"]?.map(\.company) == ["co"])
        #expect(results.companiesByPartner["n2"] == nil)
    }

    @Test func areaPagesPutPartnersOfferingTheCapabilityFirst() {
        // Otherwise directory order: institutions, trusts, networks, each by title.
        let engine = MatchEngine(directory: Self.directory())
        #expect(engine.partners(in: "c").map(\.partner) == ["a-trust", "t1", "t2", "n1"])
        #expect(engine.partners(in: "c", offering: "clinical-trials").map(\.partner) == ["t1", "a-trust", "t2", "n1"])
    }

    /// match.json comes as pieces a batch of companies at a time; joined, they are the file.
    @Test func matchJSONInPiecesIsTheWholeFile() throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("content").path
        let directory = try #require(try SiteBuilder().check(content: content).directory)
        let matches = MatchResults(directory: directory)
        #expect(matches.byCompany.count > 5)
        var pieces: [OutputFile] = []
        var calls = 0
        MatchExport.files(matches, directory: directory, batch: 2) { pieces += $0; calls += 1 }
        #expect(calls == 2 + (matches.byCompany.count + 1) / 2, "a start, a piece per two companies, an end")
        #expect(pieces.map(\.piece) == [.first] + Array(repeating: .next, count: calls - 2) + [.last])
        let joined = OutputFile.joiningPieces(pieces)
        #expect(joined.count == 1)
        var whole: [OutputFile] = []
        MatchExport.files(matches, directory: directory, batch: 1000) { whole += $0 }
        #expect(joined == OutputFile.joiningPieces(whole))
        let root = try #require(try JSONSerialization.jsonObject(with: joined[0].data) as? [String: Any])
        #expect((root["companies"] as? [[String: Any]])?.count == matches.byCompany.count)
    }

    @Test func matchJSONCarriesEveryCompanyWithMaturityAndExisting() throws {
        let directory = Self.directory(companyPartners: ["u1"])
        let data = MatchExport.file(MatchResults(directory: directory), directory: directory).data
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["version"] as? Int == 1)
        let companies = try #require(root["companies"] as? [[String: Any]])
        #expect(companies.count == 1)
        #expect(companies[0]["company"] as? String == "co")
        #expect(companies[0]["maturity"] as? String == "advanced")
        #expect(companies[0]["existing"] as? [String] == ["u1"])
        #expect((companies[0]["suggestions"] as? [[String: Any]])?.first?["partner"] as? String == "t1")
    }

    /// What the preview does after a company's areas change: the previous matches kept, the
    /// company's made again. It must equal matching the edited directory anew, for every
    /// company of a random directory (six areas, forty organisations) and several area sets.
    @Test(arguments: [[], ["area-0"], ["area-5", "area-1"], ["area-2", "area-3", "area-4"]])
    func matchesRemadeForOneCompanyEqualMatchesMadeAnew(areas: [String]) {
        let profiles = DirectoryResortTests.profiles
        let directory = Directory(profiles: profiles, config: ProfileFactory.config)
        let previous = MatchResults(directory: directory)
        func rows(_ matches: MatchResults) -> [String: [String]] {
            matches.companiesByPartner.mapValues { $0.map { "\($0.company) \($0.score) \($0.reasons)" } }
        }
        var remade = 0
        for index in profiles.indices where profiles[index].type == .company {
            var edited = profiles
            let old = edited[index].areas
            edited[index].areas = areas
            let kept = MatchResults(directory: directory.replacing(edited[index]).regrouped(edited[index], from: old),
                                    keeping: previous, rematching: [edited[index].slug])
            let made = MatchResults(directory: Directory(profiles: edited, config: ProfileFactory.config))
            #expect(kept.suggestions == made.suggestions, "\(edited[index].slug) in \(areas)")
            #expect(rows(kept) == rows(made), "\(edited[index].slug) in \(areas)")
            if made.suggestions != previous.suggestions { remade += 1 }
        }
        #expect(remade > 0, "some edit changes some match")
    }
}
