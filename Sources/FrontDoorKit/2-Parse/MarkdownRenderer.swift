import CCmarkGFM
import Foundation

/// A Markdown body turned into safe HTML by cmark-gfm.
public struct RenderedMarkdown: Sendable, Hashable {
    public struct Link: Sendable, Hashable {
        /// The URL as the editor wrote it.
        public var url: String
        /// Line of the link in the body (1 = first body line).
        public var line: Int
        public var isImage: Bool
    }

    public var html: String
    /// Every link and image kept, for link checking.
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

    public func render(_ markdown: String) -> RenderedMarkdown {
        _ = Self.registered
        // Without CMARK_OPT_UNSAFE raw HTML is replaced by a comment and dangerous URLs are emptied.
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_GITHUB_PRE_LANG
        guard let parser = cmark_parser_new(options) else { return RenderedMarkdown(html: "", links: [], droppedLinks: [], headingIDs: []) }
        defer { cmark_parser_free(parser) }
        for name in Self.extensions {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        guard let document = cmark_parser_finish(parser) else { return RenderedMarkdown(html: "", links: [], droppedLinks: [], headingIDs: []) }
        defer { cmark_node_free(document) }

        var links: [RenderedMarkdown.Link] = []
        var dropped: [RenderedMarkdown.Link] = []
        var headingIDs: [String] = []
        var usedIDs = reservedIDs

        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let link = RenderedMarkdown.Link(url: url, line: Int(cmark_node_get_start_line(node)), isImage: type == CMARK_NODE_IMAGE)
                if !SafeURL.isSafeLink(url) {
                    dropped.append(link)
                    cmark_node_set_url(node, "")
                } else {
                    links.append(link)
                    if url.hasPrefix("/") && !url.hasPrefix("//") {
                        cmark_node_set_url(node, basePath + url.dropFirst())
                    }
                }
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

        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return RenderedMarkdown(html: "", links: links, droppedLinks: dropped, headingIDs: headingIDs)
        }
        defer { free(rendered) }
        let html = Self.addHeadingIDs(String(cString: rendered), ids: headingIDs)
        return RenderedMarkdown(html: html, links: links, droppedLinks: dropped, headingIDs: headingIDs)
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
        var output = ""
        output.reserveCapacity(html.utf8.count + ids.count * 24)
        var rest = html[...]
        var index = 0
        while index < ids.count, let range = rest.range(of: "<h") {
            output += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            if let level = after.first, ("1"..."6").contains(level), after.dropFirst().first == ">" {
                output += "<h\(level) id=\"\(ids[index])\">"
                index += 1
                rest = after.dropFirst(2)
            } else {
                output += "<h"
                rest = after
            }
        }
        output += rest
        return output
    }
}

/// Heading ids as GitHub makes them: lowercase words joined by hyphens, accents folded.
public enum HeadingID {
    public static func make(from text: String) -> String {
        let slug = Slug.make(from: text)
        return slug.isEmpty ? "section" : slug
    }
}
