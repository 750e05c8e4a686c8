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

    /// Postings of one term: its idf and, per document holding it, an `Entry`.
    public struct Postings: Sendable, Equatable {
        public var idf: Double
        public var entries: [Entry]
    }

    /// A document holding a term, the term's weighted frequency there and its place in the
    /// title. Twelve bytes rather than three words: at 100,000 profiles there are tens of
    /// millions of entries, and at 24 bytes each they were the largest thing a build held.
    public struct Entry: Sendable, Equatable {
        public var doc: Int { Int(document) }
        /// The weighted term frequency, kept to three decimal places as the index writes it.
        public var tfw: Double { Double(thousandths) / 1000 }
        /// The term's first place among the title's terms; -2 when it is only in an alias
        /// (another name), -1 when in neither.
        public var position: Int { Int(place) }

        private var document: Int32
        private var thousandths: Int32
        private var place: Int32

        public init(doc: Int, tfw: Double, position: Int) {
            document = Int32(doc)
            thousandths = Int32((tfw * 1000).rounded())
            place = Int32(clamping: position)
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

    /// One chunk of analysed profiles: each field's terms as numbers into the chunk's own
    /// list of terms. Numbers rather than strings: at 100,000 profiles every document's terms
    /// are held until the average field lengths are known, and strings were a gigabyte.
    struct AnalysedChunk: Sendable {
        var documents: [Document] = []
        var terms: [String] = []
        /// Per document, per field of `fieldWeights` in order, the term numbers in text order.
        var fields: [[[Int32]]] = []
    }

    public static func build(from directory: Directory, analyzer: TextAnalyzer = TextAnalyzer()) -> SearchIndex {
        let config = directory.config
        // Analysing the text is most of the work: split among the cores, each chunk of
        // profiles with its own cache of stemmed words and its own numbering of terms.
        let profiles = ProfileType.allCases.flatMap { directory.profiles(of: $0) }
        var chunks = profiles.parallelChunks { chunk -> [AnalysedChunk] in
            var cache: [String: String] = [:]
            var numbers: [String: Int32] = [:]
            var analysed = AnalysedChunk()
            func terms(_ text: String) -> [Int32] {
                analyzer.terms(text, cache: &cache).map { term in
                    if let number = numbers[term] { return number }
                    let number = Int32(analysed.terms.count)
                    numbers[term] = number
                    analysed.terms.append(term)
                    return number
                }
            }
            for profile in chunk {
                let type = profile.type
                let areaProfiles = profile.areas.compactMap { directory.bySlug[$0] }
                let titleTerms = terms(profile.title)
                analysed.documents.append(Document(
                    slug: profile.slug, type: type.rawValue, title: profile.title, url: config.basePath + profile.path,
                    summary: profile.summary, areas: areaProfiles.map(\.slug), region: profile.location?.region,
                    offers: profile.offers, titleTerms: min(titleTerms.count, 35)))
                // An area's synonyms are other names for it, so they count as its aliases; the
                // organisations in the area carry its title and synonyms at area weight.
                let names = type == .area ? profile.synonyms : profile.aliases
                let areaText = type == .area ? [] : areaProfiles.flatMap { [$0.title] + $0.synonyms }
                let byField: [String: [Int32]] = [
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
                ]
                analysed.fields.append(fieldWeights.map { byField[$0.field] ?? [] })
            }
            return [analysed]
        }

        // One numbering for the whole directory; each chunk's numbers are mapped onto it.
        var vocabulary: [String] = []
        var numbering: [String: Int32] = [:]
        for index in chunks.indices {
            let global = chunks[index].terms.map { term -> Int32 in
                if let number = numbering[term] { return number }
                let number = Int32(vocabulary.count)
                numbering[term] = number
                vocabulary.append(term)
                return number
            }
            chunks[index].terms = []
            for document in chunks[index].fields.indices {
                for field in chunks[index].fields[document].indices {
                    chunks[index].fields[document][field] = chunks[index].fields[document][field].map { global[Int($0)] }
                }
            }
        }
        numbering = [:]
        let documents = chunks.flatMap(\.documents)

        var totalLength = [Int](repeating: 0, count: fieldWeights.count)
        for chunk in chunks {
            for fields in chunk.fields {
                for field in fields.indices { totalLength[field] += fields[field].count }
            }
        }
        let averageLength = totalLength.map { documents.isEmpty ? 0 : Double($0) / Double(documents.count) }
        // Each term's postings get exactly the room they need: arrays grown by appending
        // would hold up to twice that, which at 100,000 profiles is hundreds of megabytes.
        var documentFrequency = [Int32](repeating: 0, count: vocabulary.count)
        var lastDocument = [Int32](repeating: -1, count: vocabulary.count)
        var counted: Int32 = 0
        for chunk in chunks {
            for fields in chunk.fields {
                for terms in fields {
                    for term in terms where lastDocument[Int(term)] != counted {
                        lastDocument[Int(term)] = counted
                        documentFrequency[Int(term)] += 1
                    }
                }
                counted += 1
            }
        }
        lastDocument = []
        var raw = documentFrequency.map { count -> [Entry] in
            var entries: [Entry] = []
            entries.reserveCapacity(Int(count))
            return entries
        }
        documentFrequency = []
        let titleField = fieldWeights.firstIndex { $0.field == "title" }!
        let aliasField = fieldWeights.firstIndex { $0.field == "aliases" }!
        var doc = 0
        for index in chunks.indices {
            for document in chunks[index].fields.indices {
                // Each document's terms are let go as soon as its postings are made.
                let fields = chunks[index].fields[document]
                chunks[index].fields[document] = []
                var weighted: [Int32: Double] = [:]
                for (field, weight) in fieldWeights.map(\.weight).enumerated() {
                    let terms = fields[field]
                    let average = averageLength[field]
                    guard !terms.isEmpty, average > 0 else { continue }
                    let norm = 1 - b + b * Double(terms.count) / average
                    for term in terms { weighted[term, default: 0] += weight / norm }
                }
                let titleTerms = fields[titleField]
                let aliasTerms = Set(fields[aliasField])
                for (term, tfw) in weighted {
                    // A title position, or -2 for a term only in an alias (another name), or -1.
                    let position = titleTerms.firstIndex(of: term) ?? (aliasTerms.contains(term) ? -2 : -1)
                    raw[Int(term)].append(Entry(doc: doc, tfw: tfw, position: position))
                }
                doc += 1
            }
        }
        chunks = []
        let count = Double(documents.count)
        // Entries are in document order already (documents are visited in order, each adds a
        // term once), so the postings take the arrays as they are.
        var terms: [String: Postings] = [:]
        terms.reserveCapacity(vocabulary.count)
        for number in vocabulary.indices where !raw[number].isEmpty {
            let df = Double(raw[number].count)
            let idf = Foundation.log(1 + (count - df + 0.5) / (df + 0.5))
            terms[vocabulary[number]] = Postings(idf: round(idf, 4), entries: raw[number])
            raw[number] = []
        }
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
