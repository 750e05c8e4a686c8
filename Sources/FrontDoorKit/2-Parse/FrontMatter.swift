/// A content file split into its YAML front matter and Markdown body.
public struct FrontMatter: Sendable, Hashable {
    public var yaml: String
    /// Line in the file of the first YAML line (the line after the opening `---`).
    public var yamlLine: Int
    public var body: String
    /// Line in the file where the body starts.
    public var bodyLine: Int

    public enum Failure: Error, Equatable {
        /// The first line is not `---`.
        case missing
        /// No closing `---` line after the opening one.
        case unclosed
    }

    /// Splits on a first line `---` and the next line that is `---` (trailing spaces allowed,
    /// as Jekyll and Hugo allow).
    public static func split(_ text: String) throws(Failure) -> FrontMatter {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first, isFence(first) else { throw .missing }
        guard let close = lines.dropFirst().firstIndex(where: isFence) else { throw .unclosed }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return FrontMatter(yaml: yaml, yamlLine: 2, body: body, bodyLine: close + 2)
    }

    private static func isFence(_ line: Substring) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" || last == "\r" { trimmed.removeLast() }
        return trimmed == "---"
    }
}
