import Foundation

/// The directory graph: validated profiles with every reference resolved in both
/// directions. Built once in linear time; later stages only look things up.
public struct Directory: Sendable {
    public let config: SiteConfig
    /// Published profiles of every type, each type sorted by title: the one copy of each.
    private var byType: [ProfileType: [Profile]]
    /// Where each slug's profile sits in `byType`.
    private let places: [String: ProfileLookup.Place]
    /// Partners in both directions: A lists B, or B lists A.
    public let partners: [String: [String]]
    /// Networks an organisation is a member of.
    public let memberOf: [String: [String]]
    /// Partnerships each organisation is a party to, newest first.
    public let partnershipsOf: [String: [String]]
    /// Organisations and partnerships in each area.
    public let inArea: [String: [String]]
    /// How many of each type `inArea` holds for each area: its list is grouped by type, in
    /// `ProfileType.allCases` order, and then by title.
    public let inAreaCounts: [String: [ProfileType: Int]]
    /// Areas that list this area as related, merged with its own `related`.
    public let relatedAreas: [String: [String]]
    /// Each profile's `sortKey`, kept for sorting again after a title edit (`sorted(retitled:)`):
    /// folding every title again took longer than the rest of that rebuild.
    private let sortKeys: [String: (String, String)]

    /// Published profiles by slug.
    public var bySlug: ProfileLookup { ProfileLookup(byType: byType, places: places) }

    public init(profiles: [Profile], config: SiteConfig, includeDrafts: Bool = false) {
        self.init(profiles: profiles, config: config, includeDrafts: includeDrafts, sortKeys: [:])
    }

    /// `sortKeys`: keys already made, by slug; the others are made here.
    private init(profiles: [Profile], config: SiteConfig, includeDrafts: Bool, sortKeys known: [String: (String, String)]) {
        self.config = config
        // Each profile is held once, in its type's list; a slug names its place there. The
        // positions of reference values were for the validate stage's diagnostics only.
        var byType: [ProfileType: [Profile]] = [:]
        var slugs: [String: String] = [:]
        for profile in profiles where (includeDrafts || !profile.draft) && slugs[profile.slug] == nil {
            slugs[profile.slug] = profile.slug
        }
        var seen: Set<String> = []
        for profile in profiles where (includeDrafts || !profile.draft) && seen.insert(profile.slug).inserted {
            var kept = profile
            kept.referencePositions = [:]
            Self.share(&kept, slugs)
            byType[profile.type, default: []].append(kept)
        }
        seen = []
        slugs = [:]

        // Folding a title is slow; each is folded once, not at every comparison.
        var keys = known
        for list in byType.values {
            for profile in list where keys[profile.slug] == nil { keys[profile.slug] = Self.sortKey(profile) }
        }
        var places: [String: ProfileLookup.Place] = [:]
        places.reserveCapacity(keys.count)
        for type in ProfileType.allCases {
            var list = byType[type] ?? []
            if type == .partnership {
                // Newest first; same-day agreements by title.
                list.sort { a, b in
                    a.signed != b.signed ? (a.signed ?? "") > (b.signed ?? "") : keys[a.slug]! < keys[b.slug]!
                }
            } else {
                list.sort { keys[$0.slug]! < keys[$1.slug]! }
            }
            for (index, profile) in list.enumerated() { places[profile.slug] = ProfileLookup.Place(type: type, index: index) }
            byType[type] = list
        }
        self.byType = byType
        self.places = places

        func exists(_ slug: String) -> Bool { places[slug] != nil }
        var partners: [String: Set<String>] = [:]
        var memberOf: [String: [String]] = [:]
        var partnershipsOf: [String: [String]] = [:]
        var inArea: [String: [String]] = [:]
        var inAreaCounts: [String: [ProfileType: Int]] = [:]
        var related: [String: Set<String>] = [:]
        for type in ProfileType.allCases {
            for profile in byType[type] ?? [] {
                for other in profile.partners where exists(other) && other != profile.slug {
                    partners[profile.slug, default: []].insert(other)
                    partners[other, default: []].insert(profile.slug)
                }
                for member in profile.members where exists(member) {
                    memberOf[member, default: []].append(profile.slug)
                }
                for party in profile.parties where exists(party) {
                    partnershipsOf[party, default: []].append(profile.slug)
                }
                for area in profile.areas where exists(area) {
                    inArea[area, default: []].append(profile.slug)
                    inAreaCounts[area, default: [:]][type, default: 0] += 1
                }
                for area in profile.related where exists(area) && area != profile.slug {
                    related[profile.slug, default: []].insert(area)
                    related[area, default: []].insert(profile.slug)
                }
            }
        }
        let byTitle: (String, String) -> Bool = { a, b in keys[a]! < keys[b]! }
        self.partners = partners.mapValues { $0.sorted(by: byTitle) }
        self.memberOf = memberOf.mapValues { $0.sorted(by: byTitle) }
        self.partnershipsOf = partnershipsOf
        self.inArea = inArea
        self.inAreaCounts = inAreaCounts
        self.relatedAreas = related.mapValues { $0.sorted(by: byTitle) }
        self.sortKeys = keys
    }

    public func profiles(of type: ProfileType) -> [Profile] { byType[type] ?? [] }

    /// Each reference made the same string as the slug it names, so the text is held once:
    /// every file spells its references out, and at 100,000 profiles the copies were tens of
    /// megabytes.
    static func share(_ profile: inout Profile, _ slugs: [String: String]) {
        func shared(_ references: inout [String]) {
            for index in references.indices {
                if let slug = slugs[references[index]] { references[index] = slug }
            }
        }
        shared(&profile.areas)
        shared(&profile.partners)
        shared(&profile.members)
        shared(&profile.parties)
        shared(&profile.related)
    }

    /// The same directory with one profile's values replaced, for a profile whose front
    /// matter is unchanged (so no reference, order or grouping can have moved).
    func replacing(_ profile: Profile) -> Directory {
        var copy = self
        guard let place = places[profile.slug], place.type == profile.type else { return copy }
        var kept = profile
        kept.referencePositions = [:]
        copy.byType[place.type]?[place.index] = kept
        return copy
    }

    /// The same profiles linked again, every order and grouping made anew, after an edit to
    /// the titles of `retitled`, which order them.
    func sorted(retitled: Set<String>) -> Directory {
        Directory(profiles: ProfileType.allCases.flatMap { profiles(of: $0) }, config: config, includeDrafts: true,
                  sortKeys: sortKeys.filter { !retitled.contains($0.key) })
    }

    public var organisations: [Profile] { ProfileType.organisations.flatMap { profiles(of: $0) } }

    /// How many pages an area's page takes: it lists its organisations 200 to a page (`ListPages`).
    public func pageCount(ofArea slug: String) -> Int { ListPages.count(inArea[slug]?.count ?? 0) }

    /// The numbers of an area's pages after its first (none for a profile that is not an area).
    public func laterPages(ofArea slug: String) -> [Int] {
        let count = pageCount(ofArea: slug)
        return count > 1 ? Array(2...count) : []
    }

    public var count: Int { places.count }

    /// Title order that ignores case and accents, then slug, so it is the same on every machine.
    static func sortKey(_ profile: Profile) -> (String, String) {
        (profile.title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil), profile.slug)
    }
}

/// Published profiles by slug (`Directory.bySlug`), looked up where the directory holds them.
public struct ProfileLookup: Sendable {
    struct Place: Sendable {
        var type: ProfileType
        var index: Int
    }

    fileprivate let byType: [ProfileType: [Profile]]
    fileprivate let places: [String: Place]

    public subscript(_ slug: String) -> Profile? {
        guard let place = places[slug] else { return nil }
        return byType[place.type]?[place.index]
    }

    public func contains(_ slug: String) -> Bool { places[slug] != nil }

    public var slugs: some Collection<String> { places.keys }

    public var count: Int { places.count }
}
