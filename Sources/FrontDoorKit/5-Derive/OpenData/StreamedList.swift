import Foundation

/// A JSON file around one long array (every organisation, every service), made as pieces
/// (`OutputFile.Piece`): the text before the array, its items a batch at a time, and the
/// text after it. At 100,000 profiles `directory.json` alone is a quarter of a gigabyte;
/// made whole, it was held twice over (its items, then the file).
struct StreamedList {
    let path: String
    private(set) var count = 0

    init(path: String) { self.path = path }

    /// Stands where the array goes in a document given to `split`. A raw NUL byte cannot be
    /// anywhere else in written JSON, where strings escape it.
    static let placeholder = OpenDataJSON.encoded([0])

    /// The document's bytes before and after its one `placeholder`.
    static func split(_ document: OpenDataJSON) -> (before: Data, after: Data) {
        let bytes = document.data
        guard let at = bytes.firstIndex(of: 0) else { return (bytes, Data()) }
        return (bytes[..<at], bytes[(at + 1)...])
    }

    func start(_ before: Data) -> OutputFile {
        OutputFile(path: path, data: before + Data("[".utf8), piece: .first)
    }

    /// The next items, already written (`OpenDataJSON.encoded()`), with the commas between.
    mutating func add(_ items: [OpenDataJSON]) -> OutputFile {
        var json = OpenDataWriter(capacity: items.reduce(0) { $0 + $1.sizeEstimate + 1 })
        for item in items {
            if count > 0 { json.byte(UInt8(ascii: ",")) }
            item.write(into: &json)
            count += 1
        }
        return OutputFile(path: path, data: json.data(), piece: .next)
    }

    func end(_ after: Data) -> OutputFile {
        OutputFile(path: path, data: Data("]".utf8) + after, piece: .last)
    }
}
