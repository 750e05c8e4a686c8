import Foundation

/// Checks that every internal link of the built site leads to a file the build makes.
///
/// A link is internal when it is relative (`../x/`), root-relative under the site's base
/// path (`/frontdoor/x/`), or absolute on the site's own host and base path
/// (`https://example.org/frontdoor/x/`, as in canonical tags). Not checked: other hosts,
/// other schemes (`mailto:`, `data:`...), links to the same page (empty, `?query` or
/// `#fragment` only), and root-relative paths outside the base path. Fragments
/// (`page/#id`) are not checked: only the page is.
///
/// A link resolves as a browser would resolve it from the page's URL, with the query and
/// fragment dropped and `%XX` decoded: `x/` must be `x/index.html`, `x` must be the file
/// `x` or `x/index.html`, and a relative link with more `..` than the page is deep leads
/// above the site's root and is broken.
///
/// Body links are checked from the Markdown (each knows its file, line and column and the
/// page it is rendered into), the other links from the pages' HTML: those come from the
/// templates and are reported once per link, with the first page and the number of pages.
/// The check is per page and needs only the list of output paths, so pages can be checked
/// as they are rendered.
public struct InternalLinkChecker: Sendable {
    /// Where a link leads.
    public enum Target: Hashable, Sendable {
        /// Not an internal link, or a link to the same page: not checked.
        case unchecked
        /// A path under the output folder, without a leading `/`; `isFolder` when the link ends with `/`.
        case site(path: String, isFolder: Bool)
        /// A relative link that climbs above the site's root.
        case aboveRoot
    }

    /// The site's base path, `/` or `/frontdoor/`.
    public let basePath: String
    /// Every file of the build, relative to the output folder: pages, derived files, assets.
    public let outputPaths: Set<String>
    private let baseSegments: [Substring]
    /// `host` or `host:port` of `base_url`, lowercased.
    private let authority: String?

    public init(baseURL: String, outputPaths: Set<String>) {
        var path = SafeURL.parseAbsolute(baseURL)?.path ?? "/"
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        basePath = path
        baseSegments = path.split(separator: "/").map { Substring(Self.percentDecoded($0)) }
        self.outputPaths = outputPaths
        if let components = URLComponents(string: baseURL), let host = components.host?.lowercased(), !host.isEmpty {
            authority = components.port.map { "\(host):\($0)" } ?? host
        } else {
            authority = nil
        }
    }

    // MARK: Links in a page

    /// Every `href` and `src` value of a page, entity-decoded, in document order.
    public static func links(in html: String) -> [String] {
        var html = html
        return html.withUTF8 { HTMLLinkScanner.links(in: UnsafeRawBufferPointer($0)) }
    }

    public static func links(in html: Data) -> [String] {
        html.withUnsafeBytes { HTMLLinkScanner.links(in: $0) }
    }

    // MARK: Resolving

    /// Where `href`, found on the page written at `pagePath` (`companies/x/index.html`), leads.
    public func target(of href: String, onPage pagePath: String) -> Target {
        target(of: href, fromFolder: Self.folder(of: pagePath))
    }

    /// Whether a target is a file of the build (unchecked targets always are).
    public func resolves(_ target: Target) -> Bool {
        switch target {
        case .unchecked: return true
        case .aboveRoot: return false
        case .site(let path, let isFolder):
            if isFolder || path.isEmpty { return outputPaths.contains(path.isEmpty ? "index.html" : path + "/index.html") }
            return outputPaths.contains(path) || outputPaths.contains(path + "/index.html")
        }
    }

    /// The folder segments of a page's URL: `companies/x/index.html` -> `companies`, `x`.
    static func folder(of pagePath: String) -> [Substring] {
        var segments = pagePath.split(separator: "/", omittingEmptySubsequences: false)
        segments.removeLast()
        return segments
    }

    private func target(of rawHref: String, fromFolder folder: [Substring]) -> Target {
        let href = rawHref.trimmingASCIIWhitespace
        guard let first = href.utf8.first, first != UInt8(ascii: "#") else { return .unchecked }
        let end = href.utf8.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? href.endIndex
        let path = href[..<end]

        if path.hasPrefix("//") {
            return siteTarget(ofAuthorityAndPath: path.dropFirst(2))
        }
        if first == UInt8(ascii: "/") {
            return siteTarget(ofAbsolutePath: path)
        }
        if let scheme = Self.scheme(of: path) {
            guard scheme == "http" || scheme == "https" else { return .unchecked }
            let rest = path.dropFirst(scheme.count + 1)
            guard rest.hasPrefix("//") else { return .unchecked }
            return siteTarget(ofAuthorityAndPath: rest.dropFirst(2))
        }
        if path.isEmpty { return .unchecked }  // `?query` only: the same page
        var segments = folder
        var isFolder = false
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            let name = Self.percentDecoded(segment)
            isFolder = false
            if name == "." {
                isFolder = true
            } else if name == ".." {
                guard !segments.isEmpty else { return .aboveRoot }
                segments.removeLast()
                isFolder = true
            } else {
                segments.append(Substring(name))
            }
        }
        if segments.last == "" {
            segments.removeLast()
            isFolder = true
        }
        return .site(path: segments.joined(separator: "/"), isFolder: isFolder)
    }

    /// `host[:port]/path`: a link to this site only on its own host.
    private func siteTarget(ofAuthorityAndPath text: Substring) -> Target {
        let slash = text.firstIndex(of: "/") ?? text.endIndex
        guard let authority, text[..<slash].lowercased() == authority else { return .unchecked }
        let path = text[slash...]
        return siteTarget(ofAbsolutePath: path.isEmpty ? "/" : path)
    }

    /// `/frontdoor/x/`: `..` stops at the host's root as in a browser; outside the base path is not checked.
    private func siteTarget(ofAbsolutePath path: Substring) -> Target {
        if let plain = plainSiteTarget(ofAbsolutePath: path) { return plain }
        var segments: [Substring] = []
        var isFolder = false
        for segment in path.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            let name = Self.percentDecoded(segment)
            isFolder = false
            if name == "." {
                isFolder = true
            } else if name == ".." {
                if !segments.isEmpty { segments.removeLast() }
                isFolder = true
            } else {
                segments.append(Substring(name))
            }
        }
        if segments.last == "" {
            segments.removeLast()
            isFolder = true
        }
        // `/frontdoor` is the site's root too.
        if segments.count == baseSegments.count && segments.elementsEqual(baseSegments) { return .site(path: "", isFolder: true) }
        guard segments.count > baseSegments.count, segments.starts(with: baseSegments) else { return .unchecked }
        return .site(path: segments.dropFirst(baseSegments.count).joined(separator: "/"), isFolder: isFolder)
    }

    /// The same answer without splitting, for the paths the templates write (`/companies/x/`):
    /// no `%` to decode and no `.` or `..` segment, so the path after the base path is the
    /// target as it stands. Nil for any other path. Every page has dozens of such links, and
    /// splitting and joining each was most of the link check's time.
    private func plainSiteTarget(ofAbsolutePath path: Substring) -> Target? {
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "%") || (byte == UInt8(ascii: ".") && previous == UInt8(ascii: "/")) { return nil }
            previous = byte
        }
        // Compared as bytes: outside the base path, or spelt in other bytes that read the same
        // (a composed or decomposed accent), the usual path decides.
        guard !basePath.utf8.contains(UInt8(ascii: "%")) else { return nil }
        if path.utf8.elementsEqual(basePath.utf8.dropLast()) { return .site(path: "", isFolder: true) }
        guard path.utf8.starts(with: basePath.utf8) else { return nil }
        let rest = Substring(path.utf8.dropFirst(basePath.utf8.count))
        if rest.isEmpty { return .site(path: "", isFolder: true) }
        return rest.hasSuffix("/") ? .site(path: String(rest.dropLast()), isFolder: true) : .site(path: String(rest), isFolder: false)
    }

    /// The lowercased scheme of `text`, when it starts with one (`mailto:`).
    static func scheme(of text: Substring) -> String? {
        var length = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ":") { return length == 0 ? nil : String(text.prefix(length)).lowercased() }
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            let isOther = (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            guard isLetter || (length > 0 && isOther) else { return nil }
            length += 1
        }
        return nil
    }

    /// `%XX` decoded; a `%` not followed by two hex digits stays as it is.
    static func percentDecoded(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: Checking a build

    /// A link found broken on one page: how often it occurs there and where it leads.
    public struct BrokenLink: Sendable, Hashable {
        public var href: String
        public var target: Target
        public var count: Int
    }

    /// The distinct broken links of one page, in order of first appearance.
    public func brokenLinks(inPage pagePath: String, html: Data) -> [BrokenLink] {
        var resolver = Resolver(checker: self, folder: Self.folder(of: pagePath))
        return resolver.brokenLinks(in: html)
    }

    /// Every broken internal link of a build, sorted: body links at their file, line and
    /// column; template links once per link at the templates folder `templatesPath`.
    /// `pages` are the rendered HTML pages; `directory` gives the Markdown links and the page each is rendered into.
    public func check(_ directory: Directory, pages: [OutputFile], templatesPath: String) -> [Diagnostic] {
        let scanned = pages.filter { $0.path.hasSuffix(".html") }.sorted { $0.path < $1.path }
            .parallelMap { page in (page: page.path, links: brokenLinks(inPage: page.path, html: page.data)) }
            .filter { !$0.links.isEmpty }
        return check(directory, scanned: scanned, templatesPath: templatesPath)
    }

    /// The diagnostics for a site whose pages were scanned one by one as they were rendered
    /// (`brokenLinks(inPage:html:)`, in page-path order): body links at their place in the
    /// Markdown, template links once each.
    public func check(_ directory: Directory, scanned: [(page: String, links: [BrokenLink])], templatesPath: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let hints = Hints(outputPaths: outputPaths)
        var bodyLinks: [String: [String: Int]] = [:]  // page path -> body href -> occurrences
        let profiles = ProfileType.allCases.flatMap { directory.profiles(of: $0) }
        for profile in profiles {
            let pagePath = profile.path + "index.html"
            for link in profile.links {
                bodyLinks[pagePath, default: [:]][link.href, default: 0] += 1
            }
            diagnostics += bodyLinkDiagnostics(for: profile, hints: hints)
        }

        // A broken link is the templates' when the page has it more often than its body does.
        var templateLinks: [String: (firstPage: String, target: Target, pages: Int)] = [:]
        var order: [String] = []
        for (page, links) in scanned {
            for link in links where link.count > (bodyLinks[page]?[link.href] ?? 0) {
                if let seen = templateLinks[link.href] {
                    templateLinks[link.href]?.pages = seen.pages + 1
                } else {
                    templateLinks[link.href] = (page, link.target, 1)
                    order.append(link.href)
                }
            }
        }
        for href in order {
            guard let link = templateLinks[href] else { continue }
            let pagesText = link.pages == 1 ? "on 1 page" : "on \(link.pages) pages"
            diagnostics.append(Diagnostic(path: templatesPath, .error, .brokenLink,
                "broken link `\(href)` made by the templates \(pagesText), first `\(link.firstPage)`: \(reason(link.target))",
                hint: hints.hint(for: link.target, prefix: basePath)))
        }
        return Diagnostic.sorted(diagnostics)
    }

    /// The broken links written in one profile's body, at their file, line and column.
    func bodyLinkDiagnostics(for profile: Profile, hints: Hints? = nil) -> [Diagnostic] {
        let hints = hints ?? Hints(outputPaths: outputPaths)
        let folder = Self.folder(of: profile.path + "index.html")
        return profile.links.compactMap { link in
            let target = target(of: link.href, fromFolder: folder)
            guard !resolves(target) else { return nil }
            return Diagnostic(path: profile.sourcePath, at: SourcePosition(line: profile.bodyLine + link.line - 1, column: link.column),
                .error, .brokenLink, "broken link `\(link.url)`: \(reason(target))", hint: hints.hint(for: target, prefix: "/"))
        }
    }

    private func reason(_ target: Target) -> String {
        switch target {
        case .aboveRoot: return "it leads above the site's root"
        case .site(let path, let isFolder): return "the site has no page or file `/\(path)\(isFolder && !path.isEmpty ? "/" : "")`"
        case .unchecked: return "not checked"
        }
    }

    /// "did you mean `/companies/nari-health/`?": the nearest page or file in the same folder
    /// (pages by their URL `x/`, other files by their path). The folders are indexed at the
    /// first broken link; after `budget` hints the rest go without, so that a template
    /// mistake repeated on thousands of pages stays cheap.
    final class Hints {
        private let outputPaths: Set<String>
        private var folders: [Substring: [String]]?
        private var budget = 200

        init(outputPaths: Set<String>) {
            self.outputPaths = outputPaths
        }

        func hint(for target: Target, prefix: String) -> String? {
            guard case .site(let path, let isFolder) = target, budget > 0 else { return nil }
            budget -= 1
            if folders == nil {
                var index: [Substring: [String]] = [:]
                for output in outputPaths {
                    // `a/b/index.html` is the page `a/b/` in the folder `a/`; `a/b.png` the file in `a/`.
                    var url = Substring(output)
                    if url == "index.html" { continue }
                    if url.hasSuffix("/index.html") { url = url.dropLast("index.html".count) }
                    let name = url.dropLast(url.hasSuffix("/") ? 1 : 0)
                    let folder = name.lastIndex(of: "/").map { url[...$0] } ?? ""
                    index[folder, default: []].append(String(url))
                }
                folders = index.mapValues { $0.sorted() }
            }
            let wanted = path + (isFolder && !path.isEmpty ? "/" : "")
            let name = wanted.dropLast(wanted.hasSuffix("/") ? 1 : 0)
            let folder = name.lastIndex(of: "/").map { wanted[...$0] } ?? ""
            // A candidate further than the hint threshold in length alone cannot be the nearest.
            let limit = Swift.max(2, wanted.count / 3)
            let candidates = (folders?[folder] ?? []).filter { abs($0.count - wanted.count) <= limit }
            return FieldChecks.nearest(wanted, in: candidates).map { "did you mean `\(prefix)\($0)`?" }
        }
    }

    /// Checks the links of pages one after another, remembering the links that do not
    /// depend on the page (root-relative and absolute), which are most of them.
    /// Resolvers lent to the chunks of a render, one at a time each, so what one chunk
    /// resolved (every profile's URL, sooner or later) is known to the later chunks too.
    final class Resolvers: @unchecked Sendable {
        private let checker: InternalLinkChecker
        private let lock = NSLock()
        private var idle: [Resolver] = []

        init(checker: InternalLinkChecker) {
            self.checker = checker
        }

        func borrow() -> Resolver {
            lock.withLock { idle.popLast() } ?? Resolver(checker: checker, folder: [])
        }

        func giveBack(_ resolver: Resolver) {
            lock.withLock { idle.append(resolver) }
        }
    }

    struct Resolver {
        let checker: InternalLinkChecker
        var folder: [Substring]
        private var known: [String: Target?] = [:]  // page-independent href -> broken target, or nil when fine

        init(checker: InternalLinkChecker, folder: [Substring]) {
            self.checker = checker
            self.folder = folder
        }

        /// The broken links of the page written at `pagePath`; the links that do not depend on
        /// the page stay known for the next page.
        mutating func brokenLinks(inPage pagePath: String, html: Data) -> [BrokenLink] {
            folder = InternalLinkChecker.folder(of: pagePath)
            return brokenLinks(in: html)
        }

        mutating func brokenLinks(in html: Data) -> [BrokenLink] {
            var broken: [BrokenLink] = []
            var positions: [String: Int] = [:]
            html.withUnsafeBytes { bytes in
                HTMLLinkScanner.scan(bytes) { value, hasEntity in
                    guard let first = value.first, first != UInt8(ascii: "#") else { return }
                    let href = HTMLLinkScanner.string(value, hasEntity: hasEntity)
                    let target: Target
                    // Root-relative and absolute links lead to the same place from every page.
                    let sameFromEveryPage = first == UInt8(ascii: "/")
                        || (value.contains(UInt8(ascii: ":")) && InternalLinkChecker.scheme(of: href.trimmingASCIIWhitespace) != nil)
                    if sameFromEveryPage {
                        if let cached = known[href] {
                            guard let cached else { return }
                            target = cached
                        } else {
                            let resolved = checker.target(of: href, fromFolder: [])
                            let ok = checker.resolves(resolved)
                            known[href] = ok ? Target?.none : resolved
                            guard !ok else { return }
                            target = resolved
                        }
                    } else {
                        target = checker.target(of: href, fromFolder: folder)
                        guard !checker.resolves(target) else { return }
                    }
                    if let index = positions[href] {
                        broken[index].count += 1
                    } else {
                        positions[href] = broken.count
                        broken.append(BrokenLink(href: href, target: target, count: 1))
                    }
                }
            }
            return broken
        }
    }
}

extension String {
    /// Without leading and trailing ASCII whitespace and control characters, as browsers read URLs.
    var trimmingASCIIWhitespace: Substring {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last, first <= 0x20 || last <= 0x20 else { return self[...] }
        guard let start = utf8.firstIndex(where: { $0 > 0x20 }), let end = utf8.lastIndex(where: { $0 > 0x20 }) else { return "" }
        return self[start...end]
    }
}
