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
        /// `tfw` in thousandths, exactly as kept.
        public var tfwThousandths: Int { Int(thousandths) }
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

    /// What the first pass learns from a chunk of profiles: their documents, each field's
    /// length, and each term's document frequency, with terms numbered within the chunk.
    struct Survey: Sendable {
        var documents: [Document] = []
        /// Per document, the number of terms in each field of `fieldWeights`, in order.
        var lengths: [Int32] = []
        var terms: [String] = []
        var frequency: [Int32] = []
        /// Each distinct token's term number, or -1 for a stop word.
        var tokens: [String: Int32] = [:]
        /// Every document's terms, field after field (`lengths` marks where each field ends),
        /// when the index is small enough to keep them (`termsKeptUpTo`); otherwise empty and
        /// the second pass reads the texts again.
        var stream: [Int32] = []
    }

    /// The text of each field of `fieldWeights`, in order.
    static func fieldTexts(_ profile: Profile, _ directory: Directory) -> [String] {
        let config = directory.config
        let type = profile.type
        // An area's synonyms are other names for it, so they count as its aliases; the
        // organisations in the area carry its title and synonyms at area weight.
        let names = type == .area ? profile.synonyms : profile.aliases
        let areaText = type == .area ? [] : profile.areas.compactMap { directory.bySlug[$0] }.flatMap { [$0.title] + $0.synonyms }
        let byField: [String: String] = [
            "title": profile.title,
            "aliases": names.joined(separator: " "),
            "areas": areaText.joined(separator: " "),
            "tags": profile.tags.joined(separator: " "),
            "summary": ([profile.summary] + profile.priorities).joined(separator: " "),
            "offers": profile.offers.map(config.capabilityLabel).joined(separator: " "),
            "seeks": profile.seeks.map(config.capabilityLabel).joined(separator: " "),
            "location": [profile.location?.city, profile.location?.region, profile.location?.postcode].compactMap { $0 }.joined(separator: " "),
            "body": profile.body,
        ]
        return fieldWeights.map { byField[$0.field] ?? "" }
    }

    /// Profiles whose postings are made at a time in the second pass.
    static let postingsBatch = 4096
    /// Up to this many profiles, the first pass keeps each one's terms for the second, which
    /// otherwise splits and looks up every text again (about 1.2 KB a profile: 24 MB here).
    static let termsKeptUpTo = 20_000

    /// In two passes, so that no profile's terms are held beyond its own turn: the first
    /// counts each field's length (for the average lengths BM25 needs before any weight) and
    /// each term's document frequency (so each term's postings are allocated once, at their
    /// size); the second makes the postings a batch of profiles at a time. At 100,000
    /// profiles, holding every profile's terms between the two was a fifth of the build's
    /// memory, and growing postings by appending held up to twice their size.
    public static func build(from directory: Directory, analyzer: TextAnalyzer = TextAnalyzer()) -> SearchIndex {
        build(from: directory, analyzer: analyzer, keepingTermsUpTo: termsKeptUpTo)
    }

    static func build(from directory: Directory, analyzer: TextAnalyzer, keepingTermsUpTo keptLimit: Int) -> SearchIndex {
        let config = directory.config
        let slugs = ProfileType.allCases.flatMap { directory.profiles(of: $0).map(\.slug) }
        let keepsTerms = slugs.count <= keptLimit
        let fieldCount = fieldWeights.count
        let titleField = fieldWeights.firstIndex { $0.field == "title" }!
        let aliasField = fieldWeights.firstIndex { $0.field == "aliases" }!

        // First pass, split among the cores: each chunk with its own numbering of terms and
        // its own cache of tokens, each respelled and stemmed once.
        var surveys = slugs.parallelChunks { chunk -> [Survey] in
            var survey = Survey()
            var numbers: [String: Int32] = [:]
            var counted: [Int32] = []
            for (document, slug) in chunk.enumerated() {
                guard let profile = directory.bySlug[slug] else { continue }
                var titleTerms = 0
                for (field, text) in fieldTexts(profile, directory).enumerated() {
                    var length: Int32 = 0
                    for token in analyzer.tokens(text) {
                        let number: Int32
                        if let known = survey.tokens[token] {
                            number = known
                        } else {
                            let term = analyzer.stopWords.contains(token) ? "" : Porter2Stemmer.stem(analyzer.normalizeSpelling(token))
                            if term.isEmpty {
                                number = -1
                            } else if let existing = numbers[term] {
                                number = existing
                            } else {
                                number = Int32(survey.terms.count)
                                numbers[term] = number
                                survey.terms.append(term)
                                survey.frequency.append(0)
                                counted.append(-1)
                            }
                            survey.tokens[token] = number
                        }
                        guard number >= 0 else { continue }
                        if keepsTerms { survey.stream.append(number) }
                        length += 1
                        if counted[Int(number)] != Int32(document) {
                            counted[Int(number)] = Int32(document)
                            survey.frequency[Int(number)] += 1
                        }
                    }
                    survey.lengths.append(length)
                    if field == titleField { titleTerms = Int(length) }
                }
                survey.documents.append(Document(
                    slug: profile.slug, type: profile.type.rawValue, title: profile.title, url: config.basePath + profile.path,
                    summary: profile.summary, areas: profile.areas.filter { directory.bySlug.contains($0) }, region: profile.location?.region,
                    offers: profile.offers, titleTerms: min(titleTerms, 35)))
            }
            return [survey]
        }

        // One numbering for the whole directory; each chunk's numbers are mapped onto it.
        var vocabulary: [String] = []
        var numbering: [String: Int32] = [:]
        var frequency: [Int32] = []
        var tokenNumbers: [String: Int32] = [:]
        var totalLength = [Int](repeating: 0, count: fieldCount)
        // Per document, with kept terms: its terms in the whole directory's numbering, and
        // where each field's run of them ends.
        var keptTerms: [Int32] = []
        var keptEnds: [Int] = []
        for survey in surveys {
            let global = survey.terms.map { term -> Int32 in
                if let number = numbering[term] { return number }
                let number = Int32(vocabulary.count)
                numbering[term] = number
                vocabulary.append(term)
                frequency.append(0)
                return number
            }
            for (local, number) in global.enumerated() { frequency[Int(number)] += survey.frequency[local] }
            for (token, local) in survey.tokens where tokenNumbers[token] == nil {
                tokenNumbers[token] = local < 0 ? -1 : global[Int(local)]
            }
            for (index, length) in survey.lengths.enumerated() { totalLength[index % fieldCount] += Int(length) }
            if keepsTerms {
                keptTerms += survey.stream.map { global[Int($0)] }
                for length in survey.lengths { keptEnds.append((keptEnds.last ?? 0) + Int(length)) }
            }
        }
        numbering = [:]
        let documents = surveys.flatMap(\.documents)
        // The chunks' caches and copies of the documents go before the postings are made.
        surveys = []
        let averageLength = totalLength.map { documents.isEmpty ? 0 : Double($0) / Double(documents.count) }

        var raw = frequency.map { count -> [Entry] in
            var entries: [Entry] = []
            entries.reserveCapacity(Int(count))
            return entries
        }
        frequency = []

        // Second pass: a batch of profiles at a time, their weights worked out across the
        // cores, then added to the postings in document order.
        let weights = fieldWeights.map(\.weight)
        let tokens = tokenNumbers
        let kept = (terms: keptTerms, ends: keptEnds)
        for start in stride(from: 0, to: slugs.count, by: postingsBatch) {
            let batch = Array(slugs[start..<min(start + postingsBatch, slugs.count)].enumerated().map { (start + $0, $1) })
            let made = batch.parallelChunks { chunk -> [[(term: Int32, entry: Entry)]] in
                var made: [(term: Int32, entry: Entry)] = []
                for (doc, slug) in chunk {
                    let fields: [ArraySlice<Int32>]
                    if keepsTerms {
                        fields = (0..<fieldCount).map { field in
                            let index = doc * fieldCount + field
                            return kept.terms[(index == 0 ? 0 : kept.ends[index - 1])..<kept.ends[index]]
                        }
                    } else {
                        guard let profile = directory.bySlug[slug] else { continue }
                        fields = fieldTexts(profile, directory).map { text in
                            ArraySlice(analyzer.tokens(text).compactMap { token -> Int32? in
                                guard let number = tokens[token], number >= 0 else { return nil }
                                return number
                            })
                        }
                    }
                    var weighted: [Int32: Double] = [:]
                    for (field, weight) in weights.enumerated() {
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
                        let position = titleTerms.firstIndex(of: term).map { $0 - titleTerms.startIndex }
                            ?? (aliasTerms.contains(term) ? -2 : -1)
                        made.append((term, Entry(doc: doc, tfw: tfw, position: position)))
                    }
                }
                return [made]
            }
            // Chunks come back in order and each document adds a term once, so every term's
            // entries stay in document order.
            for chunk in made {
                for (term, entry) in chunk { raw[Int(term)].append(entry) }
            }
        }

        let count = Double(documents.count)
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
