import Foundation

/// Suggests partners (institutions, trusts, networks) for a company.
///
/// Score = for each shared area, its rarity (rarer areas say more) + 1.5 for each
/// capability the company seeks that the partner offers + 0.5 for the same region.
/// A partner with no shared area is never suggested; existing partners are not suggested.
public struct MatchEngine: Sendable {
    public struct Suggestion: Sendable, Equatable, Codable {
        public var partner: String
        public var type: String
        public var score: Double
        public var reasons: [String]
    }

    public static let capabilityWeight = 1.5
    public static let regionWeight = 0.5

    let directory: Directory
    /// Candidate partners by area, so a company is only compared with organisations it shares an area with.
    let partnersByArea: [String: [String]]
    let partnerCount: Int

    public init(directory: Directory) {
        self.directory = directory
        var byArea: [String: [String]] = [:]
        for type in ProfileType.organisations where type != .company {
            for profile in directory.profiles(of: type) {
                for area in profile.areas { byArea[area, default: []].append(profile.slug) }
            }
        }
        partnersByArea = byArea
        partnerCount = byArea.values.reduce(into: Set<String>()) { $0.formUnion($1) }.count
    }

    /// How much sharing an area says: areas with few partners count more.
    func rarity(of area: String) -> Double {
        let total = Double(max(partnerCount, 1))
        let inArea = Double(partnersByArea[area]?.count ?? 0)
        return 1 + log(total / max(inArea, 1))
    }

    public func suggestions(for companySlug: String, limit: Int = 10) -> [Suggestion]? {
        guard let company = directory.bySlug[companySlug], company.type == .company else { return nil }
        let existing = Set(directory.partners[company.slug] ?? [])
        var candidates: Set<String> = []
        for area in company.areas { candidates.formUnion(partnersByArea[area] ?? []) }
        var suggestions: [Suggestion] = []
        for slug in candidates where !existing.contains(slug) && slug != company.slug {
            guard let partner = directory.bySlug[slug] else { continue }
            var score = 0.0
            var reasons: [String] = []
            for area in company.areas where partner.areas.contains(area) {
                score += rarity(of: area)
                reasons.append("Shares area: " + (directory.bySlug[area]?.title ?? area))
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
        suggestions.sort { ($1.score, $0.partner) < ($0.score, $1.partner) }
        return Array(suggestions.prefix(limit))
    }
}
