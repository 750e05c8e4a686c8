import Foundation
import FrontDoorKit

/// splitmix64: small, fast, and the same sequence on every machine and Swift version.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform in [0, n).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// Uniform in [lo, hi].
    mutating func int(_ lo: Int, _ hi: Int) -> Int { lo + below(hi - lo + 1) }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Index in [0, weights.count) with probability proportional to its weight.
    mutating func weighted(_ cumulative: [Double]) -> Int {
        let u = unit() * cumulative.last!
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > u { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// `k` distinct items, in draw order.
    mutating func sample<T>(_ items: [T], _ k: Int) -> [T] {
        var pool = items
        let k = min(k, pool.count)
        for i in 0..<k { pool.swapAt(i, i + below(pool.count - i)) }
        return Array(pool[..<k])
    }
}

enum Corpus {
    static let capabilities: [(slug: String, label: String)] = [
        ("clinical-trials", "Clinical trials"), ("evaluation", "Evaluation"),
        ("patient-insight", "Patient insight"), ("test-bed", "Test bed"),
        ("data-access", "Data access"), ("funding", "Funding"),
        ("regulatory-advice", "Regulatory advice"), ("procurement", "Procurement"),
        ("mentoring", "Mentoring"), ("workspace", "Workspace"), ("training", "Training"),
        ("manufacturing", "Manufacturing"), ("events", "Events and networking"),
        ("health-economics", "Health economics"), ("clinical-validation", "Clinical validation"),
        ("usability-testing", "Usability testing"),
    ]

    static let regions = [
        "West Midlands", "East Midlands", "London", "North West", "Yorkshire and the Humber", "North East",
        "East of England", "South East", "South West", "Scotland", "Wales", "Northern Ireland", "National",
    ]
    /// Most organisations are in the home region, as in a regional directory.
    static let regionWeights: [Double] = [40, 6, 10, 6, 5, 3, 4, 5, 4, 3, 2, 1, 7]

    /// slug, title, related: the 40 areas of Benchmarks/generate_corpus.py.
    static let areas: [(slug: String, title: String, related: [String])] = [
        ("womens-health", "Women's health", ["maternity-care", "mental-health"]),
        ("maternity-care", "Maternity care", ["womens-health", "paediatrics"]),
        ("mental-health", "Mental health", ["dementia", "addiction"]),
        ("dementia", "Dementia", ["frailty", "neurology"]),
        ("neurology", "Neurology", ["dementia", "rehabilitation"]),
        ("cardiology", "Cardiology", ["remote-monitoring", "diagnostics"]),
        ("respiratory", "Respiratory", ["virtual-wards", "remote-monitoring"]),
        ("oncology", "Oncology", ["genomics", "diagnostics"]),
        ("diabetes", "Diabetes", ["obesity", "remote-monitoring"]),
        ("obesity", "Obesity and weight", ["diabetes", "prevention"]),
        ("musculoskeletal", "Musculoskeletal", ["rehabilitation", "sports-medicine"]),
        ("rehabilitation", "Rehabilitation", ["musculoskeletal", "neurology"]),
        ("sports-medicine", "Sports medicine", ["musculoskeletal"]),
        ("frailty", "Frailty and ageing", ["dementia", "social-care"]),
        ("social-care", "Social care", ["frailty", "virtual-wards"]),
        ("virtual-wards", "Virtual wards", ["remote-monitoring", "respiratory"]),
        ("remote-monitoring", "Remote monitoring", ["virtual-wards", "digital-health"]),
        ("digital-health", "Digital health", ["artificial-intelligence", "interoperability"]),
        ("artificial-intelligence", "Artificial intelligence", ["imaging", "data-science"]),
        ("data-science", "Health data science", ["artificial-intelligence", "population-health"]),
        ("interoperability", "Interoperability", ["digital-health"]),
        ("cybersecurity", "Cyber security", ["interoperability"]),
        ("imaging", "Medical imaging", ["artificial-intelligence", "diagnostics"]),
        ("diagnostics", "Diagnostics", ["imaging", "genomics"]),
        ("genomics", "Genomics", ["oncology", "rare-diseases"]),
        ("rare-diseases", "Rare diseases", ["genomics", "paediatrics"]),
        ("paediatrics", "Children's health", ["maternity-care", "rare-diseases"]),
        ("medical-devices", "Medical devices", ["surgery", "diagnostics"]),
        ("surgery", "Surgery and recovery", ["medical-devices", "rehabilitation"]),
        ("pharmaceuticals", "Medicines", ["translational-medicine"]),
        ("translational-medicine", "Translational medicine", ["pharmaceuticals", "genomics"]),
        ("infection", "Infection and immunity", ["diagnostics"]),
        ("population-health", "Population health", ["health-inequalities", "data-science"]),
        ("health-inequalities", "Health inequalities", ["population-health"]),
        ("prevention", "Prevention", ["population-health", "obesity"]),
        ("addiction", "Addiction", ["mental-health"]),
        ("primary-care", "Primary care", ["population-health", "digital-health"]),
        ("urgent-care", "Urgent and emergency care", ["virtual-wards", "surgery"]),
        ("hospital-operations", "Hospital operations", ["artificial-intelligence"]),
        ("sustainability", "Sustainable healthcare", ["hospital-operations"]),
    ]

    static let syllables = [
        "ve", "xo", "ra", "lu", "mi", "no", "ta", "ki", "sa", "pe", "do", "ri", "zen", "qua", "bel",
        "cor", "vi", "na", "tor", "lex", "mo", "ga", "fi", "ul", "an", "syn", "thy", "or", "ae", "is",
    ]
    static let companySuffixes = ["Health", "Medical", "Labs", "Bio", "Care", "Diagnostics", "Digital", "Therapeutics"]
    static let places = [
        "Birmingham", "Coventry", "Wolverhampton", "Solihull", "Walsall", "Worcester", "Nottingham", "Leicester",
        "Derby", "London", "Manchester", "Liverpool", "Leeds", "Sheffield", "Newcastle", "Cambridge", "Oxford",
        "Bristol", "Exeter", "Glasgow", "Edinburgh", "Cardiff", "Belfast", "Keele", "Stoke", "Hereford",
    ]

    struct Stats {
        var companies = 0, partners = 0, partnerships = 0, companyPartnerLinks = 0, partnerCompanyLinks = 0
        /// Partners per area, most common first.
        var partnersPerArea: [Int] = []
    }

    /// A whole directory in memory: `companies` companies, `partners` institutions, trusts and
    /// networks, one partnership per 50 companies, the 40 areas and the site config.
    /// Each organisation has 1-4 distinct areas drawn with a Zipf skew (s = 1: the most common
    /// area is drawn about 40 times as often as the rarest), with the popularity order shuffled
    /// by the seed, so it is not the list order.
    static func make(companies companyCount: Int, partners partnerCount: Int, seed: UInt64)
        -> (profiles: [Profile], config: SiteConfig, stats: Stats) {
        var rng = SplitMix64(seed: seed)
        let config = SiteConfig(
            title: "Benchmark directory", description: "Synthetic", baseURL: "https://example.org/",
            capabilities: capabilities, regions: regions)
        var profiles: [Profile] = []
        var stats = Stats()

        for area in areas {
            var profile = Profile(type: .area, slug: area.slug, sourcePath: "areas/\(area.slug).md", title: area.title, summary: "")
            profile.related = area.related
            profiles.append(profile)
        }
        let popularity = rng.sample(Array(areas.indices), areas.count)  // rank -> area index
        var zipf: [Double] = []
        for rank in 0..<areas.count { zipf.append((zipf.last ?? 0) + 1 / Double(rank + 1)) }
        var regionCumulative: [Double] = []
        for weight in regionWeights { regionCumulative.append((regionCumulative.last ?? 0) + weight) }

        func drawAreas() -> [String] {
            let count = rng.int(1, 4)
            var chosen: [String] = []
            while chosen.count < count {
                let slug = areas[popularity[rng.weighted(zipf)]].slug
                if !chosen.contains(slug) { chosen.append(slug) }
            }
            return chosen
        }
        func coined() -> String {
            var word = ""
            for _ in 0..<rng.int(2, 3) { word += rng.pick(syllables) }
            return word.prefix(1).uppercased() + word.dropFirst()
        }
        func slugify(_ title: String, _ n: Int) -> String {
            let base = title.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
            return String(base) + "-\(n)"
        }
        func location() -> Location {
            Location(city: rng.pick(places), region: regions[rng.weighted(regionCumulative)])
        }

        // Partners first, so companies can list them.
        var partnerSlugs: [String] = []
        var partnersInArea: [String: [String]] = [:]
        var partnerProfiles: [Profile] = []
        for n in 0..<partnerCount {
            let roll = rng.unit()
            let type: ProfileType = roll < 0.3 ? .institution : roll < 0.65 ? .trust : .network
            let title: String
            switch type {
            case .institution: title = "University of \(coined()) \(rng.pick(places))"
            case .trust: title = "\(rng.pick(places)) \(coined()) NHS Foundation Trust"
            default: title = "\(coined()) \(rng.pick(["Health Network", "Innovation Hub", "Health Partners", "Academic Health Science Network"]))"
            }
            let slug = slugify(title, n)
            var profile = Profile(type: type, slug: slug, sourcePath: "\(type.folder)/\(slug).md", title: title, summary: "")
            profile.areas = drawAreas()
            profile.offers = rng.sample(capabilities.map(\.slug), rng.int(1, 5))
            profile.seeks = rng.sample(capabilities.map(\.slug), rng.int(0, 2))
            profile.location = location()
            partnerSlugs.append(slug)
            for area in profile.areas { partnersInArea[area, default: []].append(slug) }
            partnerProfiles.append(profile)
        }

        var companySlugs: [String] = []
        for n in 0..<companyCount {
            let title = "\(coined()) \(rng.pick(companySuffixes))\(rng.chance(0.5) ? " Ltd" : "")"
            let slug = slugify(title, n)
            var profile = Profile(type: .company, slug: slug, sourcePath: "companies/\(slug).md", title: title, summary: "")
            profile.areas = drawAreas()
            profile.offers = rng.sample(capabilities.map(\.slug), rng.int(0, 3))
            profile.seeks = rng.sample(capabilities.map(\.slug), rng.int(0, 4))
            if rng.chance(0.9) { profile.location = location() }
            // 15% already work with 1-2 partners, mostly ones in their own areas.
            if rng.chance(0.15) {
                for _ in 0..<rng.int(1, 2) {
                    let pool = partnersInArea[rng.pick(profile.areas)] ?? partnerSlugs
                    let other = rng.pick(pool.isEmpty ? partnerSlugs : pool)
                    if !profile.partners.contains(other) { profile.partners.append(other) }
                }
                stats.companyPartnerLinks += profile.partners.count
            }
            companySlugs.append(slug)
            profiles.append(profile)
        }
        // 20% of partners list 1-3 companies (partners either way), and other partners.
        for i in partnerProfiles.indices {
            if rng.chance(0.2) {
                for _ in 0..<rng.int(1, 3) {
                    let other = rng.pick(companySlugs)
                    if !partnerProfiles[i].partners.contains(other) { partnerProfiles[i].partners.append(other) }
                }
                stats.partnerCompanyLinks += partnerProfiles[i].partners.count
            }
            if rng.chance(0.1) { partnerProfiles[i].partners.append(rng.pick(partnerSlugs)) }
        }
        profiles += partnerProfiles
        // One partnership per 50 companies: 1-2 partners and 1-2 companies.
        let partnershipCount = companyCount / 50
        for n in 0..<partnershipCount {
            let title = "\(coined()) partnership agreement"
            let slug = slugify(title, n)
            var profile = Profile(type: .partnership, slug: slug, sourcePath: "partnerships/\(slug).md", title: title, summary: "")
            profile.parties = rng.sample(partnerSlugs, rng.int(1, 2)) + rng.sample(companySlugs, rng.int(1, 2))
            profile.signed = String(format: "20%02d-%02d-%02d", rng.int(18, 26), rng.int(1, 12), rng.int(1, 28))
            profile.areas = drawAreas()
            profiles.append(profile)
        }

        stats.companies = companyCount
        stats.partners = partnerCount
        stats.partnerships = partnershipCount
        stats.partnersPerArea = areas.map { partnersInArea[$0.slug]?.count ?? 0 }.sorted(by: >)
        return (profiles, config, stats)
    }
}
