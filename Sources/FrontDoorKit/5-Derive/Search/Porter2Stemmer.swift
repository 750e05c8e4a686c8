/// The English (Porter2) Snowball stemmer, https://snowballstem.org/algorithms/english/stemmer.html.
/// `templates/assets/search-core.js` has the same algorithm step for step; the parity tests
/// keep the two in agreement.
public enum Porter2Stemmer {
    static let exceptions: [String: String] = [
        "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
        "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli", "singly": "singl",
        "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
    ]
    static let stopAfterStep1a: Set<String> = ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"]

    static let step2: [(String, String)] = [
        ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"),
        ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"),
        ("entli", "ent"), ("ation", "ate"), ("alism", "al"), ("aliti", "al"), ("ousli", "ous"), ("iviti", "ive"), ("fulli", "ful"),
        ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("izer", "ize"), ("ator", "ate"), ("alli", "al"),
        ("bli", "ble"), ("ogi", "og"), ("li", ""),
    ]
    static let step3: [(String, String)] = [
        ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ative", ""),
        ("ical", "ic"), ("ness", ""), ("ful", ""),
    ]
    static let step4 = ["ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "al", "er", "ic"]

    /// Stems a lowercase word of the letters a-z; anything else comes back unchanged.
    public static func stem(_ input: String) -> String {
        guard input.count > 2, input.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return input }
        if let exception = exceptions[input] { return exception }
        var w = Array(input.utf8)
        // Y marks a y that acts as a consonant.
        if w[0] == y { w[0] = Y }
        for i in 1..<w.count where w[i] == y && isVowel(w[i - 1]) { w[i] = Y }
        let (r1, r2) = regions(w)

        // Step 1a
        if ends(w, "sses") { w.removeLast(2) }
        else if ends(w, "ied") || ends(w, "ies") { w.removeLast(w.count > 4 ? 2 : 1) }
        else if ends(w, "us") || ends(w, "ss") { }
        else if ends(w, "s"), w.count >= 2, w[0..<(w.count - 2)].contains(where: isVowel) { w.removeLast() }

        if stopAfterStep1a.contains(String(decoding: w, as: UTF8.self)) { return String(decoding: w, as: UTF8.self) }

        // Step 1b
        if let suffix = longest(w, ["eedly", "eed"]) {
            if w.count - suffix.count >= r1 { w.removeLast(suffix.count); w += Array("ee".utf8) }
        } else if let suffix = longest(w, ["ingly", "edly", "ing", "ed"]) {
            let stem = w.dropLast(suffix.count)
            if stem.contains(where: isVowel) {
                w = Array(stem)
                if ends(w, "at") || ends(w, "bl") || ends(w, "iz") { w.append(e) }
                else if endsWithDouble(w) { w.removeLast() }
                else if isShort(w, r1: r1) { w.append(e) }
            }
        }

        // Step 1c
        if w.count > 2, w.last == y || w.last == Y, !isVowel(w[w.count - 2]) { w[w.count - 1] = i }

        // Step 2
        if let (suffix, replacement) = step2.first(where: { ends(w, $0.0) }) {
            if w.count - suffix.utf8.count >= r1 {
                let before = w.count - suffix.utf8.count
                if suffix == "ogi" {
                    if before > 0, w[before - 1] == l { replace(&w, suffix, replacement) }
                } else if suffix == "li" {
                    if before > 0, "cdeghkmnrt".utf8.contains(w[before - 1]) { w.removeLast(2) }
                } else {
                    replace(&w, suffix, replacement)
                }
            }
        }

        // Step 3
        if let (suffix, replacement) = step3.first(where: { ends(w, $0.0) }) {
            let before = w.count - suffix.utf8.count
            if before >= r1 {
                if suffix == "ative" {
                    if before >= r2 { w.removeLast(suffix.utf8.count) }
                } else {
                    replace(&w, suffix, replacement)
                }
            }
        }

        // Step 4
        if let suffix = step4.first(where: { ends(w, $0) }) {
            let before = w.count - suffix.utf8.count
            if before >= r2 {
                if suffix == "ion" {
                    if before > 0, w[before - 1] == s || w[before - 1] == t { w.removeLast(3) }
                } else {
                    w.removeLast(suffix.utf8.count)
                }
            }
        }

        // Step 5
        if w.last == e {
            let before = w.count - 1
            if before >= r2 || (before >= r1 && !endsInShortSyllable(Array(w[0..<before]))) { w.removeLast() }
        } else if w.last == l, w.count - 1 >= r2, w.count >= 2, w[w.count - 2] == l {
            w.removeLast()
        }

        return String(decoding: w.map { $0 == Y ? y : $0 }, as: UTF8.self)
    }

    private static let (a, e, i, l, o, s, t, u, w_, x, y, Y): (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
        (97, 101, 105, 108, 111, 115, 116, 117, 119, 120, 121, 89)

    static func isVowel(_ c: UInt8) -> Bool {
        c == a || c == e || c == i || c == o || c == u || c == y
    }

    /// R1 and R2 as start offsets (the word's length when empty).
    static func regions(_ w: [UInt8]) -> (Int, Int) {
        var r1 = w.count
        let text = String(decoding: w, as: UTF8.self)
        if let prefix = ["gener", "commun", "arsen"].first(where: { text.hasPrefix($0) }) {
            r1 = prefix.count
        } else {
            r1 = regionStart(w, from: 0)
        }
        return (r1, regionStart(w, from: r1))
    }

    /// The position after the first non-vowel that follows a vowel, at or after `from`.
    static func regionStart(_ w: [UInt8], from: Int) -> Int {
        var index = from + 1
        while index < w.count {
            if !isVowel(w[index]) && isVowel(w[index - 1]) { return index + 1 }
            index += 1
        }
        return w.count
    }

    static func endsInShortSyllable(_ w: [UInt8]) -> Bool {
        let n = w.count
        if n == 2 { return isVowel(w[0]) && !isVowel(w[1]) }
        if n >= 3 {
            return !isVowel(w[n - 3]) && isVowel(w[n - 2]) && !isVowel(w[n - 1]) && w[n - 1] != w_ && w[n - 1] != x && w[n - 1] != Y
        }
        return false
    }

    static func isShort(_ w: [UInt8], r1: Int) -> Bool {
        r1 >= w.count && endsInShortSyllable(w)
    }

    static func endsWithDouble(_ w: [UInt8]) -> Bool {
        guard w.count >= 2, w[w.count - 1] == w[w.count - 2] else { return false }
        return "bdfgmnprt".utf8.contains(w[w.count - 1])
    }

    static func ends(_ w: [UInt8], _ suffix: String) -> Bool {
        var suffix = suffix
        return suffix.withUTF8 { tail in
            guard w.count >= tail.count else { return false }
            let offset = w.count - tail.count
            for index in 0..<tail.count where w[offset + index] != tail[index] { return false }
            return true
        }
    }

    static func longest(_ w: [UInt8], _ suffixes: [String]) -> String? {
        suffixes.first { ends(w, $0) }
    }

    static func replace(_ w: inout [UInt8], _ suffix: String, _ replacement: String) {
        w.removeLast(suffix.utf8.count)
        w += Array(replacement.utf8)
    }
}
