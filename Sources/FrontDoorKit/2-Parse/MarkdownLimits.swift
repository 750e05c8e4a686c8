/// Bounds on a Markdown body, checked before cmark-gfm sees it.
///
/// Debian's cmark-gfm (0.29.0.gfm.6) takes time quadratic in some counts: nested link and
/// image brackets (`![[]()` repeated: 100,000 of them take ~45 s) and table-like lines
/// in one paragraph (`|` then `|-|`, repeated: 500 KB ran for minutes). Later upstream releases bound
/// these; until the distribution ships one, counting the two characters bounds the worst case
/// at a few tenths of a second, far above any real profile (a 10-column table of 400 rows has 4,400 `|`).
public enum MarkdownLimits {
    /// `[` characters in one body: every link and image has one.
    public static let maxBrackets = 10_000
    /// `|` characters in one body: table cell borders. Lower than the bracket limit: the table
    /// case costs more per character (8,000 `|` took 0.7 s; scripts/fuzz found it).
    public static let maxPipes = 5_000

    public struct Exceeded: Error, Equatable {
        /// Line within the body (1 = the body's first line) of the first character over the limit.
        public var line: Int
        public var message: String
    }

    public static func check(_ body: String) throws(Exceeded) {
        var brackets = 0, pipes = 0, line = 1
        for byte in body.utf8 {
            switch byte {
            case UInt8(ascii: "\n"): line += 1
            case UInt8(ascii: "["):
                brackets += 1
                if brackets > maxBrackets {
                    throw Exceeded(line: line, message: "the body has more than \(maxBrackets) `[` (links and images)")
                }
            case UInt8(ascii: "|"):
                pipes += 1
                if pipes > maxPipes {
                    throw Exceeded(line: line, message: "the body has more than \(maxPipes) `|` (table cells)")
                }
            default: continue
            }
        }
    }
}
