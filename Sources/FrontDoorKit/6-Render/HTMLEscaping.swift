import Mustache

/// The HTML escaping of `{{value}}`, as swift-mustache's own (`<`, `>`, `&`, `"`, `'`), done
/// on UTF-8 bytes instead of Characters, and skipped when there is nothing to escape. Escaping
/// was an eighth of a 10,000-profile build's time.
struct HTMLEscaping: MustacheContentType {
    static let name = "FRONTDOOR_HTML"
    /// Every template starts with this pragma: swift-mustache resets the content type at each
    /// partial (and the layout is one), so a pragma on the page alone covers only the page.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}"

    /// Registered once, before the first template that names it is parsed.
    static let registered: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        func isSpecial(_ byte: UInt8) -> Bool { byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27 }
        // Over the contiguous bytes when the string has them (native strings do), rather
        // than index by index through the UTF-8 view: this runs for every value on every page.
        let hasSpecial = utf8.withContiguousStorageIfAvailable { $0.contains(where: isSpecial) } ?? utf8.contains(where: isSpecial)
        guard hasSpecial else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x27: bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
