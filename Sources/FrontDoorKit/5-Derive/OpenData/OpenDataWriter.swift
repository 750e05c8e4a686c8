import Foundation

/// The bytes of an `OpenDataJSON` value as they are written, strings as every JSON file of
/// the build spells them (`JSONString`). The bytes are kept as `Data`, the type files are
/// written from, so a large file (`directory.json`) is never held twice.
struct OpenDataWriter {
    private(set) var bytes: Data

    init(capacity: Int = 1024) { bytes = Data(capacity: capacity) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ more: [UInt8]) { bytes.append(contentsOf: more) }

    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func string(_ text: String) { JSONString.append(text, to: &bytes) }
}
