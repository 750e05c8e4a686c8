import Foundation

/// A written build's values, kept for the next edit.
struct BuildState: Sendable {
    var options: BuildOptions
    var directory: Directory
    var templates: TemplateSet
    var assets: AssetSet
    var matches: MatchResults
    /// Cards and match rows already rendered, reused by the pages a rebuild renders.
    var rendered: RenderedPartials
    /// Which pages show each profile's summary and title: the pages an edit to them changes.
    var appearances: ProfileAppearances
    /// Parsed profiles by display path.
    var documents: [String: ParsedDocument]
    var diagnostics: [Diagnostic]
    var links: InternalLinkChecker
    var contentDisplayRoot: String
    var reservedIDs: Set<String>
    /// The derived files last written (search index, feeds, exports): a refresh removes
    /// those it no longer makes, as a whole build would not make them.
    var derivedPaths: Set<String>
}

/// Rebuilds for the preview: the first build is a whole build; after it, an edit to profiles
/// that changes only what their pages show re-renders just the pages that show them, and
/// writes each in place, swapped in with a rename:
/// - an edit to the Markdown body, or to front matter only the profile's own page shows
///   (`displayChange`: website, email, founded, updated, tags, aliases, synonyms, priorities,
///   ods, ukprn, companies_house, stage, evidence_tier), re-renders the profile's own page;
/// - an edit to the summary re-renders the profile's own page and every page that shows the
///   summary (`ProfileAppearances`): its cards, a partner's rows on the match pages, an area's
///   match pages and the later pages of its own;
/// - an edit to the title, or to what is shown wherever the profile is named (kind, city,
///   maturity), re-renders the profile's own page and every page that names it (its links,
///   its cards, the cards and JSON-LD that name it); the title also sets orders, so the
///   directory is sorted again and the pages whose order moved are re-rendered too;
/// - an edit to what matching reads (offers, seeks, region) matches the directory again and
///   re-renders the match pages of the profile's areas and the pages whose matches moved;
/// - an edit to a company's areas moves it between the areas' lists and counts, and
///   re-renders every page of the areas it left and joined (`reorderAndRematch`).
/// References read none of those keys, so they stand.
/// The search index, feeds and exports, which read bodies and those keys, are brought up to
/// date by `refreshDerivedFiles()` afterwards. Any other change (other front matter, a new or
/// deleted file, site.yml, templates, assets) gets a whole build.
public final class IncrementalBuilder: @unchecked Sendable {
    public let options: BuildOptions
    private var state: BuildState?
    private var derivedStale = false
    /// The files of a rebuild that was not written (a broken link, strict mode): read again
    /// at the next rebuild, so an edit refused for a problem is not skipped once another
    /// file changes.
    private var pendingEdits: Set<String> = []
    /// Counts the builds written, so a refresh of the derived files made from an earlier one
    /// is not written over a later one's.
    private var generation = 0
    /// Set when the preview stops: a refresh still being made writes nothing.
    private var closed = false
    private let lock = NSLock()

    public init(options: BuildOptions) {
        var options = options
        options.keepState = true
        options.recordRenderKeys = true
        self.options = options
    }

    /// Whether the last call took the fast path, and which pages it rewrote.
    public private(set) var lastRewrittenPages: [String]?

    /// `changed`: paths relative to the content folder; nil when unknown (a whole build).
    public func build(changedContent changed: Set<String>? = nil) throws -> BuildReport {
        try lock.withLock {
            if let state, let changed, !changed.isEmpty, let report = try rebuildEdits(state, changed.union(pendingEdits)) {
                return report
            }
            lastRewrittenPages = nil
            pendingEdits = []
            // After the first build, a whole build links the derived files of the site it
            // replaces rather than making them (about a third of a 10,000-profile build), and
            // they are refreshed afterwards, as after a fast rebuild.
            var options = self.options
            options.keepDerivedFiles = state.map { $0.derivedPaths.sorted() }
            var report = try SiteBuilder().build(options)
            if !report.written, report.derivedFilesKept {
                // Its links were checked against the files kept, which lack any a new profile
                // adds (its open data record): only a build that makes them can tell.
                options.keepDerivedFiles = nil
                report = try SiteBuilder().build(options)
            }
            // Not written: the next edit may fix the content, and gets a whole build too.
            state = report.written ? report.state : nil
            derivedStale = report.written && report.derivedFilesKept
            if report.written { generation += 1 }
            return report
        }
    }

    /// The derived files of one written build, made by `derivedRefresh()`.
    struct DerivedRefresh {
        let generation: Int
        let files: [OutputFile]
    }

    /// Rewrites the search index, sitemap, feeds and exports after fast rebuilds.
    /// Returns how many files changed: none when a build came while they were being made
    /// (the caller refreshes again) or nothing was stale.
    @discardableResult
    public func refreshDerivedFiles() throws -> Int {
        guard let refresh = derivedRefresh() else { return 0 }
        return try write(refresh)
    }

    /// The derived files of the last written build, made outside the lock: at 10,000 profiles
    /// making them takes about 2 s, and an edit saved meanwhile is rebuilt at once instead of
    /// waiting for them. Nil when nothing is stale.
    func derivedRefresh() -> DerivedRefresh? {
        guard let (directory, matches, generation) = lock.withLock({ () -> (Directory, MatchResults, Int)? in
            guard let state, derivedStale, !closed else { return nil }
            return (state.directory, state.matches, generation)
        }) else { return nil }
        return DerivedRefresh(generation: generation, files: SiteDeriver().derive(directory, matches: matches))
    }

    /// Writes a refresh's files, unless a build was written after the one they were made from.
    func write(_ refresh: DerivedRefresh) throws -> Int {
        try lock.withLock {
            guard let state, derivedStale, !closed, refresh.generation == generation else { return 0 }
            derivedStale = false
            var changed = 0
            var made: Set<String> = []
            for file in refresh.files {
                made.insert(file.path)
                let target = state.options.output + "/" + file.path
                if StagingFolder.sameBytes(atPath: target, as: file.data) { continue }
                try Self.replace(target, with: file.data)
                changed += 1
            }
            // Search index shards a whole build would no longer make.
            for stale in state.derivedPaths.subtracting(made) where unlink(state.options.output + "/" + stale) == 0 {
                changed += 1
            }
            self.state?.derivedPaths = made
            return changed
        }
    }

    /// Stops the refreshes: one still being made writes nothing (the preview is stopping and
    /// its folder is about to be removed).
    public func close() {
        lock.withLock { closed = true }
    }

    /// Nil when an edit needs a whole build.
    private func rebuildEdits(_ state: BuildState, _ changed: Set<String>) throws -> BuildReport? {
        let start = DispatchTime.now().uptimeNanoseconds
        var state = state
        let parser = DocumentParser(markdown: MarkdownRenderer(basePath: state.directory.config.basePath, reservedIDs: state.reservedIDs))
        let validator = ProfileValidator()
        var edited: [Profile] = []
        var retitled: [(old: Profile, new: Profile)] = []
        var rematched: [Profile] = []
        var regrouped: [(old: Profile, new: Profile)] = []
        var pages: Set<String> = []
        for relative in changed.sorted() {
            let parts = relative.split(separator: "/")
            guard parts.count == 2, ProfileType(folder: String(parts[0])) != nil, relative.hasSuffix(".md") else { return nil }
            let display = state.contentDisplayRoot.isEmpty ? relative : state.contentDisplayRoot + "/" + relative
            guard let oldDocument = state.documents[display] else { return nil }
            let absolute = state.options.content + "/" + relative
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: absolute),
                  (attributes[.type] as? FileAttributeType) == .typeRegular,
                  let size = attributes[.size] as? Int, size <= ContentLoader.maxFileSize,
                  let data = try? FileSystem().read(absolute, limit: ContentLoader.maxFileSize) else { return nil }
            let (parsed, parseProblems) = parser.parse(SourceFile(relativePath: relative, displayPath: display, data: data))
            guard let document = parsed, !parseProblems.hasErrors else { return nil }
            let (profile, problems) = validator.validate(document)
            guard !problems.hasErrors else { return nil }
            let old = document.frontMatter == oldDocument.frontMatter ? profile : validator.validate(oldDocument).0
            guard let change = Self.displayChange(from: old, to: profile) else { return nil }
            // The references' problems are kept, at their lines: when those lines moved, a
            // whole build places them again.
            let kept = state.diagnostics.filter { $0.path == display && ReferenceValidator.codes.contains($0.code) }
            guard kept.isEmpty || old.referencePositions == profile.referencePositions else { return nil }
            // Offers, seeks and a region must be among site.yml's: a whole build reports those
            // that are not, where they belong.
            if change.matching {
                let problems = ReferenceValidator().siteListProblems(of: profile, config: state.directory.config)
                guard problems.capabilities.isEmpty, problems.region.isEmpty else { return nil }
            }
            // So must its areas be areas: a whole build reports one that is not.
            if change.grouping, !profile.areas.allSatisfy({ state.directory.bySlug[$0]?.type == .area }) { return nil }

            state.documents[display] = document
            state.diagnostics.removeAll { $0.path == display && !ReferenceValidator.codes.contains($0.code) }
            state.diagnostics += parseProblems + problems
            if state.options.readability { state.diagnostics += ReadabilityCheck().check([profile]) }
            if state.directory.bySlug[profile.slug] != nil {
                state.directory = state.directory.replacing(profile)
                edited.append(profile)
                pages.insert(profile.path + "index.html")
                if change != .none { state.rendered.forget(profile.slug) }
                if change.summary { pages.formUnion(state.appearances.pages(showingSummaryOf: profile.slug)) }
                if change.named { pages.formUnion(state.appearances.pages(showingTitleOf: profile.slug)) }
                if change.title { retitled.append((old: old, new: profile)) }
                if change.grouping { regrouped.append((old: old, new: profile)) }
                if change.matching { rematched.append(profile) }
                // The search page's filters list the regions.
                if old.location?.region != profile.location?.region { pages.insert("search/index.html") }
            }
        }
        if !retitled.isEmpty || !rematched.isEmpty {
            guard let moved = Self.reorderAndRematch(retitled: retitled, regrouped: regrouped, rematched: rematched, in: &state) else { return nil }
            pages.formUnion(moved)
        }
        let bodyLinks = edited.flatMap { state.links.bodyLinkDiagnostics(for: $0) }
        state.diagnostics = Diagnostic.sorted(state.diagnostics + bodyLinks)

        var report = BuildReport()
        report.diagnostics = state.diagnostics
        report.directory = state.directory
        if bodyLinks.hasErrors || (state.options.strict && state.diagnostics.warningCount > 0) {
            pendingEdits = changed
            return report  // not written; the last good site stays
        }
        let renderer = SiteRenderer(templates: state.templates, assets: state.assets)
        let context = renderer.context(state.directory, matches: state.matches, rendered: state.rendered)
        let jobs = renderer.jobs(context, only: pages)
        let links = state.links
        let rendered = jobs.sorted { $0.path < $1.path }.parallelMap { job in
            let (page, shown) = ProfileAppearances.render(job)
            return (page: page, shown: shown, broken: !links.brokenLinks(inPage: page.path, html: page.data).isEmpty)
        }
        // A link the templates made that leads nowhere (a `website` on the site's own
        // address) fails the build; a whole build reports it where it belongs.
        guard !rendered.contains(where: \.broken) else { return nil }
        let output = state.options.output
        // Written across the cores: replacing a file waits on the disk about as long as
        // rendering a page takes.
        let failures = rendered.parallelMap { page -> String? in
            do { try Self.replace(output + "/" + page.page.path, with: page.page.data) } catch { return "\(error)" }
            return nil
        }
        if let failure = failures.lazy.compactMap({ $0 }).first {
            // Some pages may be new and some old: the next edit gets a whole build.
            self.state = nil
            throw WriteError.io(output, failure)
        }
        for page in rendered { state.appearances.record(page: page.page.path, showing: page.shown) }
        report.pages = rendered.count
        report.files = rendered.count
        report.written = true
        report.timings = [StepTiming(step: "rebuild edits", seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)]
        self.state = state
        derivedStale = true
        generation += 1
        pendingEdits = []
        lastRewrittenPages = jobs.map(\.path).sorted()
        return report
    }

    /// What an edit changed beyond the keys only the profile's own page shows.
    struct DisplayChange: Equatable {
        /// The summary, shown where `PageContext.summary(of:)` notes it.
        var summary = false
        /// The title, which also orders the profile in every list.
        var title = false
        /// What is shown wherever the profile is named (`PageContext.title(of:)`): its title,
        /// its kind (the JSON-LD type that names it), its city (its card) and its maturity
        /// (its row among a partner's interested companies and on the match pages).
        var named = false
        /// What matching reads: offers, seeks and region.
        var matching = false
        /// A company's areas: the lists and counts of the areas it left and joined.
        var grouping = false

        static let none = DisplayChange()
    }

    /// Whether an edit from `old` to `new` changed only what pages show: nil when anything
    /// else changed (a whole build).
    static func displayChange(from old: Profile, to new: Profile) -> DisplayChange? {
        // The new profile with every key that only changes what pages show put back as it was:
        // equal to the old one when nothing else changed.
        var rest = new
        rest.summary = old.summary
        rest.title = old.title
        rest.kind = old.kind
        rest.location = old.location
        rest.maturity = old.maturity
        rest.evidenceTier = old.evidenceTier
        rest.offers = old.offers
        rest.seeks = old.seeks
        // A partner's areas change how rare each area is, and so every match: a whole build.
        if new.type == .company { rest.areas = old.areas }
        rest.website = old.website
        rest.email = old.email
        rest.founded = old.founded
        rest.updated = old.updated
        rest.tags = old.tags
        rest.aliases = old.aliases
        rest.synonyms = old.synonyms
        rest.priorities = old.priorities
        rest.ods = old.ods
        rest.ukprn = old.ukprn
        rest.companiesHouse = old.companiesHouse
        rest.stage = old.stage
        // Where things sit in the file, and the body, are not what other pages show either.
        rest.summaryPosition = old.summaryPosition
        rest.referencePositions = old.referencePositions
        rest.body = old.body
        rest.bodyHTML = old.bodyHTML
        rest.bodyLine = old.bodyLine
        rest.links = old.links
        guard rest == old else { return nil }
        let title = old.title != new.title
        // Its card shows its areas, and matching reads them.
        let grouping = old.areas != new.areas
        return DisplayChange(
            summary: old.summary != new.summary, title: title,
            named: title || grouping || old.kind != new.kind || old.location?.city != new.location?.city || old.maturity != new.maturity,
            matching: grouping || old.offers != new.offers || old.seeks != new.seeks || old.location?.region != new.location?.region,
            grouping: grouping)
    }

    /// After titles, a company's areas or what matching reads changed: the directory sorted,
    /// grouped and matched again, the fragments that name the retitled profiles dropped, and
    /// the pages such an edit can change beyond those that showed the profile before: the
    /// pages of a list between where a retitled profile was and where it is now (its type's
    /// list, its areas' pages), every page of an area a company joined or left (and the home
    /// and match index pages, which count them), the profile's areas' match pages (which rank
    /// equal scores in title order, and by what partners offer; a company's only when it is
    /// among the first companies they list), the home page's recent
    /// partnerships, and the pages of the companies and partners whose matches moved. Nil
    /// when an area gains or loses a page: a whole build writes and removes pages.
    private static func reorderAndRematch(retitled: [(old: Profile, new: Profile)], regrouped: [(old: Profile, new: Profile)],
                                          rematched: [Profile], in state: inout BuildState) -> Set<String>? {
        let before = state.directory
        var directory = retitled.isEmpty ? before : before.sorted(retitled: Set(retitled.map(\.new.slug)))
        for (old, new) in regrouped { directory = directory.regrouped(new, from: old.areas) }
        // Matches break ties by slug and name only areas in their reasons: a title of anything
        // else leaves them as they were. What a company seeks changes its own suggestions only.
        let areaRetitled = retitled.contains { $0.new.type == .area }
        let rematch = !rematched.isEmpty || areaRetitled
        let matches = if !areaRetitled, rematched.allSatisfy({ $0.type == .company }) {
            MatchResults(directory: directory, keeping: state.matches, rematching: Set(rematched.map(\.slug)))
        } else {
            MatchResults(directory: directory)
        }
        var pages: Set<String> = []
        /// An area's match pages, unless `profile` is a company they do not list: they show
        /// only the area's first companies by title (and rank partners with equal scores by title).
        func addMatchPages(of area: String, showing profile: Profile? = nil) {
            if let profile, profile.type == .company,
               !directory.isAmongFirstCompanies(profile.slug, inArea: area, count: SiteRenderer.companiesShown) { return }
            pages.insert("match/\(area)/index.html")
            pages.formUnion(directory.config.capabilities.map { "match/\(area)/\($0.slug)/index.html" })
        }
        for (old, new) in regrouped {
            pages.formUnion(["index.html", "match/index.html"])
            // Listed twice counts twice, as a whole build counts it.
            for area in Set(old.areas + new.areas) where old.areas.count(of: area) != new.areas.count(of: area) {
                guard directory.bySlug[area]?.type == .area else { continue }
                guard before.pageCount(ofArea: area) == directory.pageCount(ofArea: area) else { return nil }
                let path = Profile.path(.area, area)
                pages.formUnion((1...directory.pageCount(ofArea: area)).map { ListPages.path(path, page: $0) + "index.html" })
                addMatchPages(of: area)
            }
        }
        for profile in rematched {
            for area in profile.areas where directory.bySlug.contains(area) { addMatchPages(of: area, showing: profile) }
        }
        for (old, new) in retitled {
            // Cards name a partnership's parties and a profile's areas.
            for slug in directory.partnershipsOf[new.slug] ?? [] { state.rendered.forget(slug) }
            if new.type == .area {
                for slug in directory.inArea[new.slug] ?? [] { state.rendered.forget(slug) }
                pages.formUnion(directory.laterPages(ofArea: new.slug).map { ListPages.path(new.path, page: $0) + "index.html" })
            }
            guard Directory.sortKey(old) != Directory.sortKey(new) else { continue }
            if new.type == .partnership { pages.insert("index.html") }
            pages.formUnion(listPages(moving: new.slug, from: before.profiles(of: new.type).map(\.slug),
                                      to: directory.profiles(of: new.type).map(\.slug), first: new.type.folder + "/"))
            for area in new.areas where directory.bySlug.contains(area) {
                pages.formUnion(listPages(moving: new.slug, from: before.inArea[area] ?? [], to: directory.inArea[area] ?? [],
                                          first: Profile.path(.area, area)))
                // Those that showed the company are rewritten for its title already.
                addMatchPages(of: area, showing: new)
            }
        }
        let previous = state.matches
        state.directory = directory
        state.matches = matches
        guard rematch else { return pages }
        for (company, suggestions) in matches.suggestions where previous.suggestions[company] != suggestions {
            if let profile = directory.bySlug[company] { pages.insert(profile.path + "index.html") }
        }
        // A partner can gain its first interested company, or lose its last.
        for partner in Set(matches.companiesByPartner.keys).union(previous.companiesByPartner.keys) {
            let (before, after) = (previous.companiesByPartner[partner] ?? [], matches.companiesByPartner[partner] ?? [])
            let same = before.count == after.count && zip(before, after).allSatisfy {
                $0.company == $1.company && $0.score == $1.score && $0.reasons == $1.reasons
            }
            if !same, let profile = directory.bySlug[partner] { pages.insert(profile.path + "index.html") }
        }
        return pages
    }

    /// The pages of a list (its first at `first`) from the one where `slug` was to the one
    /// where it is: the profiles between moved one place, those before and after did not.
    static func listPages(moving slug: String, from old: [String], to new: [String], first: String) -> [String] {
        let count = ListPages.count(new.count)
        guard let was = old.firstIndex(of: slug), let now = new.firstIndex(of: slug) else {
            return (1...count).map { ListPages.path(first, page: $0) + "index.html" }
        }
        return (min(was, now) / ListPages.size + 1...max(was, now) / ListPages.size + 1).map { ListPages.path(first, page: $0) + "index.html" }
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

private extension Array where Element == String {
    func count(of element: String) -> Int { lazy.filter { $0 == element }.count }
}
