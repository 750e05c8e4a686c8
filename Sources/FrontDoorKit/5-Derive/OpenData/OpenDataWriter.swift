import Foundation

/// The bytes of an `OpenDataJSON` value as they are written, strings as every JSON file of
/// the build spells them (`JSONString`). Written into an array, not `Data`: each append to
/// `Data` goes through its representation's slow path, which made string escaping a quarter
/// of the open data's time; the finished bytes become `Data` once (`data`).
struct OpenDataWriter {
    private(set) var bytes: [UInt8]

    init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The bytes as the files are written; the array is let go once copied.
    consuming func data() -> Data { Data(bytes) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ more: [UInt8]) { bytes.append(contentsOf: more) }

    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func string(_ text: String) { JSONString.append(text, to: &bytes) }
}
