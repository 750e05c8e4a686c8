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
///
/// A class, though it never changes once made: every page that shows matches reads it, and
/// as a struct each read copied the directory and the index it holds, a retain per table.
public final class MatchEngine: Sendable {
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
    /// Partners by area (the candidate index) and the areas' rarities, as small integers.
    let index: MatchIndex

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
        let total = Double(max(partnerCount, 1))
        let rarities = byArea.mapValues { 1 + Foundation.log(total / Double(max($0.count, 1))) }
        index = MatchIndex(directory: directory, partnersByArea: byArea, rarities: rarities)
    }

    /// How much sharing an area says: areas with few partners count more.
    public func rarity(of area: String) -> Double {
        index.areaNumber[area].map { index.rarity[$0] } ?? 1
    }

    /// Organisations the company already works with: partners either way, and the other
    /// parties of its partnerships.
    public func existingPartners(of company: String) -> [String] {
        // The directory's folded titles, not folded again here: folding is slow, and this
        // runs for every company page and every entry of match.json.
        existingPartnerSet(of: company).compactMap { slug in directory.sortKey(of: slug).map { ($0, slug) } }
            .sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// `existingPartners(of:)` in no order.
    func existingPartnerSet(of company: String) -> Set<String> {
        var slugs = Set(directory.partners[company] ?? [])
        for partnership in directory.partnershipsOf[company] ?? [] {
            for party in directory.bySlug[partnership]?.parties ?? [] where party != company { slugs.insert(party) }
        }
        return slugs.filter { directory.bySlug[$0]?.type.isOrganisation == true }
    }

    /// Ranked suggestions for one company, or nil when the slug is not a company.
    public func suggestions(for companySlug: String, limit: Int = 10) -> [Suggestion]? {
        guard let company = directory.bySlug[companySlug], company.type == .company else { return nil }
        var scratch = MatchIndex.Scratch(partners: index.partners.count, areas: index.rarity.count)
        return suggestions(for: company, limit: limit, scratch: &scratch)
    }

    /// Scores every partner sharing an area with the company through the area index, keeps
    /// the best `limit`, and writes reasons for those only.
    func suggestions(for company: Profile, limit: Int, scratch: inout MatchIndex.Scratch) -> [Suggestion] {
        let existing = Set(existingPartnerSet(of: company.slug).compactMap { index.partnerNumber[$0] })
        let companyAreas = company.areas.compactMap { index.areaNumber[$0] }
        let companyAreaSet = Set(companyAreas)
        scratch.reset()
        var marked: [Int] = []
        for area in companyAreas {
            for related in index.related[area] where !companyAreaSet.contains(related) && scratch.relatedArea[related] == 0 {
                scratch.relatedArea[related] = 1
                marked.append(related)
            }
        }
        defer { for area in marked { scratch.relatedArea[area] = 0 } }
        let seeks = company.seeks.compactMap { index.capabilityNumber[$0] }
        let seekBits = seeks.reduce(UInt64(0)) { $1 < 64 ? $0 | (1 << UInt64($1)) : $0 }
        let region = company.location?.region.flatMap { index.regionNumber[$0] } ?? -1

        for area in companyAreas {
            for partner in index.partnersInArea[area] {
                scratch.add(partner, index.rarity[area])
            }
        }
        var best: [(score: Double, partner: Int)] = []
        best.reserveCapacity(limit + 1)
        for partner in scratch.touched where !existing.contains(partner) {
            var score = scratch.score[partner]
            for area in index.partnerAreas[partner] where scratch.relatedArea[area] != 0 {
                score += Self.relatedAreaShare * index.rarity[area]
            }
            if let bits = index.partnerOfferBits {
                score += Self.capabilityWeight * Double((bits[partner] & seekBits).nonzeroBitCount)
            } else {
                for capability in seeks where index.partnerOffers[partner].contains(capability) {
                    score += Self.capabilityWeight
                }
            }
            if region >= 0, index.partnerRegion[partner] == region { score += Self.regionWeight }
            let rounded = (score * 100).rounded() / 100
            // Keep the best `limit`, ties to the smaller slug: an insertion into a short sorted list.
            let slugRank = index.slugRank[partner]
            if best.count == limit, let last = best.last,
               rounded < last.score || (rounded == last.score && slugRank > index.slugRank[last.partner]) { continue }
            var at = best.count
            while at > 0, best[at - 1].score < rounded || (best[at - 1].score == rounded && index.slugRank[best[at - 1].partner] > slugRank) {
                at -= 1
            }
            best.insert((rounded, partner), at: at)
            if best.count > limit { best.removeLast() }
        }
        return best.map { entry in
            let partner = directory.bySlug[index.partners[entry.partner]]!
            return Suggestion(partner: partner.slug, type: partner.type.rawValue, score: entry.score,
                              reasons: reasons(company, partner, companyAreas: company.areas).map { scratch.shared($0) })
        }
    }

    /// Why a partner is suggested, in the order of the score's terms.
    func reasons(_ company: Profile, _ partner: Profile, companyAreas: [String]) -> [String] {
        var reasons: [String] = []
        for area in companyAreas where partner.areas.contains(area) {
            reasons.append("Shares area: " + title(area))
        }
        for area in partner.areas where !companyAreas.contains(area) {
            if let yours = companyAreas.first(where: { (directory.relatedAreas[$0] ?? []).contains(area) }) {
                reasons.append("Related area: \(title(area)) (related to \(title(yours)))")
            }
        }
        for capability in company.seeks where partner.offers.contains(capability) {
            reasons.append("Offers what you seek: " + directory.config.capabilityLabel(capability))
        }
        if let region = company.location?.region, region == partner.location?.region {
            reasons.append("Same region: " + region)
        }
        return reasons
    }

    /// Suggestions for every company, in directory order.
    /// Companies are matched in parallel, in slices with their own scratch space; each result
    /// lands in its company's slot, so the output does not depend on scheduling.
    public func allSuggestions(limit: Int = 10) -> [(company: String, suggestions: [Suggestion])] {
        let companies = directory.profiles(of: .company)
        let slots = ResultSlots<[Suggestion]>(count: companies.count)
        let slices = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 4, companies.count / 64))
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            var scratch = MatchIndex.Scratch(partners: index.partners.count, areas: index.rarity.count)
            for number in stride(from: slice, to: companies.count, by: slices) {
                slots.set(number, suggestions(for: companies[number], limit: limit, scratch: &scratch))
            }
        }
        return zip(companies, slots.values).map { ($0.slug, $1 ?? []) }
    }

    /// For each partner, the companies whose suggestions include it, best match first.
    /// `only`: the partners to list (all when nil).
    public static func companiesByPartner(_ all: [(company: String, suggestions: [Suggestion])], limit: Int = 5, only: Set<String>? = nil)
        -> [String: [(company: String, score: Double, reasons: [String])]] {
        var byPartner: [String: [(company: String, score: Double, reasons: [String])]] = [:]
        for (company, suggestions) in all {
            for suggestion in suggestions where only?.contains(suggestion.partner) ?? true {
                byPartner[suggestion.partner, default: []].append((company, suggestion.score, suggestion.reasons))
            }
        }
        return byPartner.mapValues { list in
            Array(list.sorted { $0.score != $1.score ? $0.score > $1.score : $0.company < $1.company }.prefix(limit))
        }
    }

    /// Partners with expertise in an area, those offering `capability` first: the ranking of
    /// the prebuilt match pages, where no particular company is asking.
    public func partners(in area: String, offering capability: String? = nil) -> [Suggestion] {
        let inArea = index.areaNumber[area].map { index.partnersInArea[$0].map { index.partners[$0] } } ?? []
        var ranked: [Suggestion] = []
        for slug in inArea {
            guard let partner = directory.bySlug[slug] else { continue }
            var score = rarity(of: area)
            var reasons = ["Expertise in " + title(area)]
            if let capability, partner.offers.contains(capability) {
                score += Self.capabilityWeight
                reasons.append("Offers " + directory.config.capabilityLabel(capability))
            }
            ranked.append(Suggestion(partner: slug, type: partner.type.rawValue, score: (score * 100).rounded() / 100, reasons: reasons))
        }
        let order = Dictionary(uniqueKeysWithValues: inArea.enumerated().map { ($1, $0) })
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : order[$0.partner]! < order[$1.partner]! }
        return ranked
    }

    func title(_ slug: String) -> String { directory.bySlug[slug]?.title ?? slug }
}
