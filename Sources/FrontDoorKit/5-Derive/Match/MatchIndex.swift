/// The matching facts as small integers: partners, areas, capabilities and regions numbered,
/// so the scoring loop adds numbers in arrays instead of hashing strings.
struct MatchIndex: Sendable {
    /// Partner slugs in directory order; a partner's number is its position.
    let partners: [String]
    let partnerNumber: [String: Int]
    /// Each partner's position when sorted by slug: ties go to the smaller.
    let slugRank: [Int]
    let partnerAreas: [[Int]]
    let partnerOffers: [Set<Int>]
    /// The same as bits, when there are at most 64 capabilities (nil otherwise).
    let partnerOfferBits: [UInt64]?
    let partnerRegion: [Int]
    let areaNumber: [String: Int]
    let rarity: [Double]
    let partnersInArea: [[Int]]
    /// Areas related to each area, both ways.
    let related: [[Int]]
    let capabilityNumber: [String: Int]
    let regionNumber: [String: Int]

    init(directory: Directory, partnersByArea: [String: [String]], rarities: [String: Double]) {
        let areaSlugs = directory.profiles(of: .area).map(\.slug)
        areaNumber = Dictionary(uniqueKeysWithValues: areaSlugs.enumerated().map { ($1, $0) })
        rarity = areaSlugs.map { rarities[$0] ?? 1 }
        capabilityNumber = Dictionary(directory.config.capabilities.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { a, _ in a })
        var regions: [String: Int] = [:]
        let partnerProfiles = MatchEngine.partnerTypes.flatMap { directory.profiles(of: $0) }
        let slugs = partnerProfiles.map(\.slug)
        partners = slugs
        partnerNumber = Dictionary(uniqueKeysWithValues: slugs.enumerated().map { ($1, $0) })
        var ranks = [Int](repeating: 0, count: slugs.count)
        for (rank, number) in slugs.indices.sorted(by: { slugs[$0] < slugs[$1] }).enumerated() { ranks[number] = rank }
        slugRank = ranks
        var areaNumbers: [String: Int] = [:]
        for (number, slug) in areaSlugs.enumerated() { areaNumbers[slug] = number }
        partnerAreas = partnerProfiles.map { profile in
            var seen: Set<Int> = []
            return profile.areas.compactMap { areaNumbers[$0] }.filter { seen.insert($0).inserted }
        }
        let capabilities = capabilityNumber
        let offers = partnerProfiles.map { Set($0.offers.compactMap { capabilities[$0] }) }
        partnerOffers = offers
        partnerOfferBits = capabilities.count <= 64 ? offers.map { $0.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) } } : nil
        partnerRegion = partnerProfiles.map { profile in
            guard let region = profile.location?.region else { return -1 }
            if let number = regions[region] { return number }
            regions[region] = regions.count
            return regions.count - 1
        }
        regionNumber = regions
        let numbers = Dictionary(uniqueKeysWithValues: slugs.enumerated().map { ($1, $0) })
        partnersInArea = areaSlugs.map { (partnersByArea[$0] ?? []).compactMap { numbers[$0] } }
        related = areaSlugs.map { (directory.relatedAreas[$0] ?? []).compactMap { areaNumbers[$0] } }
    }

    /// Per-company running scores, reused across companies so nothing is allocated per pair.
    struct Scratch {
        var score: [Double]
        var touched: [Int] = []
        /// Per area: 1 when it is related to one of the current company's areas (and not its own).
        var relatedArea: [UInt8]
        /// Each reason's text as first made: the same few hundred reasons recur across every
        /// company's suggestions, and at 100,000 profiles their copies were 60 MiB.
        var reasonTexts: [String: String] = [:]

        mutating func shared(_ reason: String) -> String {
            if let text = reasonTexts[reason] { return text }
            reasonTexts[reason] = reason
            return reason
        }

        init(partners: Int, areas: Int) {
            score = [Double](repeating: 0, count: partners)
            relatedArea = [UInt8](repeating: 0, count: areas)
        }

        mutating func reset() {
            for partner in touched { score[partner] = 0 }
            touched.removeAll(keepingCapacity: true)
        }

        mutating func add(_ partner: Int, _ value: Double) {
            if score[partner] == 0 { touched.append(partner) }
            score[partner] += value
        }
    }
}
