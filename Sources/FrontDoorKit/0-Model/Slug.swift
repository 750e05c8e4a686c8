import Foundation

/// The rules for slugs: file names, references and URL segments.
public enum Slug {
    public static let maxLength = 80

    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= maxLength else { return false }
        var previousWasHyphen = true  // a leading hyphen is invalid
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": previousWasHyphen = false
            case "-":
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default: return false
            }
        }
        return !previousWasHyphen
    }

    /// A valid slug made from a title: "Nāri Health Ltd." -> "nari-health-ltd".
    static let latinLetters: [Unicode.Scalar: String] = [
        "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ð": "d", "đ": "d", "þ": "th", "ł": "l", "ı": "i", "ħ": "h",
    ]

    public static func make(from title: String) -> String {
        let words = asciiWords(title) ?? words(title)
        var slug = ""
        for word in words {
            let next = slug.isEmpty ? word : slug + "-" + word
            if next.count > maxLength { break }
            slug = next
        }
        return slug
    }

    /// The words of a plain-ASCII title, as `words` finds them, without Foundation's locale
    /// folding (a slug is made for every heading of every body). Nil for any other title.
    static func asciiWords(_ title: String) -> [String]? {
        var words: [String] = []
        var current: [UInt8] = []
        func endWord() {
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in title.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte | 0x20)
            case UInt8(ascii: "'"): continue
            case UInt8(ascii: "&"):
                endWord()
                words.append("and")
            case 0x80...: return nil
            default: endWord()
            }
        }
        endWord()
        return words
    }

    static func words(_ title: String) -> [String] {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_GB"))
            .replacingOccurrences(of: "&", with: " and ")
            .replacingOccurrences(of: "'", with: "")
            .replacingOccurrences(of: "\u{2019}", with: "")
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if let spelled = Self.latinLetters[scalar] {
                // Letters that do not decompose into a base letter and a mark (Ørsted, Łódź, Straße).
                current += spelled
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
