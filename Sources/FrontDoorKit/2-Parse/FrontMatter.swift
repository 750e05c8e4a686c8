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
        if let split = try splitBytes(text) { return split }
        return try splitCharacters(text)
    }

    /// The same split on UTF-8 bytes, without making a Substring per line of the body.
    /// Nil for text with a CRLF, where a line end is the one Character `\r\n`, not `\n`;
    /// otherwise `\n` is always a Character of its own and the two agree: a fence line is
    /// `---` plus trailing space, tab or CR bytes, which are whole Characters too.
    private static func splitBytes(_ text: String) throws(Failure) -> FrontMatter? {
        let bytes = text.utf8
        var end = bytes.endIndex
        // A final line end closes the last line; it does not start an empty one.
        if let last = bytes.last, last == 0x0A {
            end = bytes.index(before: end)
            if end > bytes.startIndex, bytes[bytes.index(before: end)] == 0x0D { return nil }
        }
        var lineStart = bytes.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        while true {
            var lineEnd = lineStart
            var previous: UInt8 = 0
            while lineEnd < end, bytes[lineEnd] != 0x0A {
                previous = bytes[lineEnd]
                bytes.formIndex(after: &lineEnd)
            }
            if lineEnd < end, previous == 0x0D { return nil }
            let isFence = isFence(bytes[lineStart..<lineEnd])
            if lineNumber == 0 {
                guard isFence else { throw .missing }
            } else if isFence, let yamlStart {
                let bodyStart = lineEnd < end ? bytes.index(after: lineEnd) : end
                // The YAML ends before the `\n` that ends its last line: none when empty.
                let yamlEnd = lineNumber == 1 ? yamlStart : bytes.index(before: lineStart)
                return FrontMatter(yaml: String(text[yamlStart..<yamlEnd]), yamlLine: 2,
                                   body: String(text[bodyStart..<end]), bodyLine: lineNumber + 2)
            }
            guard lineEnd < end else { throw .unclosed }
            lineStart = bytes.index(after: lineEnd)
            lineNumber += 1
            if lineNumber == 1 { yamlStart = lineStart }
        }
    }

    private static func isFence(_ line: Substring.UTF8View) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == 0x20 || last == 0x09 || last == 0x0D { trimmed = trimmed.dropLast() }
        return trimmed.elementsEqual("---".utf8)
    }

    private static func splitCharacters(_ text: String) throws(Failure) -> FrontMatter {
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
