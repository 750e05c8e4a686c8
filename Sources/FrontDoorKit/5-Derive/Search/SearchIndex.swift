import Foundation

/// The search index of `docs/search-index.md` (format version 2), built from the directory.
public struct SearchIndex: Sendable, Equatable {
    public static let formatVersion = 2
    /// Above this many documents the index is split into shards.
    public static let singleFileLimit = 2000
    public static let k1 = 1.2
    public static let b = 0.75

    /// Field weights: a word in a title counts more than the same word in the body.
    public static let fieldWeights: [(field: String, weight: Double)] = [
        ("title", 10), ("aliases", 10), ("areas", 5), ("tags", 3), ("summary", 3),
        ("offers", 3), ("location", 3), ("seeks", 1), ("body", 1),
    ]

    /// Topic and agreement pages rank a little below organisations of close relevance:
    /// people arrive looking for someone to work with.
    public static let defaultTypeWeights: [String: Double] = ["area": 0.85, "partnership": 0.85]

    public struct Document: Sendable, Equatable {
        public var slug: String
        public var type: String
        public var title: String
        public var url: String
        public var summary: String
        public var areas: [String]
        public var region: String?
        public var offers: [String]
        /// Number of analysed terms in the title, at most 35 (one base-36 digit in the split form).
        public var titleTerms: Int
    }

    /// Postings of one term: its idf and flat (document, tfw, title position) triples.
    public struct Postings: Sendable, Equatable {
        public var idf: Double
        public var entries: [(doc: Int, tfw: Double, position: Int)]

        public static func == (lhs: Postings, rhs: Postings) -> Bool {
            lhs.idf == rhs.idf && lhs.entries.elementsEqual(rhs.entries) { $0 == $1 }
        }
    }

    public var stopWords: [String]
    public var variants: [[String]]
    public var typeWeights: [String: Double] = SearchIndex.defaultTypeWeights
    public var types: [(value: String, label: String)]
    public var areas: [(value: String, label: String)]
    public var capabilities: [(value: String, label: String)]
    public var regions: [String]
    public var documents: [Document]
    public var terms: [String: Postings]

    public static func == (lhs: SearchIndex, rhs: SearchIndex) -> Bool {
        lhs.stopWords == rhs.stopWords && lhs.variants == rhs.variants && lhs.typeWeights == rhs.typeWeights && lhs.documents == rhs.documents && lhs.terms == rhs.terms
            && lhs.types.map(\.value) == rhs.types.map(\.value) && lhs.areas.map(\.value) == rhs.areas.map(\.value)
            && lhs.capabilities.map(\.value) == rhs.capabilities.map(\.value) && lhs.regions == rhs.regions
    }

    public var analyzer: TextAnalyzer { TextAnalyzer(stopWords: stopWords, variants: variants) }

    public static func build(from directory: Directory, analyzer: TextAnalyzer = TextAnalyzer()) -> SearchIndex {
        let config = directory.config
        // Analysing the text is most of the work: split among the cores, each chunk of
        // profiles with its own cache of stemmed words.
        let profiles = ProfileType.allCases.flatMap { directory.profiles(of: $0) }
        var analysed = profiles.parallelChunks { chunk -> [(Document, [String: [String]])] in
            var cache: [String: String] = [:]
            func terms(_ text: String) -> [String] { analyzer.terms(text, cache: &cache) }
            return chunk.map { profile in
                let type = profile.type
                let areaProfiles = profile.areas.compactMap { directory.bySlug[$0] }
                let titleTerms = terms(profile.title)
                let document = Document(
                    slug: profile.slug, type: type.rawValue, title: profile.title, url: config.basePath + profile.path,
                    summary: profile.summary, areas: areaProfiles.map(\.slug), region: profile.location?.region,
                    offers: profile.offers, titleTerms: min(titleTerms.count, 35))
                // An area's synonyms are other names for it, so they count as its aliases; the
                // organisations in the area carry its title and synonyms at area weight.
                let names = type == .area ? profile.synonyms : profile.aliases
                let areaText = type == .area ? [] : areaProfiles.flatMap { [$0.title] + $0.synonyms }
                return (document, [
                    "title": titleTerms,
                    "aliases": terms(names.joined(separator: " ")),
                    "areas": terms(areaText.joined(separator: " ")),
                    "tags": terms(profile.tags.joined(separator: " ")),
                    "summary": terms(([profile.summary] + profile.priorities).joined(separator: " ")),
                    "offers": terms(profile.offers.map(config.capabilityLabel).joined(separator: " ")),
                    "seeks": terms(profile.seeks.map(config.capabilityLabel).joined(separator: " ")),
                    "location": terms([profile.location?.city, profile.location?.region, profile.location?.postcode]
                        .compactMap { $0 }.joined(separator: " ")),
                    "body": terms(profile.body),
                ])
            }
        }
        let documents = analysed.map(\.0)
        // Each document's terms are let go as soon as its postings are made: at 100,000
        // profiles the terms and the postings together were the build's peak of memory.
        var fieldTerms = analysed.map(\.1)
        analysed = []

        var averageLength: [String: Double] = [:]
        for (field, _) in fieldWeights {
            let total = fieldTerms.reduce(0) { $0 + ($1[field]?.count ?? 0) }
            averageLength[field] = documents.isEmpty ? 0 : Double(total) / Double(documents.count)
        }
        var raw: [String: [(doc: Int, tfw: Double, position: Int)]] = [:]
        for doc in fieldTerms.indices {
            let fields = fieldTerms[doc]
            fieldTerms[doc] = [:]
            var weighted: [String: Double] = [:]
            for (field, weight) in fieldWeights {
                let terms = fields[field] ?? []
                guard !terms.isEmpty, let average = averageLength[field], average > 0 else { continue }
                let norm = 1 - b + b * Double(terms.count) / average
                for term in terms { weighted[term, default: 0] += weight / norm }
            }
            let titleTerms = fields["title"] ?? []
            let aliasTerms = Set(fields["aliases"] ?? [])
            for (term, tfw) in weighted {
                // A title position, or -2 for a term only in an alias (another name), or -1.
                let position = titleTerms.firstIndex(of: term) ?? (aliasTerms.contains(term) ? -2 : -1)
                raw[term, default: []].append((doc, round(tfw, 3), position))
            }
        }
        let count = Double(documents.count)
        // Entries are in document order already (documents are visited in order, each adds a
        // term once), so the postings take the arrays as they are, not sorted copies.
        let terms = raw.mapValues { entries -> Postings in
            let df = Double(entries.count)
            let idf = Foundation.log(1 + (count - df + 0.5) / (df + 0.5))
            return Postings(idf: round(idf, 4), entries: entries)
        }
        raw = [:]
        return SearchIndex(
            stopWords: analyzer.stopWords.sorted(), variants: analyzer.variants,
            types: ProfileType.allCases.map { ($0.rawValue, $0.singularLabel) },
            areas: directory.profiles(of: .area).map { ($0.slug, $0.title) },
            capabilities: config.capabilities.map { ($0.slug, $0.label) },
            regions: config.regions ?? Array(Set(documents.compactMap(\.region))).sorted(),
            documents: documents, terms: terms)
    }

    static func round(_ value: Double, _ places: Int) -> Double {
        let scale = places == 3 ? 1000.0 : 10000.0
        return (value * scale).rounded() / scale
    }
}
