/// A node's visible name, wrapped to short lines so long titles stay readable beside the
/// picture instead of running off it. The full title is always in the node's `<title>` and
/// in the text list, so a shortened label loses nothing.
enum NetworkLabel {
    static let maxLineLength = 24
    static let maxLines = 3

    /// Greedy word wrap; a word longer than a line is cut; past the last line, an ellipsis.
    static func lines(_ title: String, maxLineLength: Int = maxLineLength, maxLines: Int = maxLines) -> [String] {
        var lines: [String] = []
        var current = ""
        let words = title.split(whereSeparator: \.isWhitespace).map(String.init)
        for word in words {
            var word = word
            while word.count > maxLineLength {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(word.prefix(maxLineLength)))
                word = String(word.dropFirst(maxLineLength))
            }
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= maxLineLength {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.isEmpty { return [""] }
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        kept[maxLines - 1] = String(kept[maxLines - 1].prefix(maxLineLength - 1)) + "…"
        return kept
    }
}
