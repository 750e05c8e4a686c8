import CCmarkGFM
import Foundation

/// A Markdown body turned into safe HTML by cmark-gfm.
public struct RenderedMarkdown: Sendable, Hashable {
    public struct Link: Sendable, Hashable {
        /// The URL as the editor wrote it.
        public var url: String
        /// Line of the link in the body (1 = first body line).
        public var line: Int
        /// Column of the link's first character (`[`, `!`, `<` or the autolink's first letter),
        /// 1-based, counted in Unicode scalars.
        public var column: Int = 1
        public var isImage: Bool
        /// The `href` (or `src`) value as it reaches the page, entity-decoded: root-relative
        /// links moved under the base path, then escaped the way cmark escapes URLs. This is
        /// what link checking resolves, and what `InternalLinkChecker.links(in:)` finds in the page.
        public var href: String = ""
    }

    public var html: String
    /// Every link and image kept, in document order, for link checking. A link inside an
    /// image's description is not here: cmark writes that description as plain `alt` text.
    public var links: [Link]
    /// Links and images whose scheme is not allowed; their URL was removed.
    public var droppedLinks: [Link]
    /// Heading ids in document order.
    public var headingIDs: [String]
}

/// GitHub-flavoured Markdown with raw HTML omitted (cmark's safe mode), unsafe link schemes
/// removed, root-relative links moved under the site's base path, and stable heading ids.
public struct MarkdownRenderer: Sendable {
    static let extensions = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// The site's base path, starting and ending with `/`.
    public var basePath: String
    /// Ids the page templates use themselves (`main`, `partners`...): a body heading never takes one.
    public var reservedIDs: Set<String>

    public init(basePath: String = "/", reservedIDs: Set<String> = []) {
        self.basePath = basePath
        self.reservedIDs = reservedIDs
    }

    /// cmark-gfm keeps the inline parser's table of special characters in a global: attaching
    /// an extension adds its characters (`~` for strikethrough) and freeing a parser removes
    /// them, so one thread's parser could stop another's from seeing `~~`. Parsing is
    /// therefore one at a time; the rest of the work (walking the tree, rendering HTML) runs
    /// in parallel. The tree outlives its parser, as in cmark's own `cmark_parse_document`.
    private static let parsing = NSLock()

    /// The extensions' list for the HTML renderer, made once and kept (a parser's own list
    /// dies with the parser).
    nonisolated(unsafe) private static let renderExtensions: UnsafeMutablePointer<cmark_llist>? = {
        _ = registered
        var list: UnsafeMutablePointer<cmark_llist>?
        for name in extensions {
            if let syntax = cmark_find_syntax_extension(name) {
                list = cmark_llist_append(cmark_get_default_mem_allocator(), list, UnsafeMutableRawPointer(syntax))
            }
        }
        return list
    }()

    static func parse(_ markdown: String, options: Int32) -> OpaquePointer? {
        parsing.lock()
        defer { parsing.unlock() }
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        return cmark_parser_finish(parser)
    }

    /// `html: false` walks the tree for links and heading ids only, and leaves `html` empty.
    public func render(_ markdown: String, html wantsHTML: Bool = true) -> RenderedMarkdown {
        _ = Self.registered
        // Without CMARK_OPT_UNSAFE raw HTML is replaced by a comment and dangerous URLs are emptied.
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_GITHUB_PRE_LANG
        guard let document = Self.parse(markdown, options: options) else { return RenderedMarkdown(html: "", links: [], droppedLinks: [], headingIDs: []) }
        defer { cmark_node_free(document) }

        var links: [RenderedMarkdown.Link] = []
        var dropped: [RenderedMarkdown.Link] = []
        var headingIDs: [String] = []
        var usedIDs = reservedIDs
        var positions = LinkPositions(markdown)
        var imageDepth = 0

        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                if type == CMARK_NODE_IMAGE { imageDepth -= 1 }
                continue
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let (line, column) = positions.locate(node)
                var link = RenderedMarkdown.Link(url: url, line: line, column: column, isImage: type == CMARK_NODE_IMAGE)
                if !SafeURL.isSafeLink(url) {
                    dropped.append(link)
                    cmark_node_set_url(node, "")
                } else {
                    var written = url
                    if url.hasPrefix("/") && !url.hasPrefix("//") {
                        written = basePath + url.dropFirst()
                        cmark_node_set_url(node, written)
                    }
                    link.href = Self.htmlHref(written)
                    if imageDepth == 0 { links.append(link) }
                }
                if type == CMARK_NODE_IMAGE { imageDepth += 1 }
            } else if type == CMARK_NODE_HEADING {
                // The page title is the only h1; body headings start at h2.
                if cmark_node_get_heading_level(node) == 1 { cmark_node_set_heading_level(node, 2) }
                let base = HeadingID.make(from: Self.plainText(of: node))
                var id = base
                var suffix = 1
                while usedIDs.contains(id) {
                    suffix += 1
                    id = "\(base)-\(suffix)"
                }
                usedIDs.insert(id)
                headingIDs.append(id)
            }
        }

        guard wantsHTML, let rendered = cmark_render_html(document, options, Self.renderExtensions) else {
            return RenderedMarkdown(html: "", links: links, droppedLinks: dropped, headingIDs: headingIDs)
        }
        defer { free(rendered) }
        let html = Self.addHeadingIDs(String(cString: rendered), ids: headingIDs)
        return RenderedMarkdown(html: html, links: links, droppedLinks: dropped, headingIDs: headingIDs)
    }

    /// The text of a node's first text child (an autolink's visible text).
    static func literalText(of node: OpaquePointer) -> String {
        guard let child = cmark_node_first_child(node), cmark_node_get_type(child) == CMARK_NODE_TEXT else { return "" }
        return cmark_node_get_literal(child).map { String(cString: $0) } ?? ""
    }

    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                text += cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
            } else {
                text += plainText(of: current)
            }
            child = cmark_node_next(current)
        }
        return text
    }

    /// cmark writes headings as bare `<hN>`; raw HTML is never passed through and text is
    /// escaped, so every bare `<hN>` in its output is a heading node, in document order.
    static func addHeadingIDs(_ html: String, ids: [String]) -> String {
        guard !ids.isEmpty else { return html }
        // On bytes: cmark writes `<h1>`...`<h6>` as plain ASCII, and a `<` in text is `&lt;`.
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + ids.count * 24)
        var copied = 0, at = 0, index = 0
        while index < ids.count, at + 3 < bytes.count {
            if bytes[at] == UInt8(ascii: "<"), bytes[at + 1] == UInt8(ascii: "h"),
               (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[at + 2]), bytes[at + 3] == UInt8(ascii: ">") {
                output += bytes[copied..<at]
                output += Array("<h".utf8) + [bytes[at + 2]] + Array(" id=\"\(ids[index])\">".utf8)
                index += 1
                at += 4
                copied = at
            } else {
                at += 1
            }
        }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }
}

extension MarkdownRenderer {
    /// A URL as cmark's HTML renderer writes it into `href`/`src` (houdini_escape_href),
    /// read back as a browser reads the attribute: bytes outside cmark's safe set become
    /// `%XX`; `&` and `'` are written as entities, so after decoding they are themselves.
    static func htmlHref(_ url: String) -> String {
        let utf8 = Array(url.utf8)
        guard utf8.contains(where: { !hrefSafe[Int($0)] }) else { return url }
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            if hrefSafe[Int(byte)] {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// cmark's HREF_SAFE table: letters, digits and `-_.+!*(),%#@?=;:/$~`, plus `&` and `'`,
    /// which it writes as entities rather than percent-escapes.
    private static let hrefSafe: [Bool] = (0..<256).map { byte in
        guard byte < 0x80 else { return false }
        let character = Character(Unicode.Scalar(UInt8(byte)))
        return character.isASCII && (character.isLetter || character.isNumber) || "-_.+!*(),%#@?=;:/$~&'".contains(character)
    }
}

/// Finds where each link starts in the body. cmark gives links and images their start
/// (1-based line, byte column); its autolinks are not reliable: `<...>` autolinks carry a
/// column counted from the paragraph's start, `www.` ones are one column short and
/// `https://` and e-mail ones have no position at all. Those are found by their text in the
/// source instead, searching forward from the end of the previous link (links come in source order).
struct LinkPositions {
    private let markdown: String
    /// The body's bytes and the byte offset of each line's start (index 0 is line 1), made
    /// at the first link: most bodies have none.
    private var bytes: [UInt8] = []
    private var lineStarts: [Int] = []
    /// Byte offset after the previous link, where the search for the next autolink starts.
    private var cursor = 0
    /// The last position worked out, so that links further along the same line are counted
    /// from there: counting from the line's start each time made a long line of links
    /// quadratic (5,000 links on one line took 16 s).
    private var lastPosition: (offset: Int, line: Int, scalars: Int)?

    init(_ markdown: String) {
        self.markdown = markdown
    }

    mutating func locate(_ node: OpaquePointer) -> (line: Int, column: Int) {
        if lineStarts.isEmpty {
            bytes = Array(markdown.utf8)
            lineStarts = [0]
            for (offset, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(offset + 1) }
        }
        let line = Int(cmark_node_get_start_line(node)), column = Int(cmark_node_get_start_column(node))
        if let start = offset(line: line, column: column), bytes[start] == UInt8(ascii: "[") || bytes[start] == UInt8(ascii: "!"),
           let end = offset(line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node))),
           bytes[end] == UInt8(ascii: ")") || bytes[end] == UInt8(ascii: "]") {
            // A link or an image written with brackets, `[text](url)` or `[text][ref]`: cmark's positions are right.
            cursor = end + 1
            return position(of: start)
        }
        // An autolink: its text is the source text (`<` + text + `>`, or the bare text).
        let text = Array(MarkdownRenderer.literalText(of: node).utf8)
        if !text.isEmpty, let found = find(text, from: cursor) {
            let start = found > 0 && bytes[found - 1] == UInt8(ascii: "<") ? found - 1 : found
            cursor = found + text.count
            return position(of: start)
        }
        if let start = offset(line: line, column: column) { return position(of: start) }
        return line >= 1 ? (line, 1) : position(of: min(cursor, max(bytes.count - 1, 0)))
    }

    /// The byte offset of a cmark position, when it is inside the body.
    private func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
        let offset = lineStarts[line - 1] + column - 1
        let lineEnd = line < lineStarts.count ? lineStarts[line] : bytes.count
        return offset < lineEnd ? offset : nil
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    private mutating func position(of offset: Int) -> (line: Int, column: Int) {
        guard !bytes.isEmpty else { return (1, 1) }
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        // Continuation bytes (10xxxxxx) do not start a scalar.
        var from = lineStarts[low], scalars = 0
        if let last = lastPosition, last.line == low, last.offset <= offset {
            (from, scalars) = (last.offset, last.scalars)
        }
        scalars += bytes[from..<offset].count(where: { $0 & 0xC0 != 0x80 })
        lastPosition = (offset, low, scalars)
        return (low + 1, scalars + 1)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count, start <= bytes.count - needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0] && bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

/// Heading ids as GitHub makes them: lowercase words joined by hyphens, accents folded.
public enum HeadingID {
    public static func make(from text: String) -> String {
        let slug = Slug.make(from: text)
        return slug.isEmpty ? "section" : slug
    }
}
