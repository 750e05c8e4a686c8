import Foundation

/// Finds the `href` and `src` attribute values of a page in one forward pass over its
/// bytes: no regular expression, no DOM. It tokenises just enough HTML to be right about
/// what a browser would see as those attributes:
///
/// - only inside start tags (`<a ...>`), with either quote style or none; names are matched
///   whole and case-insensitively, so `data-href`, `xlink:href` and `srcset` do not count;
/// - comments, doctypes, end tags and the contents of `<script>` and `<style>` are skipped;
/// - values are entity-decoded (`&amp;`, `&quot;`, `&#39;`, `&#x2F;`...).
enum HTMLLinkScanner {
    /// Calls `visit` with the raw bytes of each `href`/`src` value, in document order, and
    /// whether they hold a `&` (so may need entity decoding).
    static func scan(_ html: UnsafeRawBufferPointer, _ visit: (UnsafeRawBufferPointer, _ hasEntity: Bool) -> Void) {
        guard let base = html.baseAddress, !html.isEmpty else { return }
        let count = html.count
        var index = 0

        @inline(__always) func byte(_ position: Int) -> UInt8 { html[position] }
        @inline(__always) func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
        }
        /// The position of the next `target` at or after `from`, or `count`.
        @inline(__always) func next(_ target: UInt8, from: Int) -> Int {
            guard from < count, let found = memchr(base + from, Int32(target), count - from) else { return count }
            return base.distance(to: UnsafeRawPointer(found))
        }
        /// The position just after the next `-->`, or `count`.
        func afterComment(from: Int) -> Int {
            var position = from
            while true {
                position = next(UInt8(ascii: ">"), from: position)
                if position >= count { return count }
                if position >= from + 2, byte(position - 1) == UInt8(ascii: "-"), byte(position - 2) == UInt8(ascii: "-") { return position + 1 }
                position += 1
            }
        }
        /// The position of the `<` of the end tag `</name`, or `count`.
        func endTag(_ name: [UInt8], from: Int) -> Int {
            var position = from
            while true {
                position = next(UInt8(ascii: "<"), from: position)
                if position + 1 + name.count >= count { return count }
                if byte(position + 1) == UInt8(ascii: "/") {
                    var matches = true
                    for (offset, letter) in name.enumerated() where byte(position + 2 + offset) | 0x20 != letter {
                        matches = false
                        break
                    }
                    if matches { return position }
                }
                position += 1
            }
        }
        /// Whether bytes `start..<end` spell `word` (lowercase ASCII), ignoring case.
        @inline(__always) func named(_ start: Int, _ end: Int, _ word: StaticString) -> Bool {
            guard end - start == word.utf8CodeUnitCount else { return false }
            let letters = word.utf8Start
            for offset in 0..<(end - start) where byte(start + offset) | 0x20 != letters[offset] { return false }
            return true
        }

        while index < count {
            index = next(UInt8(ascii: "<"), from: index)
            guard index + 1 < count else { return }
            let first = byte(index + 1)
            if first == UInt8(ascii: "!") {
                if index + 3 < count, byte(index + 2) == UInt8(ascii: "-"), byte(index + 3) == UInt8(ascii: "-") {
                    index = afterComment(from: index + 4)
                } else {
                    index = next(UInt8(ascii: ">"), from: index + 2) + 1
                }
                continue
            }
            if first == UInt8(ascii: "/") || first == UInt8(ascii: "?") {
                index = next(UInt8(ascii: ">"), from: index + 2) + 1
                continue
            }
            guard (first | 0x20) >= UInt8(ascii: "a") && (first | 0x20) <= UInt8(ascii: "z") else {
                index += 1  // a `<` that starts no tag is text
                continue
            }

            // A start tag: its name, then its attributes up to `>`.
            var position = index + 1
            while position < count, !isSpace(byte(position)), byte(position) != UInt8(ascii: ">"), byte(position) != UInt8(ascii: "/") {
                position += 1
            }
            let rawText: [UInt8]? = named(index + 1, position, "script") ? Array("script".utf8)
                : named(index + 1, position, "style") ? Array("style".utf8) : nil
            while position < count {
                while position < count, isSpace(byte(position)) || byte(position) == UInt8(ascii: "/") { position += 1 }
                guard position < count, byte(position) != UInt8(ascii: ">") else { break }
                let nameStart = position
                position += 1  // a name may start with `=`
                while position < count {
                    let current = byte(position)
                    if isSpace(current) || current == UInt8(ascii: "=") || current == UInt8(ascii: ">") || current == UInt8(ascii: "/") { break }
                    position += 1
                }
                let nameEnd = position
                while position < count, isSpace(byte(position)) { position += 1 }
                guard position < count, byte(position) == UInt8(ascii: "=") else { continue }
                position += 1
                while position < count, isSpace(byte(position)) { position += 1 }
                guard position < count else { break }
                let valueStart: Int, valueEnd: Int
                let quote = byte(position)
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    valueStart = position + 1
                    valueEnd = next(quote, from: valueStart)
                    position = min(count, valueEnd + 1)
                } else {
                    valueStart = position
                    while position < count, !isSpace(byte(position)), byte(position) != UInt8(ascii: ">") { position += 1 }
                    valueEnd = position
                }
                if named(nameStart, nameEnd, "href") || named(nameStart, nameEnd, "src") {
                    let value = UnsafeRawBufferPointer(rebasing: html[valueStart..<valueEnd])
                    visit(value, value.contains(UInt8(ascii: "&")))
                }
            }
            index = position + 1
            if let rawText { index = endTag(rawText, from: index) }
        }
    }

    /// The values as strings, entity-decoded.
    static func links(in html: UnsafeRawBufferPointer) -> [String] {
        var links: [String] = []
        scan(html) { value, hasEntity in links.append(string(value, hasEntity: hasEntity)) }
        return links
    }

    @inline(__always) static func string(_ value: UnsafeRawBufferPointer, hasEntity: Bool) -> String {
        let text = String(decoding: value, as: UTF8.self)
        return hasEntity ? decodeEntities(text) : text
    }

    /// Character references in an attribute value: numeric ones, and the named ones a URL
    /// may hold. A name without `;` is decoded only for the legacy `amp`, `lt`, `gt` and
    /// `quot`, and not before a letter, digit or `=`, as HTML does in attributes.
    static func decodeEntities(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            var replacement: String?
            var consumed = 0
            if after.first == "#" {
                let isHex = after.dropFirst().first.map { $0 == "x" || $0 == "X" } ?? false
                let digits = after.dropFirst(isHex ? 2 : 1).prefix { isHex ? $0.isHexDigit : ($0.isASCII && $0.isNumber) }
                if !digits.isEmpty, let value = UInt32(digits, radix: isHex ? 16 : 10) {
                    replacement = String(Unicode.Scalar(value == 0 ? 0xFFFD : value) ?? "\u{FFFD}")
                    consumed = (isHex ? 2 : 1) + digits.count
                    if after.dropFirst(consumed).first == ";" { consumed += 1 }
                }
            } else {
                let name = after.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
                if after.dropFirst(name.count).first == ";", let value = namedReferences[String(name)] {
                    replacement = value
                    consumed = name.count + 1
                } else if let value = legacyReferences[String(name)] {
                    let following = after.dropFirst(name.count).first
                    if following != "=" {
                        replacement = value
                        consumed = name.count
                    }
                }
            }
            if let replacement {
                output += replacement
                rest = after.dropFirst(consumed)
            } else {
                output += "&"
                rest = after
            }
        }
        return output + rest
    }

    private static let legacyReferences: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\""]
    private static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "sol": "/", "quest": "?",
        "num": "#", "equals": "=", "percnt": "%", "period": ".", "comma": ",", "semi": ";", "lpar": "(", "rpar": ")",
        "tab": "\t", "newline": "\n", "nbsp": "\u{A0}", "plus": "+", "commat": "@", "dollar": "$", "excl": "!",
        "ast": "*", "lowbar": "_", "hyphen": "-", "tilde": "~",
    ]
}
