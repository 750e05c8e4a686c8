import Foundation

/// Turns raw files into `ParsedDocument`s and site.yml into a YAML tree, collecting every
/// problem rather than stopping at the first.
public struct DocumentParser: Sendable {
    public var markdown: MarkdownRenderer
    /// Whether documents keep their body's HTML for the render stage, which otherwise makes
    /// it again. Without it the parse stage only walks the body for links and heading ids.
    public var keepsBodyHTML: Bool

    public init(markdown: MarkdownRenderer, keepsBodyHTML: Bool = true) {
        self.markdown = markdown
        self.keepsBodyHTML = keepsBodyHTML
    }

    public func parse(_ file: SourceFile) -> (ParsedDocument?, [Diagnostic]) {
        let path = file.displayPath
        guard let (type, slug) = file.profileIdentity else { return (nil, []) }
        do throws(Diagnostic) {
            let text = try Self.text(of: file)
            if text.allSatisfy(\.isWhitespace) {
                throw Diagnostic(path: path, .error, .emptyFile, "file is empty",
                    hint: "a profile starts with a front matter block between two --- lines")
            }
            let split: FrontMatter
            do {
                split = try FrontMatter.split(text)
            } catch .missing {
                throw Diagnostic(path: path, .error, .noFrontMatter, "no front matter: the first line must be ---",
                    hint: "start the file with ---, the keys, then --- on its own line")
            } catch {
                throw Diagnostic(path: path, .error, .unclosedFrontMatter, "front matter does not close",
                    hint: "add a line with only --- after the last key")
            }
            let entries = try Self.entries(split.yaml, firstLine: split.yamlLine, path: path, what: "front matter")
            do {
                try MarkdownLimits.check(split.body)
            } catch {
                throw Diagnostic(path: path, at: SourcePosition(line: split.bodyLine + error.line - 1, column: 1), .error,
                    .markdownTooComplex, error.message, hint: "the limits are in the README under \"Limits and guarantees\"")
            }
            let rendered = markdown.render(split.body, html: keepsBodyHTML)
            let document = ParsedDocument(type: type, slug: slug, sourcePath: path, frontMatter: entries,
                                          body: split.body, bodyLine: split.bodyLine, markdown: rendered,
                                          bodyHTML: keepsBodyHTML ? rendered.html : nil)
            return (document, [])
        } catch {
            return (nil, [error])
        }
    }

    /// Parses site.yml into its top-level entries.
    public func parseSiteConfig(_ file: SourceFile) -> ([YAMLEntry]?, [Diagnostic]) {
        do throws(Diagnostic) {
            return (try Self.entries(try Self.text(of: file), firstLine: 1, path: file.displayPath, what: "site.yml"), [])
        } catch {
            return (nil, [error])
        }
    }

    private static func text(of file: SourceFile) throws(Diagnostic) -> String {
        switch decode(file.data) {
        case .failure(let line):
            throw Diagnostic(path: file.displayPath, at: SourcePosition(line: line, column: 1), .error, .notUTF8,
                "file is not valid UTF-8", hint: "save it as UTF-8 in your editor")
        case .success(let text):
            return text
        }
    }

    /// The `key: value` entries of a YAML block; empty YAML gives none (validation reports
    /// the missing keys).
    private static func entries(_ yaml: String, firstLine: Int, path: String, what: String) throws(Diagnostic) -> [YAMLEntry] {
        let tree: YAMLValue?
        do {
            tree = try YAMLReader.read(yaml, firstLine: firstLine)
        } catch {
            let code: DiagnosticCode = switch error.exceeded {
            case nil: .yamlSyntax
            case .values: .yamlTooComplex
            case .depth: .yamlTooDeep
            case .items: .tooManyItems
            }
            throw Diagnostic(path: path, at: error.position, .error, code, "YAML: " + error.message,
                             hint: error.exceeded == nil ? nil : "the limits are in the README under \"Limits and guarantees\"")
        }
        switch tree {
        case .map(let entries, _): return entries
        case nil: return []
        case .some(let other):
            throw Diagnostic(path: path, at: other.position, .error, .notAMapping,
                "\(what) must be a set of `key: value` lines, found \(other.kindName)")
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
        // A byte test: Foundation's `contains("\r")` searches as NSString does, and costs more
        // than the decoding. Text with no CR has no CRLF, whichever test says so.
        return .success(text.utf8.contains(0x0D) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text)
    }
}
