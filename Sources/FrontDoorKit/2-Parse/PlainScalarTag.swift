import Yams

/// The type Yams's default resolver gives a plain (unquoted, untagged) scalar: `bool`,
/// `int`, `float`, `null`, `timestamp`, `merge`, `value` or `str`.
///
/// Why not let Yams resolve: it tries seven ICU regular expressions on every scalar, and
/// most front matter scalars are text that fails all seven, which made resolution the
/// larger part of parsing. Every one of those patterns can only match a text that is
/// empty, is at most 5 bytes long and starts with a letter of a bool or null word, or
/// starts with one of `-+.0123456789~<=`. Anything else is `str` without a regex; the
/// rest still goes through Yams's own rules, so the answer is always the one Yams gives.
enum PlainScalarTag {
    static func of(_ text: String) -> String {
        guard mightNotBeText(text) else { return "str" }
        if let common = commonNonText(text) { return common }
        return shortName(Resolver.default.resolveTag(of: .scalar(.init(text))).rawValue)
    }

    /// The two typed values nearly every profile has, without a regex: a year such as
    /// `founded: 1995` (digits not led by a 0, which only the `int` rule can match first:
    /// `bool` never matches a digit) and a date such as `updated: 2026-04-12` (no rule before
    /// `timestamp` admits a `-` after the first byte). Nil for anything else.
    private static func commonNonText(_ text: String) -> String? {
        let utf8 = text.utf8
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        if !utf8.isEmpty, utf8.allSatisfy(isDigit) {
            return utf8.count == 1 || utf8.first != UInt8(ascii: "0") ? "int" : nil
        }
        if utf8.count == 10 {
            for (index, byte) in utf8.enumerated() {
                guard index == 4 || index == 7 ? byte == UInt8(ascii: "-") : isDigit(byte) else { return nil }
            }
            return "timestamp"
        }
        return nil
    }

    /// `tag:yaml.org,2002:int` -> `int`: the last part of a tag, as `YAMLValue` keeps it.
    static func shortName(_ tag: String) -> String {
        String(tag.split(separator: ":").last ?? "str")
    }

    /// False only when no rule of `Resolver.default` can match. Bytes, not Characters:
    /// the patterns are ASCII and a combining mark after a digit must not hide the digit.
    private static func mightNotBeText(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return true }  // "" is null
        // ICU's `$` also matches before a line end that closes the text. libyaml never ends
        // a plain scalar with one, but should it, the regexes decide.
        switch last {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA8, 0xA9: return true  // \n VT FF \r, NEL, LS/PS's last byte
        default: break
        }
        switch first {
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "="):
            return true
        // yes no true false on off (bool) and null, in their lower, title and upper cases.
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"),
             UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            return utf8.count <= 5
        default:
            return false
        }
    }
}
