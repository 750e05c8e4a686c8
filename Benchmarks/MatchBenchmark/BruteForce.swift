import Foundation
import FrontDoorKit

/// The peer: the obvious matcher. For every company it walks every partner (institutions,
/// trusts, networks), scores the pair with MatchEngine's documented formula, sorts, and keeps
/// the top `limit`; then it inverts the lists for the per-partner view. No index: the work is
/// companies × partners. It reads only public API of `Directory` and `Profile`.
///
/// To give identical Doubles, it adds the terms in the order the formula lists them (shared
/// areas in the company's order, related areas in the partner's order, capabilities in the
/// company's `seeks` order, region), then rounds to 2 decimals as the engine does. Reasons are
/// written only for the pairs that make the top `limit`.
struct BruteForceMatcher {
    typealias Suggestion = MatchEngine.Suggestion

    /// What the score reads of a partner: copying a whole `Profile` (about 30 reference-counted
    /// fields) for each of companies × partners pairs would cost more than the scoring.
    struct Partner {
        var slug: String
        var type: ProfileType
        var areas: [String]
        var offers: [String]
        var region: String?
    }

    let directory: Directory
    let partners: [Partner]
    let rarities: [String: Double]

    init(directory: Directory) {
        self.directory = directory
        partners = MatchEngine.partnerTypes.flatMap { directory.profiles(of: $0) }
            .map { Partner(slug: $0.slug, type: $0.type, areas: $0.areas, offers: $0.offers, region: $0.location?.region) }
        var counts: [String: Int] = [:]
        for partner in partners {
            for area in partner.areas where directory.bySlug[area] != nil { counts[area, default: 0] += 1 }
        }
        let total = Double(max(partners.count, 1))
        rarities = counts.mapValues { 1 + Foundation.log(total / Double(max($0, 1))) }
    }

    func rarity(_ area: String) -> Double { rarities[area] ?? 1 }

    /// The organisations a company already works with, as a set: listed partners either way
    /// and fellow parties to its partnerships.
    func existing(_ company: Profile) -> Set<String> {
        var slugs = Set(directory.partners[company.slug] ?? [])
        for partnership in directory.partnershipsOf[company.slug] ?? [] {
            for party in directory.bySlug[partnership]?.parties ?? [] where party != company.slug { slugs.insert(party) }
        }
        return slugs
    }

    /// For each area, the first of the company's areas it is related to (what the reason names).
    func relatedVia(_ company: Profile) -> [String: String] {
        var via: [String: String] = [:]
        for area in company.areas {
            for other in directory.relatedAreas[area] ?? [] where via[other] == nil { via[other] = area }
        }
        return via
    }

    struct Output {
        var all: [(company: String, suggestions: [Suggestion])]
        var byPartner: [String: [(company: String, score: Double, reasons: [String])]]
        /// Pairs compared (companies × partners) and pairs that share an area and were scored.
        var compared = 0
        var scored = 0
        var maxScored = 0
    }

    func run(limit: Int = 10, perPartner: Int = 5) -> Output {
        var output = Output(all: [], byPartner: [:])
        for company in directory.profiles(of: .company) {
            let existing = existing(company)
            let companyAreas = Set(company.areas)
            let via = relatedVia(company)
            let region = company.location?.region
            var scored: [(score: Double, index: Int)] = []
            defer { output.maxScored = max(output.maxScored, scored.count) }
            for index in partners.indices {
                let partner = partners[index]
                output.compared += 1
                var score = 0.0
                var indexed = false  // shares an area that partners are indexed under
                for area in company.areas where partner.areas.contains(area) {
                    score += rarity(area)
                    if rarities[area] != nil { indexed = true }
                }
                guard indexed, !existing.contains(partner.slug) else { continue }
                output.scored += 1
                for area in partner.areas where !companyAreas.contains(area) && via[area] != nil {
                    score += MatchEngine.relatedAreaShare * rarity(area)
                }
                for capability in company.seeks where partner.offers.contains(capability) {
                    score += MatchEngine.capabilityWeight
                }
                if let region, region == partner.region { score += MatchEngine.regionWeight }
                scored.append(((score * 100).rounded() / 100, index))
            }
            scored.sort { $0.score != $1.score ? $0.score > $1.score : partners[$0.index].slug < partners[$1.index].slug }
            let top = scored.prefix(limit).map { pick in
                Suggestion(
                    partner: partners[pick.index].slug, type: partners[pick.index].type.rawValue, score: pick.score,
                    reasons: reasons(company, partners[pick.index], companyAreas: companyAreas, via: via))
            }
            output.all.append((company.slug, top))
        }
        output.byPartner = Self.invert(output.all, limit: perPartner)
        return output
    }

    /// For each partner, the companies whose top lists include it, best first, ties by company slug.
    static func invert(_ all: [(company: String, suggestions: [Suggestion])], limit: Int)
        -> [String: [(company: String, score: Double, reasons: [String])]] {
        var byPartner: [String: [(company: String, score: Double, reasons: [String])]] = [:]
        for (company, suggestions) in all {
            for suggestion in suggestions {
                byPartner[suggestion.partner, default: []].append((company, suggestion.score, suggestion.reasons))
            }
        }
        return byPartner.mapValues { list in
            Array(list.sorted { $0.score != $1.score ? $0.score > $1.score : $0.company < $1.company }.prefix(limit))
        }
    }

    func reasons(_ company: Profile, _ partner: Partner, companyAreas: Set<String>, via: [String: String]) -> [String] {
        func title(_ slug: String) -> String { directory.bySlug[slug]?.title ?? slug }
        var reasons: [String] = []
        for area in company.areas where partner.areas.contains(area) { reasons.append("Shares area: " + title(area)) }
        for area in partner.areas where !companyAreas.contains(area) {
            if let yours = via[area] { reasons.append("Related area: \(title(area)) (related to \(title(yours)))") }
        }
        for capability in company.seeks where partner.offers.contains(capability) {
            reasons.append("Offers what you seek: " + directory.config.capabilityLabel(capability))
        }
        if let region = company.location?.region, region == partner.region { reasons.append("Same region: " + region) }
        return reasons
    }
}

/// A second peer, to show what the formula costs when the data is compact: still every company ×
/// every partner, but areas (40) and capabilities (16) are bit positions, a company's related
/// areas are one mask, the top 10 is kept while scanning, and reasons are written for those 10
/// only. Terms are added in the same order as in `BruteForceMatcher`, so the Doubles are identical.
struct BitmaskMatcher {
    typealias Suggestion = MatchEngine.Suggestion

    struct Partner {
        var areaMask: UInt64
        var areas: [Int]  // area ids, in the partner's order
        var offers: UInt64
        var region: Int
    }

    let directory: Directory
    let plain: BruteForceMatcher
    let partners: [Partner]
    /// Partner index → rank of its slug, for the tie-break.
    let slugRank: [Int]
    let areaIndex: [String: Int]
    let rarity: [Double]

    init(directory: Directory) {
        self.directory = directory
        let plain = BruteForceMatcher(directory: directory)
        self.plain = plain
        var areaIndex: [String: Int] = [:]
        var rarity: [Double] = []
        func id(_ area: String) -> Int {
            if let i = areaIndex[area] { return i }
            areaIndex[area] = rarity.count
            rarity.append(plain.rarity(area))
            return rarity.count - 1
        }
        var regionIndex: [String: Int] = [:]
        let capabilityIndex = Dictionary(directory.config.capabilities.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { a, _ in a })
        var partners: [Partner] = []
        for p in plain.partners {
            let ids = p.areas.map(id)
            let region = p.region.map { r in regionIndex[r] ?? { regionIndex[r] = regionIndex.count + 1; return regionIndex.count }() } ?? -1
            partners.append(Partner(
                areaMask: ids.reduce(0) { $0 | (1 << UInt64($1)) }, areas: ids,
                offers: p.offers.reduce(0) { $0 | (capabilityIndex[$1].map { 1 << UInt64($0) } ?? 0) }, region: region))
        }
        precondition(rarity.count <= 64 && directory.config.capabilities.count <= 64, "masks hold 64 areas and 64 capabilities")
        var rank = [Int](repeating: 0, count: partners.count)
        for (r, i) in plain.partners.indices.sorted(by: { plain.partners[$0].slug < plain.partners[$1].slug }).enumerated() { rank[i] = r }
        self.partners = partners
        self.slugRank = rank
        self.areaIndex = areaIndex
        self.rarity = rarity
        self.regionIndex = regionIndex
        self.capabilityIndex = capabilityIndex
    }

    let regionIndex: [String: Int]
    let capabilityIndex: [String: Int]

    func run(limit: Int = 10, perPartner: Int = 5) -> BruteForceMatcher.Output {
        var all: [(company: String, suggestions: [Suggestion])] = []
        let partnerSlot = Dictionary(uniqueKeysWithValues: plain.partners.enumerated().map { ($1.slug, $0) })
        for company in directory.profiles(of: .company) {
            // Areas not in the partner index (no partner has them) score 1 and make no candidate.
            let areas = company.areas.map { areaIndex[$0] ?? -1 }
            var mask: UInt64 = 0
            for a in areas where a >= 0 { mask |= 1 << UInt64(a) }
            var related: UInt64 = 0
            for area in company.areas {
                for other in directory.relatedAreas[area] ?? [] { if let i = areaIndex[other] { related |= 1 << UInt64(i) } }
            }
            related &= ~mask
            var excluded = Set<Int>()
            for slug in plain.existing(company) { if let i = partnerSlot[slug] { excluded.insert(i) } }
            let seeks = company.seeks.compactMap { capabilityIndex[$0] }
            var seekMask: UInt64 = 0
            for c in seeks { seekMask |= 1 << UInt64(c) }
            let region = company.location?.region.flatMap { regionIndex[$0] } ?? -2
            var top: [(score: Double, index: Int)] = []
            top.reserveCapacity(limit + 1)
            for index in partners.indices {
                let partner = partners[index]
                guard partner.areaMask & mask != 0, !excluded.contains(index) else { continue }
                var score = 0.0
                for a in areas where a >= 0 && partner.areaMask & (1 << UInt64(a)) != 0 { score += rarity[a] }
                if partner.areaMask & related != 0 {
                    for a in partner.areas where related & (1 << UInt64(a)) != 0 { score += MatchEngine.relatedAreaShare * rarity[a] }
                }
                for _ in 0..<(partner.offers & seekMask).nonzeroBitCount { score += MatchEngine.capabilityWeight }
                if region == partner.region { score += MatchEngine.regionWeight }
                score = (score * 100).rounded() / 100
                if top.count == limit {
                    let last = top[limit - 1]
                    if score < last.score || (score == last.score && slugRank[index] > slugRank[last.index]) { continue }
                }
                var at = top.count
                while at > 0 && (top[at - 1].score < score || (top[at - 1].score == score && slugRank[top[at - 1].index] > slugRank[index])) { at -= 1 }
                top.insert((score, index), at: at)
                if top.count > limit { top.removeLast() }
            }
            let companyAreas = Set(company.areas)
            let via = plain.relatedVia(company)
            all.append((company.slug, top.map { pick in
                let p = plain.partners[pick.index]
                return Suggestion(partner: p.slug, type: p.type.rawValue, score: pick.score,
                                  reasons: plain.reasons(company, p, companyAreas: companyAreas, via: via))
            }))
        }
        return BruteForceMatcher.Output(all: all, byPartner: BruteForceMatcher.invert(all, limit: perPartner))
    }
}
