import Foundation

/// Turns text into search terms. The same steps run when the index is built, when
/// `frontdoor search` runs a query, and in the browser (`search-core.js`); the stop words
/// and spelling variants travel inside the index, so there is one source for them.
public struct TextAnalyzer: Sendable {
    public static let defaultStopWords: [String] = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "into", "is", "it",
        "its", "of", "on", "or", "our", "that", "the", "their", "this", "to", "was", "we", "were", "which", "with",
    ]

    /// British fragment -> American fragment, applied in order inside every token.
    public static let defaultVariants: [[String]] = [
        ["orthopaed", "orthoped"], ["encyclopaed", "encycloped"], ["paed", "ped"], ["gynaec", "gynec"],
        ["anaem", "anem"], ["anaes", "anes"], ["leukaem", "leukem"], ["ischaem", "ischem"], ["haem", "hem"],
        ["oesoph", "esoph"], ["oestr", "estr"], ["foet", "fet"], ["diarrhoe", "diarrhe"], ["dyspnoe", "dyspne"],
        ["apnoe", "apne"], ["oedem", "edem"], ["coeliac", "celiac"], ["caesar", "cesar"],
        ["tumour", "tumor"], ["behaviour", "behavior"], ["colour", "color"], ["labour", "labor"], ["favour", "favor"],
        ["honour", "honor"], ["centre", "center"], ["programme", "program"], ["licence", "license"],
        ["defence", "defense"], ["offence", "offense"], ["practise", "practice"], ["analys", "analyz"],
        ["catalogue", "catalog"], ["dialogue", "dialog"], ["ageing", "aging"], ["grey", "gray"], ["mould", "mold"],
        ["fibre", "fiber"], ["litre", "liter"], ["metre", "meter"], ["travell", "travel"], ["modell", "model"],
        ["labell", "label"], ["cancell", "cancel"],
    ]
    static let izSuffixes = ["isations", "isation", "ising", "ised", "ises", "ise"]

    public var stopWords: Set<String>
    public var variants: [[String]]

    public init(stopWords: [String] = TextAnalyzer.defaultStopWords, variants: [[String]] = TextAnalyzer.defaultVariants) {
        self.stopWords = Set(stopWords)
        self.variants = variants
    }

    /// NFKD, non-spacing marks removed, lowercase: "Nāri" -> "nari".
    public func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            scalars.append(scalar)
        }
        return String(scalars).lowercased()
    }

    /// Runs of letters and digits in folded text, apostrophes removed first.
    public func tokens(_ text: String) -> [String] {
        Self.asciiTokens(text) ?? Self.unicodeTokens(self, text)
    }

    static func unicodeTokens(_ analyzer: TextAnalyzer, _ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in analyzer.fold(text).unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}" { continue }
            if Self.isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    /// The same tokens for plain ASCII text (most of any English corpus), without the
    /// Unicode normalisation: folding ASCII is lowercasing, and its word characters are
    /// exactly the letters and digits. Nil when the text has any other character.
    static func asciiTokens(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var tokens: [String] = []
            var current: [UInt8] = []
            current.reserveCapacity(32)
            for byte in bytes {
                switch byte {
                case 0x80...: return nil
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    current.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    current.append(byte + 32)
                case UInt8(ascii: "'"):
                    continue
                default:
                    if !current.isEmpty {
                        tokens.append(String(decoding: current, as: UTF8.self))
                        current.removeAll(keepingCapacity: true)
                    }
                }
            }
            if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
            return tokens
        }
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// British spellings to American ones, so either finds both.
    public func normalizeSpelling(_ token: String) -> String {
        // Most tokens hold no variant and no -ise ending: checked once over the token's bytes
        // rather than with a search per variant, as the index builder respells every distinct
        // token of the corpus.
        if !mayNeedRespelling(token) { return token }
        var word = token
        for pair in variants where Self.contains(word, pair[0]) {
            word = word.replacingOccurrences(of: pair[0], with: pair[1])
        }
        for suffix in Self.izSuffixes where word.hasSuffix(suffix) {
            let stemLength = word.utf16.count - suffix.utf16.count
            if stemLength >= 3 {
                word = String(word.dropLast(suffix.count)) + "iz" + suffix.dropFirst(2)
            }
            break
        }
        return word
    }

    /// False only when `token` is ASCII, holds none of the variants' British fragments and
    /// does not end in an -ise suffix: then `normalizeSpelling` leaves it as it is.
    func mayNeedRespelling(_ token: String) -> Bool {
        var token = token
        return token.withUTF8 { bytes -> Bool in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return true }
            for pair in variants {
                let fragment = pair[0].utf8
                guard let first = fragment.first, fragment.count <= bytes.count else { continue }
                var start = 0
                while start + fragment.count <= bytes.count {
                    if bytes[start] == first, fragment.elementsEqual(bytes[start..<start + fragment.count]) { return true }
                    start += 1
                }
            }
            return Self.izSuffixes.contains { suffix in
                suffix.utf8.count <= bytes.count && suffix.utf8.elementsEqual(bytes[(bytes.count - suffix.utf8.count)...])
            }
        }
    }

    /// Whether `part` occurs in `word`. Compared as bytes when both are ASCII, where bytes and
    /// Characters agree: Foundation's search was a tenth of building the index.
    static func contains(_ word: String, _ part: String) -> Bool {
        let bytes = word.utf8, needle = part.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }), needle.allSatisfy({ $0 < 0x80 }) else { return word.contains(part) }
        guard let first = needle.first else { return false }  // as Foundation answers for ""
        var start = bytes.startIndex
        while let found = bytes[start...].firstIndex(of: first) {
            if bytes[found...].starts(with: needle) { return true }
            start = bytes.index(after: found)
        }
        return false
    }

    /// A query or text as terms, each with the unstemmed (but folded and respelled) token.
    public func analyze(_ text: String) -> [(token: String, term: String)] {
        tokens(text).compactMap { token in
            guard !stopWords.contains(token) else { return nil }
            let respelled = normalizeSpelling(token)
            return (respelled, Porter2Stemmer.stem(respelled))
        }
    }

    public func terms(_ text: String) -> [String] {
        analyze(text).map(\.term)
    }

    /// `terms(_:)` with each distinct token respelled and stemmed once: a corpus repeats
    /// its words, so the index builder keeps one cache for all documents.
    public func terms(_ text: String, cache: inout [String: String]) -> [String] {
        tokens(text).compactMap { token in
            if let term = cache[token] { return term.isEmpty ? nil : term }
            let term = stopWords.contains(token) ? "" : Porter2Stemmer.stem(normalizeSpelling(token))
            cache[token] = term
            return term.isEmpty ? nil : term
        }
    }
}
