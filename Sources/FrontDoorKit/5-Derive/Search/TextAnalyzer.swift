import Foundation

/// Turns text into search terms. The same steps run when the index is built and when a
/// query is run, so a word is always reduced the same way.
public struct TextAnalyzer: Sendable {
    public static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it",
        "of", "on", "or", "the", "to", "with", "its", "our", "we", "this", "that", "their",
    ]

    public init() {}

    /// Case and accent folding: "Nāri" -> "nari".
    public func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_GB"))
    }

    /// Words of letters and digits; apostrophes vanish so "women's" is "womens".
    public func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in fold(text).unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Search terms: folded words, stop words removed, a light English stem.
    public func terms(_ text: String) -> [String] {
        words(text).filter { !Self.stopWords.contains($0) }.map(stem)
    }

    /// A light suffix stem so "trials" and "trial", "womens" and "women" meet.
    public func stem(_ word: String) -> String {
        guard word.count > 3, word.allSatisfy({ $0.isLetter }) else { return word }
        for (suffix, replacement) in [("ies", "y"), ("sses", "ss"), ("s", "")] where word.hasSuffix(suffix) {
            if suffix == "s" && (word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is")) { return word }
            return String(word.dropLast(suffix.count)) + replacement
        }
        return word
    }
}
