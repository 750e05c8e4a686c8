/// The Flesch reading-ease score of English text:
/// 206.835 − 1.015 × (words per sentence) − 84.6 × (syllables per word).
/// 60–70 is plain English; below 30 is "very difficult", read best by university graduates.
///
/// Syllables are counted by a vowel-group rule (with silent final `e`, `-es` and `-ed`), the
/// usual approximation; it is right for most words and close for the rest.
public struct ReadingEase: Sendable, Equatable {
    public var score: Double
    public var words: Int
    public var sentences: Int
    /// The longest words (four syllables or more), longest first: what an editor might replace.
    public var longWords: [String]

    public init?(_ text: String) {
        var words: [Substring] = []
        var sentences = 0
        var inSentence = false
        var wordStart: String.Index?
        for index in text.indices {
            let character = text[index]
            let isWordCharacter = character.isLetter || character.isNumber || ((character == "'" || character == "’" || character == "-") && wordStart != nil)
            if isWordCharacter {
                if wordStart == nil { wordStart = index }
                inSentence = true
            } else {
                if let start = wordStart { words.append(text[start..<index]); wordStart = nil }
                if character == "." || character == "!" || character == "?" {
                    if inSentence { sentences += 1 }
                    inSentence = false
                }
            }
        }
        if let start = wordStart { words.append(text[start...]) }
        if inSentence { sentences += 1 }
        let counted = words.filter { $0.contains(where: \.isLetter) }
        guard !counted.isEmpty else { return nil }
        let syllables = counted.map { Self.syllables(in: $0) }
        self.words = counted.count
        self.sentences = max(1, sentences)
        score = 206.835 - 1.015 * Double(counted.count) / Double(self.sentences)
            - 84.6 * Double(syllables.reduce(0, +)) / Double(counted.count)
        var long: [(String, Int)] = []
        for (word, count) in zip(counted, syllables) where count >= 4 && !long.contains(where: { $0.0 == String(word) }) {
            long.append((String(word), count))
        }
        longWords = long.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(3).map(\.0)
    }

    static func syllables(in word: Substring) -> Int {
        var letters = Array(word.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic }.map(Character.init))
        guard letters.count > 3 else { return 1 }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        let softens: Set<Character> = vowels.union(["l"])
        // Silent endings: "-es" and "-e" after a consonant other than l ("makes", "make", but
        // "table"), and "-ed" ("walked").
        let count = letters.count
        if letters[count - 2] == "e", letters[count - 1] == "s", !softens.contains(letters[count - 3]) {
            letters.removeLast(2)
        } else if letters[count - 2] == "e", letters[count - 1] == "d" {
            letters.removeLast(2)
        } else if letters[count - 1] == "e", !softens.contains(letters[count - 2]) {
            letters.removeLast()
        }
        if letters.first == "y" { letters.removeFirst() }
        // Each run of vowels counts one syllable per two letters ("ea" one, "iou" two).
        var syllables = 0
        var run = 0
        for letter in letters + [" "] {
            if vowels.contains(letter) {
                run += 1
            } else {
                syllables += (run + 1) / 2
                run = 0
            }
        }
        return max(1, syllables)
    }
}

/// Warns when a summary is hard to read. The directory's readers range widely in health and
/// digital literacy, and the summary is what every card and search result shows.
public struct ReadabilityCheck: Sendable {
    /// Scores below this warn: the bottom of Flesch's "difficult" band.
    public static let minimumScore = 30.0
    /// Shorter summaries are not judged: the score is unreliable on a handful of words.
    public static let minimumWords = 15

    public init() {}

    public func check(_ profiles: [Profile]) -> [Diagnostic] {
        profiles.compactMap { profile in
            guard let ease = ReadingEase(profile.summary), ease.words >= Self.minimumWords,
                  ease.score < Self.minimumScore else { return nil }
            var hint = "aim for \(Int(Self.minimumScore)) or more: shorter sentences and everyday words"
            if !ease.longWords.isEmpty {
                hint += "; long words: " + ease.longWords.joined(separator: ", ")
            }
            let perSentence = Int((Double(ease.words) / Double(ease.sentences)).rounded())
            return Diagnostic(path: profile.sourcePath, at: profile.summaryPosition, .warning, .hardToRead,
                              "summary is hard to read (Flesch reading ease \(Int(ease.score.rounded())), \(perSentence) words a sentence)",
                              hint: hint)
        }
    }
}
