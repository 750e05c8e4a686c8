import Testing
@testable import FrontDoorKit

@Suite("Link: the directory graph")
struct DirectoryTests {
    let directory = Directory(profiles: [
        ProfileFactory.make(.area, "womens-health", title: "Women's health", related: ["mental-health"]),
        ProfileFactory.make(.area, "mental-health", title: "Mental health"),
        ProfileFactory.make(.company, "zeta", title: "Zeta", areas: ["womens-health"], partners: ["uni"]),
        ProfileFactory.make(.company, "alpha", title: "Alpha", areas: ["womens-health", "mental-health"]),
        ProfileFactory.make(.institution, "uni", title: "University", areas: ["mental-health"]),
        ProfileFactory.make(.trust, "trust", title: "Trust", areas: ["womens-health"], partners: ["uni"]),
        ProfileFactory.make(.network, "net", title: "Network", areas: ["mental-health"], members: ["uni", "trust"]),
        ProfileFactory.make(.partnership, "old-mou", title: "Old MoU", parties: ["uni", "trust"], signed: "2020-01-01"),
        ProfileFactory.make(.partnership, "new-mou", title: "New MoU", parties: ["uni", "zeta"], signed: "2025-06-01"),
        ProfileFactory.make(.company, "hidden", title: "Hidden", areas: ["womens-health"], partners: ["uni"], draft: true),
    ], config: ProfileFactory.config)

    @Test func partnersAreShownBothWays() {
        #expect(directory.partners["uni"] == ["trust", "zeta"])
        #expect(directory.partners["zeta"] == ["uni"])
        #expect(directory.partners["trust"] == ["uni"])
    }

    @Test func networksAndPartnershipsAreLinkedFromTheOtherSide() {
        #expect(directory.memberOf["uni"] == ["net"])
        #expect(directory.partnershipsOf["uni"] == ["new-mou", "old-mou"])
        #expect(directory.partnershipsOf["zeta"] == ["new-mou"])
    }

    @Test func typesAreSortedByTitleAndPartnershipsNewestFirst() {
        #expect(directory.profiles(of: .company).map(\.slug) == ["alpha", "zeta"])
        #expect(directory.profiles(of: .partnership).map(\.slug) == ["new-mou", "old-mou"])
    }

    @Test func areasListTheirMembersAndRelatedAreasBothWays() {
        #expect(directory.inArea["womens-health"] == ["trust", "alpha", "zeta"])
        #expect(directory.relatedAreas["mental-health"] == ["womens-health"])
    }

    @Test func draftsAreLeftOutUnlessAsked() {
        #expect(directory.bySlug["hidden"] == nil)
        #expect(!(directory.partners["uni"] ?? []).contains("hidden"))
        let withDrafts = Directory(profiles: [
            ProfileFactory.make(.area, "a"),
            ProfileFactory.make(.company, "hidden", areas: ["a"], draft: true),
        ], config: ProfileFactory.config, includeDrafts: true)
        #expect(withDrafts.bySlug["hidden"] != nil)
    }
}
