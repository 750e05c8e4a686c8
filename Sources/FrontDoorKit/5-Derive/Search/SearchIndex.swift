import Foundation

/// The search index written to `search-index.json` and read back by `frontdoor search`.
public struct SearchIndex: Codable, Sendable, Equatable {
    public static let formatVersion = 1

    public struct Document: Codable, Sendable, Equatable {
        public var slug: String
        public var type: String
        public var title: String
        public var url: String
        public var summary: String
        public var areas: [String]
    }

    /// A term's postings: document number and weighted term frequency.
    public struct Posting: Codable, Sendable, Equatable {
        public var doc: Int
        public var weight: Double

        public init(doc: Int, weight: Double) {
            self.doc = doc
            self.weight = weight
        }

        public init(from decoder: Decoder) throws {
            var container = try decoder.unkeyedContainer()
            doc = try container.decode(Int.self)
            weight = try container.decode(Double.self)
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.unkeyedContainer()
            try container.encode(doc)
            try container.encode(weight)
        }
    }

    public var version: Int
    public var documents: [Document]
    public var terms: [String: [Posting]]

    /// Field weights: a word in a title counts more than the same word in the body.
    public static let weights: [(field: String, weight: Double)] = [
        ("title", 10), ("aliases", 10), ("areas", 5), ("tags", 3), ("summary", 3),
        ("capabilities", 3), ("location", 2), ("body", 1),
    ]

    public static func build(from directory: Directory, analyzer: TextAnalyzer = TextAnalyzer()) -> SearchIndex {
        var documents: [Document] = []
        var terms: [String: [Posting]] = [:]
        let basePath = directory.config.basePath
        for type in ProfileType.allCases {
            for profile in directory.profiles(of: type) {
                let doc = documents.count
                let areaProfiles = profile.areas.compactMap { directory.bySlug[$0] }
                documents.append(Document(slug: profile.slug, type: type.rawValue, title: profile.title,
                    url: basePath + profile.path, summary: profile.summary, areas: areaProfiles.map(\.title)))
                var fields: [String: String] = [
                    "title": profile.title,
                    "aliases": profile.aliases.joined(separator: " "),
                    "areas": areaProfiles.map { ([$0.title] + $0.synonyms).joined(separator: " ") }.joined(separator: " ")
                        + " " + profile.synonyms.joined(separator: " "),
                    "tags": profile.tags.joined(separator: " "),
                    "summary": profile.summary,
                    "capabilities": (profile.offers + profile.seeks).map(directory.config.capabilityLabel).joined(separator: " "),
                    "location": [profile.location?.city, profile.location?.region].compactMap { $0 }.joined(separator: " "),
                    "body": profile.body,
                ]
                if type == .area { fields["areas"] = profile.synonyms.joined(separator: " ") }
                var weighted: [String: Double] = [:]
                for (field, weight) in weights {
                    for term in analyzer.terms(fields[field] ?? "") {
                        weighted[term, default: 0] += weight
                    }
                }
                for (term, weight) in weighted {
                    terms[term, default: []].append(Posting(doc: doc, weight: weight))
                }
            }
        }
        return SearchIndex(version: formatVersion, documents: documents, terms: terms)
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
