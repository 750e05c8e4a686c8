import Foundation

/// Runs a query against a `SearchIndex`: sums each term's weight times its rarity,
/// matches the last word as a prefix (search as you type), and breaks ties by title.
public struct Searcher: Sendable {
    public struct Result: Sendable, Equatable, Codable {
        public var slug: String
        public var type: String
        public var title: String
        public var url: String
        public var score: Double
    }

    public var index: SearchIndex
    public var analyzer = TextAnalyzer()

    public init(index: SearchIndex) {
        self.index = index
    }

    public func search(_ query: String, type: String? = nil, area: String? = nil, limit: Int = 20) -> (total: Int, results: [Result]) {
        let queryTerms = analyzer.terms(query)
        guard !queryTerms.isEmpty else { return (0, []) }
        let count = Double(max(index.documents.count, 1))
        var scores: [Int: Double] = [:]
        for (position, term) in queryTerms.enumerated() {
            var postings = index.terms[term] ?? []
            if position == queryTerms.count - 1 && term.count >= 2 {
                for (candidate, more) in index.terms where candidate != term && candidate.hasPrefix(term) {
                    postings += more.map { SearchIndex.Posting(doc: $0.doc, weight: $0.weight * 0.5) }
                }
            }
            let documentsWithTerm = Set(postings.map(\.doc)).count
            guard documentsWithTerm > 0 else { continue }
            let rarity = log(1 + (count - Double(documentsWithTerm) + 0.5) / (Double(documentsWithTerm) + 0.5))
            var best: [Int: Double] = [:]
            for posting in postings { best[posting.doc] = max(best[posting.doc] ?? 0, posting.weight) }
            for (doc, weight) in best {
                scores[doc, default: 0] += rarity * weight / (weight + 1.2) * 2.2
            }
        }
        let areaFilter = area.flatMap { slug in index.documents.first(where: { $0.slug == slug })?.title }
        var results = scores.compactMap { doc, score -> Result? in
            let document = index.documents[doc]
            if let type, document.type != type { return nil }
            if let area, !(document.areas.contains(areaFilter ?? area)) { return nil }
            return Result(slug: document.slug, type: document.type, title: document.title, url: document.url,
                          score: (score * 1000).rounded() / 1000)
        }
        results.sort { ($1.score, $0.title, $0.slug) < ($0.score, $1.title, $1.slug) }
        return (results.count, Array(results.prefix(limit)))
    }
}
