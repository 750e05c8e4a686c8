import Foundation

/// The directory graph: validated profiles with every reference resolved in both
/// directions. Built once in linear time; later stages only look things up.
public struct Directory: Sendable {
    public let config: SiteConfig
    /// Published profiles of every type, each type sorted by title.
    public private(set) var byType: [ProfileType: [Profile]]
    public private(set) var bySlug: [String: Profile]
    /// Partners in both directions: A lists B, or B lists A.
    public let partners: [String: [String]]
    /// Networks an organisation is a member of.
    public let memberOf: [String: [String]]
    /// Partnerships each organisation is a party to, newest first.
    public let partnershipsOf: [String: [String]]
    /// Organisations and partnerships in each area.
    public let inArea: [String: [String]]
    /// Areas that list this area as related, merged with its own `related`.
    public let relatedAreas: [String: [String]]

    public init(profiles: [Profile], config: SiteConfig, includeDrafts: Bool = false) {
        self.config = config
        let published = profiles.filter { includeDrafts || !$0.draft }
        var bySlug: [String: Profile] = [:]
        for profile in published where bySlug[profile.slug] == nil {
            bySlug[profile.slug] = profile
        }
        self.bySlug = bySlug

        // Folding a title is slow; each is folded once, not at every comparison.
        let keys = bySlug.mapValues(Self.sortKey)
        var byType: [ProfileType: [Profile]] = [:]
        for profile in bySlug.values { byType[profile.type, default: []].append(profile) }
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
            byType[type] = list
        }
        self.byType = byType

        func exists(_ slug: String) -> Bool { bySlug[slug] != nil }
        var partners: [String: Set<String>] = [:]
        var memberOf: [String: [String]] = [:]
        var partnershipsOf: [String: [String]] = [:]
        var inArea: [String: [String]] = [:]
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
        self.relatedAreas = related.mapValues { $0.sorted(by: byTitle) }
    }

    public func profiles(of type: ProfileType) -> [Profile] { byType[type] ?? [] }

    /// The same directory with one profile's values replaced, for a profile whose front
    /// matter is unchanged (so no reference, order or grouping can have moved).
    func replacing(_ profile: Profile) -> Directory {
        var copy = self
        guard copy.bySlug[profile.slug] != nil else { return copy }
        copy.bySlug[profile.slug] = profile
        if let index = copy.byType[profile.type]?.firstIndex(where: { $0.slug == profile.slug }) {
            copy.byType[profile.type]?[index] = profile
        }
        return copy
    }

    public var organisations: [Profile] { ProfileType.organisations.flatMap { profiles(of: $0) } }

    public var count: Int { bySlug.count }

    /// Title order that ignores case and accents, then slug, so it is the same on every machine.
    static func sortKey(_ profile: Profile) -> (String, String) {
        (profile.title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil), profile.slug)
    }
}
