import Foundation

/// How every JSON file the build writes (the search index, match.json, the open data) spells
/// a string: `"`, `\` and control characters escaped, and `<` as `\u003c` so that no
/// `</script>` can appear if the JSON is ever inlined in a page. Runs that need no escape are
/// copied whole.
enum JSONString {
    static func append<Bytes: RangeReplaceableCollection>(_ text: String, to bytes: inout Bytes) where Bytes.Element == UInt8 {
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
                case 34: bytes.append(contentsOf: [92, 34])
                case 92: bytes.append(contentsOf: [92, 92])
                case 10: bytes.append(contentsOf: [92, 110])
                case 13: bytes.append(contentsOf: [92, 114])
                case 9: bytes.append(contentsOf: [92, 116])
                case 60: bytes.append(contentsOf: "\\u003c".utf8)
                default: bytes.append(contentsOf: String(format: "\\u%04x", byte).utf8)
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
            bytes.append(34)
        }
    }
}
