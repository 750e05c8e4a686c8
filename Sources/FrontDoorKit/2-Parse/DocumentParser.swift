import Foundation

/// Turns raw files into `ParsedDocument`s and site.yml into a YAML tree, collecting every
/// problem rather than stopping at the first.
public struct DocumentParser: Sendable {
    public var markdown: MarkdownRenderer

    public init(markdown: MarkdownRenderer) {
        self.markdown = markdown
    }

    public func parse(_ file: SourceFile) -> (ParsedDocument?, [Diagnostic]) {
        let path = file.displayPath
        guard let (type, slug) = file.profileIdentity else { return (nil, []) }
        let text: String
        switch Self.decode(file.data) {
        case .failure(let line):
            return (nil, [Diagnostic(path: path, at: SourcePosition(line: line, column: 1), .error, .notUTF8,
                "file is not valid UTF-8", hint: "save it as UTF-8 in your editor")])
        case .success(let decoded):
            text = decoded
        }
        if text.allSatisfy(\.isWhitespace) {
            return (nil, [Diagnostic(path: path, .error, .emptyFile, "file is empty",
                hint: "a profile starts with a front matter block between two --- lines")])
        }
        let split: FrontMatter
        do {
            split = try FrontMatter.split(text)
        } catch .missing {
            return (nil, [Diagnostic(path: path, .error, .noFrontMatter, "no front matter: the first line must be ---",
                hint: "start the file with ---, the keys, then --- on its own line")])
        } catch {
            return (nil, [Diagnostic(path: path, .error, .unclosedFrontMatter, "front matter does not close",
                hint: "add a line with only --- after the last key")])
        }
        let tree: YAMLValue?
        do {
            tree = try YAMLReader.read(split.yaml, firstLine: split.yamlLine)
        } catch {
            return (nil, [Diagnostic(path: path, at: error.position, .error, error.tooComplex ? .yamlTooComplex : .yamlSyntax,
                "YAML: " + error.message)])
        }
        var entries: [YAMLEntry] = []
        switch tree {
        case .map(let mapEntries, _):
            entries = mapEntries
        case nil:
            break  // empty front matter: validation reports the missing keys
        case .some(let other):
            return (nil, [Diagnostic(path: path, at: other.position, .error, .notAMapping,
                "front matter must be a set of `key: value` lines, found \(other.kindName)")])
        }
        let rendered = markdown.render(split.body)
        let document = ParsedDocument(type: type, slug: slug, sourcePath: path, frontMatter: entries,
                                      body: split.body, bodyLine: split.bodyLine, markdown: rendered)
        return (document, [])
    }

    /// Parses site.yml into its top-level entries.
    public func parseSiteConfig(_ file: SourceFile) -> ([YAMLEntry]?, [Diagnostic]) {
        let path = file.displayPath
        let text: String
        switch Self.decode(file.data) {
        case .failure(let line):
            return (nil, [Diagnostic(path: path, at: SourcePosition(line: line, column: 1), .error, .notUTF8,
                "file is not valid UTF-8", hint: "save it as UTF-8 in your editor")])
        case .success(let decoded):
            text = decoded
        }
        do {
            switch try YAMLReader.read(text, firstLine: 1) {
            case .map(let entries, _): return (entries, [])
            case nil: return ([], [])
            case .some(let other):
                return (nil, [Diagnostic(path: path, at: other.position, .error, .notAMapping,
                    "site.yml must be a set of `key: value` lines, found \(other.kindName)")])
            }
        } catch {
            return (nil, [Diagnostic(path: path, at: error.position, .error, error.tooComplex ? .yamlTooComplex : .yamlSyntax, "YAML: " + error.message)])
        }
    }

    enum Decoded { case success(String), failure(line: Int) }

    /// UTF-8 text with a byte-order mark and CRLF line ends normalised away; on failure the
    /// 1-based line of the first invalid byte.
    static func decode(_ data: Data) -> Decoded {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            var line = 1
            for lineBytes in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                if String(bytes: lineBytes, encoding: .utf8) == nil { return .failure(line: line) }
                line += 1
            }
            return .failure(line: 1)
        }
        return .success(text.contains("\r") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text)
    }
}
