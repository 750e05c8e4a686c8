import Foundation

/// Runs a query against a `SearchIndex` with the ranking of `docs/search-index.md`.
/// `search-core.js` implements the same steps; parity tests compare the two.
public struct Searcher: Sendable {
    /// Values chosen per filter. Several values of one filter combine with OR (a result has
    /// any of them); different filters combine with AND. An empty list does not filter.
    public struct Filters: Sendable, Equatable {
        public var types: [String]
        public var areas: [String]
        public var regions: [String]
        public var capabilities: [String]

        public init(types: [String] = [], areas: [String] = [], regions: [String] = [], capabilities: [String] = []) {
            self.types = Self.clean(types)
            self.areas = Self.clean(areas)
            self.regions = Self.clean(regions)
            self.capabilities = Self.clean(capabilities)
        }

        /// No filter.
        public init() { self.init(types: []) }

        /// One value (or none) per filter.
        public init(type: String? = nil, area: String? = nil, region: String? = nil, capability: String? = nil) {
            self.init(types: type.map { [$0] } ?? [], areas: area.map { [$0] } ?? [],
                      regions: region.map { [$0] } ?? [], capabilities: capability.map { [$0] } ?? [])
        }

        /// Without empty values and repeats, in the order given.
        static func clean(_ values: [String]) -> [String] {
            var seen = Set<String>()
            return values.filter { !$0.isEmpty && seen.insert($0).inserted }
        }

        var isEmpty: Bool { types.isEmpty && areas.isEmpty && regions.isEmpty && capabilities.isEmpty }
    }

    public struct Result: Sendable, Equatable, Codable {
        public var slug: String
        public var type: String
        public var title: String
        public var url: String
        public var score: Double
    }

    public struct FacetCount: Sendable, Equatable {
        public var value: String
        public var label: String
        public var count: Int
    }

    public struct Response: Sendable {
        public var total: Int
        public var results: [Result]
        /// Per facet (`type`, `area`, `region`, `capability`), the values with results.
        public var facets: [String: [FacetCount]]
    }

    static let prefixWeight = 0.7
    static let oneEditWeight = 0.5
    static let twoEditWeight = 0.3

    public let index: SearchIndex
    let analyzer: TextAnalyzer
    let sortedTerms: [String]

    public init(index: SearchIndex) {
        self.index = index
        self.analyzer = index.analyzer
        self.sortedTerms = index.terms.keys.sorted(by: SearchIndexJSON.utf16Order)
    }

    /// The index terms a query's words stand for, each with its weight, per query term.
    func expand(_ query: String) -> [[(term: String, weight: Double)]] {
        let analyzed = analyzer.analyze(query)
        let typing = !(query.last?.isWhitespace ?? true)
        return analyzed.enumerated().map { number, word in
            var matches: [(term: String, weight: Double)] = []
            if index.terms[word.term] != nil { matches.append((word.term, 1)) }
            if number == analyzed.count - 1, typing, word.token.utf16.count >= 3 {
                for term in terms(withPrefix: word.token) where term != word.term {
                    matches.append((term, Self.prefixWeight))
                }
            }
            let length = word.token.utf16.count
            if matches.isEmpty, length >= 5 {
                let maxEdits = length >= 9 ? 2 : 1
                let stem = Array(word.term.utf16)
                for term in sortedTerms where abs(term.utf16.count - stem.count) <= maxEdits {
                    let distance = TypoDistance.between(stem, Array(term.utf16), limit: maxEdits)
                    if distance <= maxEdits {
                        matches.append((term, distance == 1 ? Self.oneEditWeight : Self.twoEditWeight))
                    }
                }
            }
            return matches
        }
    }

    func terms(withPrefix prefix: String) -> ArraySlice<String> {
        var low = 0, high = sortedTerms.count
        while low < high {
            let middle = (low + high) / 2
            if SearchIndexJSON.utf16Order(sortedTerms[middle], prefix) { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < sortedTerms.count, sortedTerms[end].hasPrefix(prefix) { end += 1 }
        return sortedTerms[low..<end]
    }

    public func search(_ query: String, filters: Filters = Filters(), limit: Int = 20) -> Response {
        let expanded = expand(query)
        var scored: [(doc: Int, score: Double)] = []
        if expanded.isEmpty {
            if !filters.isEmpty { scored = index.documents.indices.map { ($0, 0) } }
        } else {
            let count = expanded.count
            var best: [Int: [Double]] = [:]
            var positions: [Int: [Int]] = [:]
            let k1 = SearchIndex.k1
            for (number, matches) in expanded.enumerated() {
                for (term, weight) in matches {
                    guard let postings = index.terms[term] else { continue }
                    for entry in postings.entries {
                        let score = weight * postings.idf * entry.tfw * (k1 + 1) / (entry.tfw + k1)
                        var scores = best[entry.doc] ?? Array(repeating: 0, count: count)
                        if score > scores[number] {
                            scores[number] = score
                            var places = positions[entry.doc] ?? Array(repeating: -1, count: count)
                            places[number] = entry.position
                            positions[entry.doc] = places
                        }
                        best[entry.doc] = scores
                    }
                }
            }
            for (doc, scores) in best {
                let places = positions[doc] ?? Array(repeating: -1, count: count)
                let document = index.documents[doc]
                scored.append((doc, Self.combine(scores, places, titleTerms: document.titleTerms,
                                                 typeWeight: index.typeWeights[document.type] ?? 1)))
            }
        }
        let (results, facets) = filterAndCount(scored, filters)
        let ranked = results.sorted { a, b in
            a.score != b.score ? a.score > b.score : index.documents[a.doc].slug < index.documents[b.doc].slug
        }
        return Response(
            total: ranked.count,
            results: ranked.prefix(limit).map { item in
                let document = index.documents[item.doc]
                return Result(slug: document.slug, type: document.type, title: document.title, url: document.url, score: item.score)
            },
            facets: facets)
    }

    /// Sum of the query terms' best scores, then the coordination factor and title boosts.
    static func combine(_ scores: [Double], _ positions: [Int], titleTerms: Int, typeWeight: Double) -> Double {
        var total = 0.0
        var matchedTerms = 0
        for score in scores where score > 0 {
            total += score
            matchedTerms += 1
        }
        let coverage = Double(matchedTerms) / Double(scores.count)
        total *= coverage * coverage
        if matchedTerms == scores.count, positions.allSatisfy({ $0 >= 0 || $0 == -2 }) {
            total *= 1.5
            if positions.allSatisfy({ $0 >= 0 }), Set(positions).count == titleTerms { total *= 2 }
        }
        if zip(positions, positions.dropFirst()).contains(where: { $0 >= 0 && $1 == $0 + 1 }) {
            total *= 1.25
        }
        total *= typeWeight
        return (total * 1000).rounded() / 1000
    }

    /// Applies the filters and counts each facet's values over the results that pass every
    /// other filter (the usual facet count: how many results a value has, given the other
    /// filters, whatever else is chosen in its own).
    func filterAndCount(_ scored: [(doc: Int, score: Double)], _ filters: Filters) -> ([(doc: Int, score: Double)], [String: [FacetCount]]) {
        let types = Set(filters.types), areas = Set(filters.areas)
        let regions = Set(filters.regions), capabilities = Set(filters.capabilities)
        func passes(_ document: SearchIndex.Document, except facet: String?) -> Bool {
            (facet == "type" || types.isEmpty || types.contains(document.type))
                && (facet == "area" || areas.isEmpty || document.areas.contains(where: areas.contains))
                && (facet == "region" || regions.isEmpty || document.region.map(regions.contains) == true)
                && (facet == "capability" || capabilities.isEmpty || document.offers.contains(where: capabilities.contains))
        }
        var counts: [String: [String: Int]] = ["type": [:], "area": [:], "region": [:], "capability": [:]]
        var kept: [(doc: Int, score: Double)] = []
        for item in scored {
            let document = index.documents[item.doc]
            if passes(document, except: nil) { kept.append(item) }
            if passes(document, except: "type") { counts["type"]![document.type, default: 0] += 1 }
            if passes(document, except: "area") { for area in document.areas { counts["area"]![area, default: 0] += 1 } }
            if passes(document, except: "region"), let region = document.region { counts["region"]![region, default: 0] += 1 }
            if passes(document, except: "capability") { for offer in document.offers { counts["capability"]![offer, default: 0] += 1 } }
        }
        func facet(_ name: String, _ values: [(value: String, label: String)], selected: Set<String>) -> [FacetCount] {
            values.compactMap { value, label in
                let count = counts[name]![value] ?? 0
                return count > 0 || selected.contains(value) ? FacetCount(value: value, label: label, count: count) : nil
            }
        }
        return (kept, [
            "type": facet("type", index.types, selected: types),
            "area": facet("area", index.areas, selected: areas),
            "region": facet("region", index.regions.map { ($0, $0) }, selected: regions),
            "capability": facet("capability", index.capabilities, selected: capabilities),
        ])
    }
}

/// Edit distance where an adjacent swap counts as one edit (optimal string alignment),
/// stopping early once it must exceed `limit`.
enum TypoDistance {
    static func between(_ a: [UInt16], _ b: [UInt16], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, before[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
