import Foundation

/// The split form of the index for large directories (`docs/search-index.md`, "Files"):
/// a manifest, term shards by prefix, document chunks, facets and the vocabulary by word
/// length, so that a first query downloads only what it needs.
public enum SearchIndexShards {
    public static let manifestPath = "search/manifest.json"
    public static let chunkSize = 50
    /// A shard whose JSON is larger is split by one more character of its terms.
    public static let shardLimit = 24_000

    /// The file name of a shard: the hex of its prefix's UTF-8 bytes, so names stay ASCII.
    public static func fileName(_ prefix: String) -> String {
        prefix.utf8.map { String(format: "%02x", $0) }.joined()
    }

    /// Groups terms into shards by prefix: one character at first, one more wherever a group
    /// is over `shardLimit`. A term shorter than the next depth goes in a shard named by the
    /// whole term. A term lives in the shard with the longest name it starts with.
    static func shards(_ index: SearchIndex) -> [String: [String]] {
        var result: [String: [String]] = [:]
        func size(_ terms: [String]) -> Int {
            terms.reduce(0) { $0 + $1.utf8.count + 12 + (index.terms[$1]?.entries.count ?? 0) * 10 }
        }
        func split(_ terms: [String], prefix: String, depth: Int) {
            if size(terms) <= shardLimit || terms.allSatisfy({ $0.unicodeScalars.count <= depth }) {
                result[prefix, default: []] += terms
                return
            }
            var groups: [String: [String]] = [:]
            for term in terms {
                let scalars = term.unicodeScalars
                if scalars.count <= depth {
                    result[term, default: []].append(term)
                } else {
                    groups[String(String.UnicodeScalarView(scalars.prefix(depth + 1))), default: []].append(term)
                }
            }
            for (next, group) in groups { split(group, prefix: next, depth: depth + 1) }
        }
        var first: [String: [String]] = [:]
        for term in index.terms.keys { first[String(String.UnicodeScalarView(term.unicodeScalars.prefix(1))), default: []].append(term) }
        for (prefix, terms) in first { split(terms, prefix: prefix, depth: 1) }
        return result
    }

    public static func files(_ index: SearchIndex) -> [OutputFile] {
        var all: [OutputFile] = []
        files(index) { all += $0 }
        return all.sorted { $0.path < $1.path }
    }

    /// Files written at a time by `files(_:into:)`.
    public static let group = 256

    /// Hands the files to `sink` a group at a time, so the encoded index is never all in
    /// memory beside the index itself (at 100,000 profiles each is hundreds of megabytes).
    public static func files<Failure: Error>(_ index: SearchIndex, group: Int = group, into sink: ([OutputFile]) throws(Failure) -> Void) throws(Failure) {
        let shards = shards(index)
        let prefixes = shards.keys.sorted(by: SearchIndexJSON.utf16Order)
        let typeNumber = Dictionary(uniqueKeysWithValues: index.types.enumerated().map { ($1.value, $0) })

        var manifest = JSONText()
        manifest.raw("{")
        SearchIndexJSON.header(index, into: &manifest)
        manifest.raw(",\"docCount\":\(index.documents.count),\"chunkSize\":\(chunkSize),\"shards\":")
        manifest.strings(prefixes)
        // Needed to rank any result: the type (for its weight) and title length of every document.
        manifest.raw(",\"docTypes\":")
        manifest.string(index.documents.map { String(typeNumber[$0.type] ?? 0, radix: 36) }.joined())
        manifest.raw(",\"titleTerms\":")
        manifest.string(index.documents.map { String($0.titleTerms, radix: 36) }.joined())
        var lengths: Set<Int> = []
        for term in index.terms.keys { lengths.insert(term.utf16.count) }
        manifest.raw(",\"vocabularyLengths\":[\(lengths.sorted().map(String.init).joined(separator: ","))]}")
        var files = [OutputFile(path: manifestPath, data: manifest.data)]

        files.append(OutputFile(path: "search/facets.json", data: facets(index)))

        var byLength: [Int: [String]] = [:]
        for term in index.terms.keys { byLength[term.utf16.count, default: []].append(term) }
        for (length, terms) in byLength {
            var vocabulary = JSONText()
            vocabulary.strings(terms.sorted(by: SearchIndexJSON.utf16Order))
            files.append(OutputFile(path: "search/vocabulary/\(length).json", data: vocabulary.data))
        }

        try sink(files)
        files = []
        for prefix in prefixes {
            if files.count >= group {
                try sink(files)
                files = []
            }
            var json = JSONText()
            json.raw("{")
            for (number, term) in shards[prefix]!.sorted(by: SearchIndexJSON.utf16Order).enumerated() {
                if number > 0 { json.raw(",") }
                json.string(term)
                json.raw(":")
                SearchIndexJSON.encode(index.terms[term]!, into: &json)
            }
            json.raw("}")
            files.append(OutputFile(path: "search/terms/\(fileName(prefix)).json", data: json.data))
        }
        for start in stride(from: 0, to: index.documents.count, by: chunkSize) {
            if files.count >= group {
                try sink(files)
                files = []
            }
            var json = JSONText()
            json.raw("[")
            for (number, document) in index.documents[start..<min(start + chunkSize, index.documents.count)].enumerated() {
                if number > 0 { json.raw(",") }
                SearchIndexJSON.encode(document, into: &json)
            }
            json.raw("]")
            files.append(OutputFile(path: "search/docs/\(start / chunkSize).json", data: json.data))
        }
        try sink(files)
    }

    /// For filters and facet counts, loaded only when they are wanted: `region` an index
    /// into `labels.regions` per document (-1 none); `areas` and `offers` the document numbers
    /// of each label in order, as gaps from the previous.
    static func facets(_ index: SearchIndex) -> Data {
        let regionNumber = Dictionary(index.regions.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var json = JSONText()
        json.raw("{\"region\":[")
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
        for prefix in root["shards"] as? [String] ?? [] {
            let shard = try SearchIndexJSON.terms(try load("search/terms/\(fileName(prefix)).json") as? [String: Any] ?? [:])
            index.terms.merge(shard) { first, _ in first }
        }
        return index
    }
}
