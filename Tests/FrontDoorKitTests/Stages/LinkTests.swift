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

/// After a title edit the preview sorts the directory again in place of making it anew
/// (`Directory.sorted(retitled:)`): both must hold the same lists in the same orders.
@Suite("Link: sorting again after a title edit")
struct DirectoryResortTests {
    /// Sixty profiles of every type, linked at random (a fixed seed), with titles that tie
    /// when folded ("Alpha" and "alpha") and partnerships signed on the same days.
    static let profiles: [Profile] = {
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        let areas = (0..<6).map { "area-\($0)" }
        let organisations = (0..<40).map { "org-\($0)" }
        func some(_ slugs: [String], _ most: Int) -> [String] { (0..<next(most + 1)).map { _ in slugs[next(slugs.count)] } }
        let titles = ["Alpha", "alpha", "Beta", "Gamma", "Delta", "Épsilon", "Zeta"]
        var profiles = areas.map { ProfileFactory.make(.area, $0, title: titles[next(titles.count)], related: some(areas, 2)) }
        let types: [ProfileType] = [.institution, .trust, .network, .company]
        for slug in organisations {
            let type = types[next(types.count)]
            profiles.append(ProfileFactory.make(type, slug, title: titles[next(titles.count)] + " \(next(3))", areas: some(areas, 3),
                                                partners: some(organisations, 3), members: type == .network ? some(organisations, 4) : []))
        }
        for number in 0..<14 {
            profiles.append(ProfileFactory.make(.partnership, "mou-\(number)", title: titles[next(titles.count)], areas: some(areas, 2),
                                                parties: some(organisations, 3), signed: "2025-0\(1 + next(3))-01"))
        }
        return profiles
    }()

    static func expectSame(_ resorted: Directory, _ fresh: Directory, _ edit: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for type in ProfileType.allCases {
            #expect(resorted.profiles(of: type).map(\.slug) == fresh.profiles(of: type).map(\.slug), "\(type) after \(edit)", sourceLocation: sourceLocation)
        }
        for slug in fresh.bySlug.slugs {
            #expect(resorted.bySlug[slug]?.title == fresh.bySlug[slug]?.title, "\(slug) after \(edit)", sourceLocation: sourceLocation)
        }
        #expect(resorted.partners == fresh.partners, "partners after \(edit)", sourceLocation: sourceLocation)
        #expect(resorted.memberOf == fresh.memberOf, "memberOf after \(edit)", sourceLocation: sourceLocation)
        #expect(resorted.partnershipsOf == fresh.partnershipsOf, "partnershipsOf after \(edit)", sourceLocation: sourceLocation)
        #expect(resorted.inArea == fresh.inArea, "inArea after \(edit)", sourceLocation: sourceLocation)
        #expect(resorted.inAreaCounts == fresh.inAreaCounts, "inAreaCounts after \(edit)", sourceLocation: sourceLocation)
        #expect(resorted.relatedAreas == fresh.relatedAreas, "relatedAreas after \(edit)", sourceLocation: sourceLocation)
    }

    @Test(arguments: ["Aardvark", "alpha", "Mid", "Zzz"])
    func everyProfileRetitledSortsAsADirectoryMadeAnew(title: String) {
        let directory = Directory(profiles: Self.profiles, config: ProfileFactory.config)
        for index in Self.profiles.indices {
            var profiles = Self.profiles
            profiles[index].title = title
            let fresh = Directory(profiles: profiles, config: ProfileFactory.config)
            let resorted = directory.replacing(profiles[index]).sorted(retitled: [profiles[index].slug])
            Self.expectSame(resorted, fresh, "\(profiles[index].slug) became \(title)")
        }
    }

    @Test(arguments: [[], ["area-0"], ["area-5", "area-1"], ["area-2", "area-2"], ["area-3", "org-1"]])
    func everyProfileRegroupedGroupsAsADirectoryMadeAnew(areas: [String]) {
        let directory = Directory(profiles: Self.profiles, config: ProfileFactory.config)
        for index in Self.profiles.indices where Self.profiles[index].type != .area {
            var profiles = Self.profiles
            let old = profiles[index].areas
            profiles[index].areas = areas
            let fresh = Directory(profiles: profiles, config: ProfileFactory.config)
            let regrouped = directory.replacing(profiles[index]).regrouped(profiles[index], from: old)
            Self.expectSame(regrouped, fresh, "\(profiles[index].slug) in \(areas), was in \(old)")
        }
    }

    @Test func anAreaLeftByItsOnlyProfileIsEmptyAsInADirectoryMadeAnew() {
        var profiles = [ProfileFactory.make(.area, "a"), ProfileFactory.make(.area, "b"),
                        ProfileFactory.make(.company, "solo", areas: ["a"])]
        let directory = Directory(profiles: profiles, config: ProfileFactory.config)
        profiles[2].areas = ["b"]
        let regrouped = directory.replacing(profiles[2]).regrouped(profiles[2], from: ["a"])
        #expect(regrouped.inArea["a"] == nil && regrouped.inAreaCounts["a"] == nil)
        Self.expectSame(regrouped, Directory(profiles: profiles, config: ProfileFactory.config), "solo moved to b")
    }

    @Test func twoProfilesRetitledAtOnceSortAsADirectoryMadeAnew() {
        let directory = Directory(profiles: Self.profiles, config: ProfileFactory.config)
        var profiles = Self.profiles
        let (first, second) = (10, 50)
        profiles[first].title = "Zzz"
        profiles[second].title = "Aaa"
        let fresh = Directory(profiles: profiles, config: ProfileFactory.config)
        let resorted = directory.replacing(profiles[first]).replacing(profiles[second])
            .sorted(retitled: [profiles[first].slug, profiles[second].slug])
        Self.expectSame(resorted, fresh, "two titles")
    }
}
