import Foundation

/// Suggests partners (institutions, trusts, networks) for companies, and the reverse.
///
/// For a company and a candidate partner, the score is the sum of:
/// - for each area they share, the area's rarity, `1 + ln(partners / partners in the area)`,
///   so an area few partners cover says more than one most of them cover;
/// - for each of the partner's other areas that is related to one of the company's areas,
///   a quarter of that area's rarity;
/// - 1.5 for each capability the company seeks that the partner offers;
/// - 0.5 when both are in the same region.
/// Only organisations sharing at least one area are candidates, found through an index by
/// area, so the work grows with the matches, not with companies × partners. Organisations the
/// company already works with (partners both ways, or fellow parties to a partnership) are
/// listed as existing, never suggested. Ties go to the partner whose slug sorts first.
public struct MatchEngine: Sendable {
    public struct Suggestion: Sendable, Equatable, Codable {
        public var partner: String
        public var type: String
        public var score: Double
        public var reasons: [String]

        public init(partner: String, type: String, score: Double, reasons: [String]) {
            self.partner = partner
            self.type = type
            self.score = score
            self.reasons = reasons
        }
    }

    public static let capabilityWeight = 1.5
    public static let regionWeight = 0.5
    public static let relatedAreaShare = 0.25

    public static let partnerTypes: [ProfileType] = [.institution, .trust, .network]

    let directory: Directory
    /// Partners by area, in directory order: the candidate index.
    let partnersByArea: [String: [String]]
    let rarities: [String: Double]

    public init(directory: Directory) {
        self.directory = directory
        var byArea: [String: [String]] = [:]
        var partnerCount = 0
        for type in Self.partnerTypes {
            for profile in directory.profiles(of: type) {
                partnerCount += 1
                for area in profile.areas where directory.bySlug[area] != nil { byArea[area, default: []].append(profile.slug) }
            }
        }
        partnersByArea = byArea
        let total = Double(max(partnerCount, 1))
        rarities = byArea.mapValues { 1 + Foundation.log(total / Double(max($0.count, 1))) }
    }

    /// How much sharing an area says: areas with few partners count more.
    public func rarity(of area: String) -> Double {
        rarities[area] ?? 1
    }

    /// Organisations the company already works with: partners either way, and the other
    /// parties of its partnerships.
    public func existingPartners(of company: String) -> [String] {
        var slugs = Set(directory.partners[company] ?? [])
        for partnership in directory.partnershipsOf[company] ?? [] {
            for party in directory.bySlug[partnership]?.parties ?? [] where party != company { slugs.insert(party) }
        }
        return slugs.filter { directory.bySlug[$0]?.type.isOrganisation == true }
            .sorted { Directory.sortKey(directory.bySlug[$0]!) < Directory.sortKey(directory.bySlug[$1]!) }
    }

    /// Ranked suggestions for one company, or nil when the slug is not a company.
    public func suggestions(for companySlug: String, limit: Int = 10) -> [Suggestion]? {
        guard let company = directory.bySlug[companySlug], company.type == .company else { return nil }
        let existing = Set(existingPartners(of: company.slug))
        var candidates: Set<String> = []
        for area in company.areas { candidates.formUnion(partnersByArea[area] ?? []) }
        let companyAreas = Set(company.areas)
        var suggestions: [Suggestion] = []
        for slug in candidates where !existing.contains(slug) {
            guard let partner = directory.bySlug[slug] else { continue }
            var score = 0.0
            var reasons: [String] = []
            for area in company.areas where partner.areas.contains(area) {
                score += rarity(of: area)
                reasons.append("Shares area: " + title(area))
            }
            for area in partner.areas where !companyAreas.contains(area) {
                if let yours = company.areas.first(where: { (directory.relatedAreas[$0] ?? []).contains(area) }) {
                    score += Self.relatedAreaShare * rarity(of: area)
                    reasons.append("Related area: \(title(area)) (related to \(title(yours)))")
                }
            }
            for capability in company.seeks where partner.offers.contains(capability) {
                score += Self.capabilityWeight
                reasons.append("Offers what you seek: " + directory.config.capabilityLabel(capability))
            }
            if let region = company.location?.region, region == partner.location?.region {
                score += Self.regionWeight
                reasons.append("Same region: " + region)
            }
            suggestions.append(Suggestion(partner: slug, type: partner.type.rawValue, score: (score * 100).rounded() / 100, reasons: reasons))
        }
        suggestions.sort { $0.score != $1.score ? $0.score > $1.score : $0.partner < $1.partner }
        return Array(suggestions.prefix(limit))
    }

    /// Suggestions for every company, in directory order.
    public func allSuggestions(limit: Int = 10) -> [(company: String, suggestions: [Suggestion])] {
        directory.profiles(of: .company).map { ($0.slug, suggestions(for: $0.slug, limit: limit) ?? []) }
    }

    /// For each partner, the companies whose suggestions include it, best match first.
    public static func companiesByPartner(_ all: [(company: String, suggestions: [Suggestion])], limit: Int = 5)
        -> [String: [(company: String, score: Double, reasons: [String])]] {
        var byPartner: [String: [(company: String, score: Double, reasons: [String])]] = [:]
        for (company, suggestions) in all {
            for suggestion in suggestions { byPartner[suggestion.partner, default: []].append((company, suggestion.score, suggestion.reasons)) }
        }
        return byPartner.mapValues { list in
            Array(list.sorted { $0.score != $1.score ? $0.score > $1.score : $0.company < $1.company }.prefix(limit))
        }
    }

    /// Partners with expertise in an area, those offering `capability` first: the ranking of
    /// the prebuilt match pages, where no particular company is asking.
    public func partners(in area: String, offering capability: String? = nil) -> [Suggestion] {
        var ranked: [Suggestion] = []
        for slug in partnersByArea[area] ?? [] {
            guard let partner = directory.bySlug[slug] else { continue }
            var score = rarity(of: area)
            var reasons = ["Expertise in " + title(area)]
            if let capability, partner.offers.contains(capability) {
                score += Self.capabilityWeight
                reasons.append("Offers " + directory.config.capabilityLabel(capability))
            }
            ranked.append(Suggestion(partner: slug, type: partner.type.rawValue, score: (score * 100).rounded() / 100, reasons: reasons))
        }
        let order = Dictionary(uniqueKeysWithValues: (partnersByArea[area] ?? []).enumerated().map { ($1, $0) })
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : order[$0.partner]! < order[$1.partner]! }
        return ranked
    }

    func title(_ slug: String) -> String { directory.bySlug[slug]?.title ?? slug }
}
