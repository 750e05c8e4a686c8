import Foundation

/// The split form of the index for large directories (`docs/search-index.md`, "Files"):
/// a manifest, term shards by prefix, document chunks, facets and the vocabulary, so that a
/// first query downloads only the shards and chunks it needs.
public enum SearchIndexShards {
    public static let manifestPath = "search/manifest.json"
    public static let prefixLength = 2
    public static let chunkSize = 50

    /// The shard a term lives in: its first two Unicode scalars, as hex of their UTF-8 bytes
    /// (file names stay ASCII whatever the language).
    public static func shardName(_ term: String) -> String {
        let prefix = String(String.UnicodeScalarView(term.unicodeScalars.prefix(prefixLength)))
        return prefix.utf8.map { String(format: "%02x", $0) }.joined()
    }

    public static func files(_ index: SearchIndex) -> [OutputFile] {
        var shards: [String: [String]] = [:]
        for term in index.terms.keys { shards[shardName(term), default: []].append(term) }
        let shardNames = shards.keys.sorted()

        var manifest = JSONText()
        manifest.raw("{")
        SearchIndexJSON.header(index, into: &manifest)
        manifest.raw(",\"docCount\":\(index.documents.count),\"chunkSize\":\(chunkSize),\"prefixLength\":\(prefixLength),\"shards\":")
        manifest.strings(shardNames)
        manifest.raw("}")
        var files = [OutputFile(path: manifestPath, data: manifest.data)]

        files.append(OutputFile(path: "search/facets.json", data: facets(index)))

        var vocabulary = JSONText()
        vocabulary.strings(index.terms.keys.sorted(by: SearchIndexJSON.utf16Order))
        files.append(OutputFile(path: "search/vocabulary.json", data: vocabulary.data))

        for name in shardNames {
            var json = JSONText()
            json.raw("{")
            for (number, term) in shards[name]!.sorted(by: SearchIndexJSON.utf16Order).enumerated() {
                if number > 0 { json.raw(",") }
                json.string(term)
                json.raw(":")
                SearchIndexJSON.encode(index.terms[term]!, into: &json)
            }
            json.raw("}")
            files.append(OutputFile(path: "search/terms/\(name).json", data: json.data))
        }
        for start in stride(from: 0, to: index.documents.count, by: chunkSize) {
            var json = JSONText()
            json.raw("[")
            for (number, document) in index.documents[start..<min(start + chunkSize, index.documents.count)].enumerated() {
                if number > 0 { json.raw(",") }
                SearchIndexJSON.encode(document, into: &json)
            }
            json.raw("]")
            files.append(OutputFile(path: "search/docs/\(start / chunkSize).json", data: json.data))
        }
        return files
    }

    /// Columns over all documents, for filtering and facet counts without the documents:
    /// `type` and `tn` one entry per document, `region` an index into `labels.regions` (-1 none),
    /// `areas` and `offers` the document numbers of each label in order, as gaps from the previous.
    static func facets(_ index: SearchIndex) -> Data {
        let typeNumber = Dictionary(uniqueKeysWithValues: index.types.enumerated().map { ($1.value, $0) })
        let regionNumber = Dictionary(index.regions.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var json = JSONText()
        json.raw("{\"type\":[")
        json.raw(index.documents.map { String(typeNumber[$0.type] ?? -1) }.joined(separator: ","))
        json.raw("],\"tn\":[")
        json.raw(index.documents.map { String($0.titleTerms) }.joined(separator: ","))
        json.raw("],\"region\":[")
        json.raw(index.documents.map { String($0.region.flatMap { regionNumber[$0] } ?? -1) }.joined(separator: ","))
        func gaps(_ labels: [(value: String, label: String)], _ values: (SearchIndex.Document) -> [String]) {
            var members: [String: [Int]] = [:]
            for (number, document) in index.documents.enumerated() {
                for value in values(document) { members[value, default: []].append(number) }
            }
            json.raw("[")
            for (number, label) in labels.enumerated() {
                if number > 0 { json.raw(",") }
                var previous = 0
                json.raw("[" + (members[label.value] ?? []).map { doc in
                    defer { previous = doc }
                    return String(doc - previous)
                }.joined(separator: ",") + "]")
            }
            json.raw("]")
        }
        json.raw("],\"areas\":")
        gaps(index.areas) { $0.areas }
        json.raw(",\"offers\":")
        gaps(index.capabilities) { $0.offers }
        json.raw("}")
        return json.data
    }

    /// Reads every shard and chunk back into one in-memory index (for `frontdoor search`).
    static func read(manifest: Data, siteDirectory: String) throws -> SearchIndex {
        guard let root = try JSONSerialization.jsonObject(with: manifest) as? [String: Any] else {
            throw SearchIndexJSON.ReadError.malformed("manifest is not an object")
        }
        var index = try SearchIndexJSON.header(root)
        let count = root["docCount"] as? Int ?? 0
        let size = root["chunkSize"] as? Int ?? chunkSize
        func load(_ path: String) throws -> Any {
            let full = (siteDirectory as NSString).appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: full) else { throw SearchIndexJSON.ReadError.missing(full) }
            return try JSONSerialization.jsonObject(with: data)
        }
        for chunk in stride(from: 0, to: count, by: size) {
            let documents = try load("search/docs/\(chunk / size).json") as? [[String: Any]] ?? []
            index.documents += try documents.map(SearchIndexJSON.document)
        }
        for name in root["shards"] as? [String] ?? [] {
            let shard = try SearchIndexJSON.terms(try load("search/terms/\(name).json") as? [String: Any] ?? [:])
            index.terms.merge(shard) { first, _ in first }
        }
        return index
    }
}
