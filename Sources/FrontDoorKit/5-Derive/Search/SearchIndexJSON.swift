import Foundation

/// Writes and reads the index's JSON by hand: the layout is fixed by the format document,
/// keys come out in a stable order, and a large index is written without a generic encoder.
public enum SearchIndexJSON {
    public static let singleFile = "search-index.json"

    /// The single file (small directories).
    public static func encode(_ index: SearchIndex) -> Data {
        var json = JSONText()
        json.raw("{")
        header(index, into: &json)
        json.raw(",\"docs\":[")
        for (number, document) in index.documents.enumerated() {
            if number > 0 { json.raw(",") }
            encode(document, into: &json)
        }
        json.raw("],\"terms\":{")
        for (number, term) in index.terms.keys.sorted(by: utf16Order).enumerated() {
            if number > 0 { json.raw(",") }
            json.string(term)
            json.raw(":")
            encode(index.terms[term]!, into: &json)
        }
        json.raw("}}")
        return json.data
    }

    /// Sorting by UTF-16 code units, as JavaScript sorts strings.
    public static func utf16Order(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }

    static func header(_ index: SearchIndex, into json: inout JSONText) {
        json.raw("\"version\":\(SearchIndex.formatVersion),\"analyzer\":{\"stopWords\":")
        json.strings(index.stopWords)
        json.raw(",\"variants\":[")
        for (number, pair) in index.variants.enumerated() {
            if number > 0 { json.raw(",") }
            json.strings(pair)
        }
        json.raw("]},\"ranking\":{\"k1\":")
        json.number(SearchIndex.k1)
        json.raw(",\"b\":")
        json.number(SearchIndex.b)
        json.raw(",\"fields\":{")
        for (number, field) in SearchIndex.fieldWeights.enumerated() {
            if number > 0 { json.raw(",") }
            json.string(field.field)
            json.raw(":")
            json.number(field.weight)
        }
        json.raw("},\"typeWeights\":{")
        for (number, type) in index.typeWeights.keys.sorted().enumerated() {
            if number > 0 { json.raw(",") }
            json.string(type)
            json.raw(":")
            json.number(index.typeWeights[type]!)
        }
        json.raw("}},\"labels\":{\"types\":")
        json.pairs(index.types)
        json.raw(",\"areas\":")
        json.pairs(index.areas)
        json.raw(",\"capabilities\":")
        json.pairs(index.capabilities)
        json.raw(",\"regions\":")
        json.strings(index.regions)
        json.raw("}")
    }

    static func encode(_ document: SearchIndex.Document, into json: inout JSONText) {
        json.raw("{\"slug\":"); json.string(document.slug)
        json.raw(",\"type\":"); json.string(document.type)
        json.raw(",\"title\":"); json.string(document.title)
        json.raw(",\"url\":"); json.string(document.url)
        json.raw(",\"summary\":"); json.string(document.summary)
        json.raw(",\"areas\":"); json.strings(document.areas)
        if let region = document.region { json.raw(",\"region\":"); json.string(region) }
        if !document.offers.isEmpty { json.raw(",\"offers\":"); json.strings(document.offers) }
        json.raw(",\"tn\":\(document.titleTerms)}")
    }

    static func encode(_ postings: SearchIndex.Postings, into json: inout JSONText) {
        json.raw("[")
        json.number(postings.idf)
        json.raw(",[")
        var previous = 0
        for (number, entry) in postings.entries.enumerated() {
            if number > 0 { json.raw(",") }
            // Document numbers as gaps from the previous one: shorter, and gzip likes them.
            json.integer(entry.doc - previous)
            json.raw(",")
            previous = entry.doc
            json.thousandths(entry.tfwThousandths)
            json.raw(",")
            json.integer(entry.position)
        }
        json.raw("]]")
    }

    public enum ReadError: Error, CustomStringConvertible {
        case missing(String)
        case malformed(String)

        public var description: String {
            switch self {
            case .missing(let path): "no search index at \(path); run `frontdoor build` first"
            case .malformed(let why): "the search index is not in the expected format: \(why)"
            }
        }
    }

    /// Reads a built site's index, single file or split, into memory.
    public static func read(siteDirectory: String) throws -> SearchIndex {
        let single = (siteDirectory as NSString).appendingPathComponent(singleFile)
        if let data = FileManager.default.contents(atPath: single) {
            return try decode(data)
        }
        let manifestPath = (siteDirectory as NSString).appendingPathComponent(SearchIndexShards.manifestPath)
        guard let manifest = FileManager.default.contents(atPath: manifestPath) else { throw ReadError.missing(single) }
        return try SearchIndexShards.read(manifest: manifest, siteDirectory: siteDirectory)
    }

    public static func decode(_ data: Data) throws -> SearchIndex {
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw ReadError.malformed("not an object") }
        var index = try header(root)
        index.documents = try (root["docs"] as? [[String: Any]] ?? []).map(document)
        index.terms = try terms(root["terms"] as? [String: Any] ?? [:])
        return index
    }

    static func header(_ root: [String: Any]) throws -> SearchIndex {
        guard root["version"] as? Int == SearchIndex.formatVersion else {
            throw ReadError.malformed("version \(root["version"] ?? "none"), expected \(SearchIndex.formatVersion)")
        }
        let analyzer = root["analyzer"] as? [String: Any] ?? [:]
        let labels = root["labels"] as? [String: Any] ?? [:]
        func pairs(_ key: String) -> [(value: String, label: String)] {
            (labels[key] as? [[String]] ?? []).compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
        }
        let ranking = root["ranking"] as? [String: Any] ?? [:]
        return SearchIndex(
            stopWords: analyzer["stopWords"] as? [String] ?? [], variants: analyzer["variants"] as? [[String]] ?? [],
            typeWeights: (ranking["typeWeights"] as? [String: NSNumber] ?? [:]).mapValues(\.doubleValue),
            types: pairs("types"), areas: pairs("areas"), capabilities: pairs("capabilities"),
            regions: labels["regions"] as? [String] ?? [], documents: [], terms: [:])
    }

    static func document(_ object: [String: Any]) throws -> SearchIndex.Document {
        guard let slug = object["slug"] as? String, let type = object["type"] as? String, let title = object["title"] as? String,
              let url = object["url"] as? String else { throw ReadError.malformed("a document lacks slug, type, title or url") }
        return SearchIndex.Document(slug: slug, type: type, title: title, url: url, summary: object["summary"] as? String ?? "",
                                    areas: object["areas"] as? [String] ?? [], region: object["region"] as? String,
                                    offers: object["offers"] as? [String] ?? [], titleTerms: object["tn"] as? Int ?? 0)
    }

    static func terms(_ object: [String: Any]) throws -> [String: SearchIndex.Postings] {
        var terms: [String: SearchIndex.Postings] = [:]
        for (term, value) in object {
            guard let pair = value as? [Any], pair.count == 2, let idf = (pair[0] as? NSNumber)?.doubleValue,
                  let flat = pair[1] as? [NSNumber], flat.count % 3 == 0 else { throw ReadError.malformed("postings of `\(term)`") }
            var entries: [SearchIndex.Entry] = []
            entries.reserveCapacity(flat.count / 3)
            var doc = 0
            for start in stride(from: 0, to: flat.count, by: 3) {
                doc += flat[start].intValue
                entries.append(SearchIndex.Entry(doc: doc, tfw: flat[start + 1].doubleValue, position: flat[start + 2].intValue))
            }
            terms[term] = SearchIndex.Postings(idf: idf, entries: entries)
        }
        return terms
    }
}

/// A JSON text under construction.
struct JSONText {
    private(set) var bytes: [UInt8] = []

    var data: Data { Data(bytes) }

    mutating func raw(_ text: String) { bytes += text.utf8 }

    mutating func string(_ text: String) { JSONString.append(text, to: &bytes) }

    mutating func strings(_ texts: [String]) {
        raw("[")
        for (number, text) in texts.enumerated() {
            if number > 0 { raw(",") }
            string(text)
        }
        raw("]")
    }

    mutating func pairs(_ pairs: [(value: String, label: String)]) {
        raw("[")
        for (number, pair) in pairs.enumerated() {
            if number > 0 { raw(",") }
            strings([pair.value, pair.label])
        }
        raw("]")
    }

    /// Digits written straight into the bytes, rather than through a string made for each
    /// (interpolation, `Double.description`): postings hold millions of numbers.
    mutating func integer(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes += buffer[(20 - count)...]
        }
    }

    /// `Double(value) / 1000` as `number` writes it: the integer part, then up to three
    /// decimals without trailing zeros. (Below 10^12 thousandths that is the shortest text
    /// reading back as the same double, which is what `Double.description` gives.)
    mutating func thousandths(_ value: Int) {
        guard value.magnitude < 1_000_000_000_000 else { return number(Double(value) / 1000) }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let whole = Int(value.magnitude / 1000)
        var fraction = Int(value.magnitude % 1000)
        integer(whole)
        guard fraction > 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var divisor = 100
        while fraction > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    /// Shortest form that reads back as the same double; whole numbers without a fraction.
    mutating func number(_ value: Double) {
        if value == value.rounded(), abs(value) < 1e15 {
            raw(String(Int(value)))
        } else {
            raw("\(value)")
        }
    }
}
