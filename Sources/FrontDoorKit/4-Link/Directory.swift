import Foundation

/// The directory graph: validated profiles with every reference resolved in both
/// directions. Built once in linear time; later stages only look things up.
public struct Directory: Sendable {
    public let config: SiteConfig
    /// Published profiles of every type, each type sorted by title: the one copy of each.
    private var byType: [ProfileType: [Profile]]
    /// Where each slug's profile sits in `byType`.
    private var places: [String: ProfileLookup.Place]
    /// Partners in both directions: A lists B, or B lists A.
    public private(set) var partners: [String: [String]]
    /// Networks an organisation is a member of.
    public private(set) var memberOf: [String: [String]]
    /// Partnerships each organisation is a party to, newest first.
    public private(set) var partnershipsOf: [String: [String]]
    /// Organisations and partnerships in each area.
    public private(set) var inArea: [String: [String]]
    /// How many of each type `inArea` holds for each area: its list is grouped by type, in
    /// `ProfileType.allCases` order, and then by title.
    public private(set) var inAreaCounts: [String: [ProfileType: Int]]
    /// Areas that list this area as related, merged with its own `related`.
    public private(set) var relatedAreas: [String: [String]]
    /// Each profile's `sortKey`, kept so that sorting again after a title edit
    /// (`sorted(retitled:)`) folds only the edited titles.
    private var sortKeys: [String: (String, String)]

    /// Published profiles by slug.
    public var bySlug: ProfileLookup { ProfileLookup(byType: byType, places: places) }

    public init(profiles: [Profile], config: SiteConfig, includeDrafts: Bool = false) {
        self.init(byType: Self.held(profiles, includeDrafts: includeDrafts), config: config)
    }

    /// The profiles a directory holds, by type: each slug's first, its references sharing
    /// their slug's text.
    private static func held(_ profiles: [Profile], includeDrafts: Bool) -> [ProfileType: [Profile]] {
        var byType: [ProfileType: [Profile]] = [:]
        var slugs: [String: String] = [:]
        for profile in profiles where (includeDrafts || !profile.draft) && slugs[profile.slug] == nil {
            slugs[profile.slug] = profile.slug
        }
        var seen: Set<String> = []
        for profile in profiles where (includeDrafts || !profile.draft) && seen.insert(profile.slug).inserted {
            // Each profile is held once, in its type's list; a slug names its place there. The
            // positions of reference values were for the validate stage's diagnostics only.
            var kept = profile
            kept.referencePositions = [:]
            share(&kept, slugs)
            byType[profile.type, default: []].append(kept)
        }
        return byType
    }

    /// `byType`: the profiles to hold, of each type, as a directory holds them (in any order).
    private init(byType: [ProfileType: [Profile]], config: SiteConfig) {
        self.config = config
        var byType = byType

        // Folding a title is slow; each is folded once, not at every comparison.
        var keys: [String: (String, String)] = [:]
        for list in byType.values {
            for profile in list { keys[profile.slug] = Self.sortKey(profile) }
        }
        var places: [String: ProfileLookup.Place] = [:]
        places.reserveCapacity(keys.count)
        for type in ProfileType.allCases {
            let list = Self.ordered(byType[type] ?? [], type, keys)
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

    /// A type's profiles in the directory's order: by title, partnerships newest first.
    private static func ordered(_ profiles: [Profile], _ type: ProfileType, _ keys: [String: (String, String)]) -> [Profile] {
        // Each with its key, so a comparison does not look two keys up.
        var keyed = profiles.map { (key: keys[$0.slug]!, profile: $0) }
        if type == .partnership {
            // Newest first; same-day agreements by title.
            keyed.sort { a, b in
                a.profile.signed != b.profile.signed ? (a.profile.signed ?? "") > (b.profile.signed ?? "") : a.key < b.key
            }
        } else {
            keyed.sort { $0.key < $1.key }
        }
        return keyed.map(\.profile)
    }

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

    /// The same directory after the titles of `retitled` changed (their new values already
    /// held, through `replacing`): their types' lists, and each list that holds one of them,
    /// in order again. The same as a directory made anew from the same profiles, without
    /// going through every profile's references again (at 10,000 profiles, 50-100 ms of a
    /// rebuild after a title edit).
    func sorted(retitled: Set<String>) -> Directory {
        var copy = self
        for slug in retitled {
            if let profile = bySlug[slug] { copy.sortKeys[slug] = Self.sortKey(profile) }
        }
        let keys = copy.sortKeys
        for type in Set(retitled.compactMap { places[$0]?.type }) {
            let list = Self.ordered(byType[type] ?? [], type, keys)
            for (index, profile) in list.enumerated() { copy.places[profile.slug] = ProfileLookup.Place(type: type, index: index) }
            copy.byType[type] = list
        }
        func sortAgain(_ lists: inout [String: [String]], by order: (String, String) -> Bool) {
            for (key, list) in lists where list.contains(where: retitled.contains) { lists[key] = list.sorted(by: order) }
        }
        let byTitle: (String, String) -> Bool = { a, b in keys[a]! < keys[b]! }
        sortAgain(&copy.partners, by: byTitle)
        sortAgain(&copy.memberOf, by: byTitle)
        sortAgain(&copy.relatedAreas, by: byTitle)
        let inDirectoryOrder = copy.inDirectoryOrder
        sortAgain(&copy.partnershipsOf, by: inDirectoryOrder)
        sortAgain(&copy.inArea, by: inDirectoryOrder)
        return copy
    }

    /// The order profiles are listed in where a list was made in the types' order and each
    /// type's (partnerships newest first, an area's profiles grouped by type).
    private var inDirectoryOrder: (String, String) -> Bool {
        let places = places
        let typeOrder = Dictionary(uniqueKeysWithValues: ProfileType.allCases.enumerated().map { ($1, $0) })
        return { a, b in
            let (first, second) = (places[a]!, places[b]!)
            return first.type != second.type ? typeOrder[first.type]! < typeOrder[second.type]! : first.index < second.index
        }
    }

    /// The same directory after the areas of `profile` changed from `oldAreas` (its new values
    /// already held, through `replacing`): the lists and counts of the areas it left and
    /// joined. The same as a directory made anew from the same profiles.
    func regrouped(_ profile: Profile, from oldAreas: [String]) -> Directory {
        var copy = self
        guard let type = places[profile.slug]?.type else { return copy }
        // As the directory is made: each listing of an area that exists counts, twice if twice.
        for area in oldAreas where places[area] != nil {
            if let index = copy.inArea[area]?.firstIndex(of: profile.slug) { copy.inArea[area]?.remove(at: index) }
            copy.inAreaCounts[area]?[type]? -= 1
            if copy.inArea[area]?.isEmpty == true { copy.inArea[area] = nil }
            if copy.inAreaCounts[area]?[type] == 0 { copy.inAreaCounts[area]?[type] = nil }
            if copy.inAreaCounts[area]?.isEmpty == true { copy.inAreaCounts[area] = nil }
        }
        for area in profile.areas where places[area] != nil {
            copy.inArea[area, default: []].append(profile.slug)
            copy.inAreaCounts[area, default: [:]][type, default: 0] += 1
        }
        let inDirectoryOrder = copy.inDirectoryOrder
        for area in Set(oldAreas + profile.areas) {
            copy.inArea[area]?.sort(by: inDirectoryOrder)
        }
        return copy
    }

    public var organisations: [Profile] { ProfileType.organisations.flatMap { profiles(of: $0) } }

    /// Whether `slug` is among an area's first `count` companies by title (the match pages'
    /// companies column). `inArea` holds them as one group, after the types before companies.
    func isAmongFirstCompanies(_ slug: String, inArea area: String, count: Int) -> Bool {
        guard let listed = inArea[area], let counts = inAreaCounts[area] else { return false }
        let start = ProfileType.allCases.prefix { $0 != .company }.reduce(0) { $0 + (counts[$1] ?? 0) }
        return listed.dropFirst(start).prefix(min(count, counts[.company] ?? 0)).contains(slug)
    }

    /// How many pages an area's page takes: it lists its organisations 200 to a page (`ListPages`).
    public func pageCount(ofArea slug: String) -> Int { ListPages.count(inArea[slug]?.count ?? 0) }

    /// The numbers of an area's pages after its first (none for a profile that is not an area).
    public func laterPages(ofArea slug: String) -> [Int] {
        let count = pageCount(ofArea: slug)
        return count > 1 ? Array(2...count) : []
    }

    public var count: Int { places.count }

    /// A published profile's `sortKey`, as kept (folded once, when the directory was made).
    func sortKey(of slug: String) -> (String, String)? {
        if let kept = sortKeys[slug] { return kept }
        return bySlug[slug].map(Self.sortKey)
    }

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
