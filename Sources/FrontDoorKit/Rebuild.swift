import Foundation

/// A written build's values, kept for the next edit.
struct BuildState: Sendable {
    var options: BuildOptions
    var directory: Directory
    var templates: TemplateSet
    var assets: AssetSet
    var matches: MatchResults
    /// Parsed profiles by display path.
    var documents: [String: ParsedDocument]
    var diagnostics: [Diagnostic]
    var links: InternalLinkChecker
    var contentDisplayRoot: String
    var reservedIDs: Set<String>
}

/// Rebuilds for the preview: the first build is a whole build; after it, an edit that changes
/// only Markdown bodies (the front matter of every changed file as it was) re-renders just the
/// edited profiles' pages and writes them in place, each file swapped in with a rename. Nothing
/// else can depend on a body: cards, lists, references and matching read front matter only.
/// The search index, which does read bodies, is brought up to date by `refreshDerivedFiles()`
/// afterwards. Any other change (front matter, a new or deleted file, site.yml, templates,
/// assets) gets a whole build.
public final class IncrementalBuilder: @unchecked Sendable {
    public let options: BuildOptions
    private var state: BuildState?
    private var derivedStale = false
    private let lock = NSLock()

    public init(options: BuildOptions) {
        var options = options
        options.keepState = true
        self.options = options
    }

    /// Whether the last call took the fast path, and which pages it rewrote.
    public private(set) var lastRewrittenPages: [String]?

    /// `changed`: paths relative to the content folder; nil when unknown (a whole build).
    public func build(changedContent changed: Set<String>? = nil) throws -> BuildReport {
        try lock.withLock {
            if let state, let changed, !changed.isEmpty, let report = try rebuildBodies(state, changed) {
                return report
            }
            lastRewrittenPages = nil
            let report = try SiteBuilder().build(options)
            if report.written {
                state = report.state
                derivedStale = false
            } else if report.directory == nil || report.diagnostics.hasErrors {
                // The next edit may fix the content; it gets a whole build too.
                state = nil
            }
            return report
        }
    }

    /// Rewrites the search index, sitemap, feeds and exports after body-only rebuilds.
    /// Returns how many files changed.
    @discardableResult
    public func refreshDerivedFiles() throws -> Int {
        try lock.withLock {
            guard let state, derivedStale else { return 0 }
            derivedStale = false
            var changed = 0
            for file in SiteDeriver().derive(state.directory, matches: state.matches) {
                let target = state.options.output + "/" + file.path
                if StagingFolder.sameBytes(atPath: target, as: file.data) { continue }
                try Self.replace(target, with: file.data)
                changed += 1
            }
            return changed
        }
    }

    private func rebuildBodies(_ state: BuildState, _ changed: Set<String>) throws -> BuildReport? {
        let start = DispatchTime.now().uptimeNanoseconds
        var state = state
        let parser = DocumentParser(markdown: MarkdownRenderer(basePath: state.directory.config.basePath, reservedIDs: state.reservedIDs))
        var edited: [Profile] = []
        for relative in changed.sorted() {
            let parts = relative.split(separator: "/")
            guard parts.count == 2, ProfileType(folder: String(parts[0])) != nil, relative.hasSuffix(".md") else { return nil }
            let display = state.contentDisplayRoot.isEmpty ? relative : state.contentDisplayRoot + "/" + relative
            guard let old = state.documents[display] else { return nil }
            let absolute = state.options.content + "/" + relative
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: absolute),
                  (attributes[.type] as? FileAttributeType) == .typeRegular,
                  let size = attributes[.size] as? Int, size <= ContentLoader.maxFileSize,
                  let data = try? FileSystem().read(absolute, limit: ContentLoader.maxFileSize) else { return nil }
            let (parsed, parseProblems) = parser.parse(SourceFile(relativePath: relative, displayPath: display, data: data))
            guard let document = parsed, document.frontMatter == old.frontMatter, !parseProblems.hasErrors else { return nil }
            let (profile, problems) = ProfileValidator().validate(document)
            guard !problems.hasErrors else { return nil }
            state.documents[display] = document
            // Body problems are the only ones that can have changed: replace them.
            state.diagnostics.removeAll { $0.path == display && ($0.code == DiagnosticCode.unsafeLink.rawValue || $0.code == DiagnosticCode.brokenLink.rawValue) }
            state.diagnostics += problems.filter { $0.code == DiagnosticCode.unsafeLink.rawValue }
            if state.directory.bySlug[profile.slug] != nil {
                state.directory = state.directory.replacing(profile)
                edited.append(profile)
            }
        }
        let bodyLinks = edited.flatMap { state.links.bodyLinkDiagnostics(for: $0) }
        state.diagnostics = Diagnostic.sorted(state.diagnostics + bodyLinks)

        var report = BuildReport()
        report.diagnostics = state.diagnostics
        report.directory = state.directory
        if bodyLinks.hasErrors || (state.options.strict && state.diagnostics.warningCount > 0) {
            return report  // not written; the last good site stays
        }
        let renderer = SiteRenderer(templates: state.templates, assets: state.assets)
        let context = renderer.context(state.directory, matches: state.matches)
        for profile in edited {
            let page = renderer.page(for: profile, context)
            try Self.replace(state.options.output + "/" + page.path, with: page.data)
        }
        report.pages = edited.count
        report.files = edited.count
        report.written = true
        report.timings = [StepTiming(step: "rebuild bodies", seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)]
        self.state = state
        derivedStale = true
        lastRewrittenPages = edited.map { $0.path + "index.html" }
        return report
    }

    /// Writes beside the file and renames over it, so a reader sees the old file or the new one.
    static func replace(_ path: String, with data: Data) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = folder + "/.frontdoor-\(ProcessInfo.processInfo.processIdentifier)-" + ((path as NSString).lastPathComponent)
        try data.write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw WriteError.io(path, reason)
        }
    }
}
