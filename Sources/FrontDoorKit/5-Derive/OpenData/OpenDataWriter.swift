import Foundation

/// The bytes of an `OpenDataJSON` value as they are written: strings escaped as the search
/// index escapes them (`JSONText`: `"`, `\`, control characters, and `<` so that no
/// `</script>` can appear), with runs that need no escape copied whole. The bytes are kept
/// as `Data`, the type files are written from, so a large file (`directory.json`) is never
/// held twice.
struct OpenDataWriter {
    private(set) var bytes: Data

    init(capacity: Int = 1024) { bytes = Data(capacity: capacity) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ more: [UInt8]) { bytes.append(contentsOf: more) }

    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            bytes.append(34)
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 32 || byte == 34 || byte == 92 || byte == 60 else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                switch byte {
                case 34: bytes += [92, 34]
                case 92: bytes += [92, 92]
                case 10: bytes += [92, 110]
                case 13: bytes += [92, 114]
                case 9: bytes += [92, 116]
                case 60: bytes.append(contentsOf: "\\u003c".utf8)
                default: bytes.append(contentsOf: String(format: "\\u%04x", byte).utf8)
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
            bytes.append(34)
        }
    }
}
