import Foundation

/// What `frontdoor build` was asked to do.
public struct BuildOptions: Sendable {
    public var content: String
    public var templates: String
    public var output: String
    public var includeDrafts: Bool
    /// Warnings fail the build too.
    public var strict: Bool
    /// Overrides `base_url` from site.yml.
    public var baseURL: String?
    /// Warn about summaries that are hard to read (`ReadabilityCheck`).
    public var readability: Bool
    /// Told when each step starts, for a progress line on a terminal.
    public var progress: BuildProgress.Sink?
    /// Keep what a body-only rebuild needs (`IncrementalBuilder`); off for one-off builds,
    /// which then free the parsed documents as soon as they are validated.
    public var keepState = false
    /// Record each page's render key even when the output folder holds no site yet
    /// (`PreviousPages`), so that the next build into it can take the pages that did not
    /// change. The preview sets it: its first whole rebuild after an edit to a title or a
    /// reference then renders only the pages whose values changed. A one-off build into an
    /// empty folder leaves it off and makes no keys.
    public var recordRenderKeys = false
    /// The derived files (search index, feeds, exports) of the site in the output folder:
    /// when given, and that site has them all, they are linked into the new site as they are
    /// instead of made again, and the report says so (`derivedFilesKept`). The preview sets
    /// it for whole rebuilds and brings the files up to date afterwards, as after a fast
    /// rebuild (`IncrementalBuilder.refreshDerivedFiles`).
    public var keepDerivedFiles: [String]?
    /// Up to this many profiles, the derived files are made while the pages are rendered.
    public var deriveWhileRenderingUpTo = SiteBuilder.deriveWhileRenderingUpTo

    public init(content: String = "content", templates: String = "templates", output: String = "site",
                includeDrafts: Bool = false, strict: Bool = false, baseURL: String? = nil,
                readability: Bool = true, progress: BuildProgress.Sink? = nil) {
        self.content = content
        self.templates = templates
        self.output = output
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.baseURL = baseURL
        self.readability = readability
        self.progress = progress
    }
}

/// The outcome of a check or a build.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    /// The linked directory, when the content has no errors.
    public var directory: Directory?
    public var pages = 0
    public var files = 0
    /// Each step's name and wall time in seconds, in order.
    public var timings: [StepTiming] = []
    public var written = false
    /// Files under content/assets/, copied as they are.
    public var assets: [AssetFile] = []
    /// Files whose bytes had not changed since the previous build, linked rather than written.
    public var reused = 0
    /// Pages whose values and templates had not changed since the previous build, taken from
    /// it rather than rendered (`PreviousPages`).
    public var pagesTakenFromPrevious = 0
    /// The derived files were linked from the previous site, not made (`BuildOptions.keepDerivedFiles`).
    public var derivedFilesKept = false
    /// What a later body-only rebuild needs (`IncrementalBuilder`); set when the site was written.
    var state: BuildState?
    var documents: [ParsedDocument] = []
    var contentDisplayRoot = ""

    public func failed(strict: Bool) -> Bool {
        diagnostics.hasErrors || (strict && diagnostics.warningCount > 0)
    }
}

/// The pipeline, step by step: load -> parse -> validate -> link -> derive -> render -> write.
/// Each step is a plain function of the previous one's values; only load and write touch the disk.
public struct SiteBuilder: Sendable {
    public init() {}

    /// Load, parse, validate and link the content. Writes nothing.
    /// `reservedIDs` are element ids the templates use, kept free in Markdown bodies.
    public func check(content: String, baseURL: String? = nil, includeDrafts: Bool = false, reservedIDs: Set<String> = [],
                      readability: Bool = true, progress: BuildProgress.Sink? = nil, keepDocuments: Bool = false,
                      parseBatch: Int = SiteBuilder.parseBatch,
                      keepingBodyHTMLUpTo bodyHTMLLimit: Int = SiteBuilder.bodyHTMLKeptUpTo) throws -> BuildReport {
        var report = BuildReport()
        var clock = StepClock(progress: progress)

        let source = try clock.time("load") { try ContentLoader().load(contentDirectory: content) }
        report.diagnostics += source.diagnostics
        report.assets = source.assets
        report.contentDisplayRoot = source.displayRoot
        let files = source.profiles.compactMap(ReferenceValidator.KnownFile.init)
        let siteConfigFile = source.siteConfig
        // The files' text is let go once parsed: at 100,000 profiles it is hundreds of megabytes.
        var sourceProfiles = (consume source).profiles

        var config: SiteConfig?
        clock.time("parse") {
            if let file = siteConfigFile {
                let (entries, problems) = DocumentParser(markdown: MarkdownRenderer()).parseSiteConfig(file)
                report.diagnostics += problems
                if let entries {
                    let (validated, configProblems) = SiteConfigValidator().validate(entries, path: file.displayPath, baseURLOverride: baseURL)
                    config = validated
                    report.diagnostics += configProblems
                }
            }
        }

        // Parsed and validated a batch of files at a time, each step timed on its own: a parsed
        // document's front matter tree is let go as soon as its profile is made, and each
        // file's text once it is parsed, so memory never holds every file in all three forms.
        let parser = DocumentParser(markdown: MarkdownRenderer(basePath: config?.basePath ?? "/", reservedIDs: reservedIDs),
                                    keepsBodyHTML: sourceProfiles.count <= bodyHTMLLimit)
        let validator = ProfileValidator()
        var profiles: [Profile] = []
        var documents: [ParsedDocument] = []
        while !sourceProfiles.isEmpty {
            let batch = Array(sourceProfiles.prefix(max(parseBatch, 1)))
            sourceProfiles.removeFirst(batch.count)
            let parsed = clock.time("parse", adding: true) {
                batch.parallelMap { parser.parse($0) }.compactMap { document, problems -> ParsedDocument? in
                    report.diagnostics += problems
                    return document
                }
            }
            clock.time("validate", adding: true) {
                for (profile, problems) in parsed.parallelMap({ validator.validate($0) }) {
                    report.diagnostics += problems
                    profiles.append(profile)
                }
            }
            // The profiles now hold what the pages need; the parsed documents are kept only for rebuilds.
            if keepDocuments { documents += parsed }
        }
        clock.time("validate", adding: true) {
            report.diagnostics += ReferenceValidator().validate(profiles, files: files, config: config,
                                                                assets: Set(report.assets.map(\.relativePath)))
            if readability { report.diagnostics += ReadabilityCheck().check(profiles) }
        }
        report.documents = documents
        report.diagnostics = Diagnostic.sorted(report.diagnostics)

        if let config, !report.diagnostics.hasErrors {
            report.directory = clock.time("link") { Directory(profiles: profiles, config: config, includeDrafts: includeDrafts) }
        }
        report.timings = clock.steps
        return report
    }

    /// The whole build. Content errors come back in the report with nothing written;
    /// a missing folder or a failed write throws.
    public func build(_ options: BuildOptions) throws -> BuildReport {
        try OutputGuard.check(output: options.output, protecting: [options.content, options.templates])
        var clock = StepClock(progress: options.progress)
        let templateSource = try clock.time("load templates") { try TemplateLoader().load(templatesDirectory: options.templates) }
        var report = try check(content: options.content, baseURL: options.baseURL, includeDrafts: options.includeDrafts,
                               reservedIDs: TemplateSet.declaredIDs(in: templateSource),
                               readability: options.readability, progress: options.progress, keepDocuments: options.keepState)
        clock.steps += report.timings
        report.timings = clock.steps
        guard let directory = report.directory, !report.failed(strict: options.strict) else { return report }

        let (templates, templateProblems) = TemplateSet.compile(templateSource, displayRoot: DisplayPath.relativeToWorkingDirectory(options.templates))
        report.diagnostics += templateProblems
        guard let templates else { report.timings = clock.steps; return report }

        FreedMemory.release()
        let matches = clock.time("match") { MatchResults(directory: directory) }
        FreedMemory.release()
        let assets = AssetSet(assets: templateSource.assets)
        let copies = report.assets.map { SiteWriter.Copy(sourcePath: $0.absolutePath, destination: "assets/" + $0.relativePath) }

        let writer = SiteWriter(output: options.output)
        let staging = try writer.begin()
        do {
            var kept: [String]?
            if let paths = options.keepDerivedFiles { kept = try clock.time("derive") { try staging.keepFromPrevious(paths) } }
            report.derivedFilesKept = kept != nil
            // Small sites derive their files while their pages are rendered, so neither's
            // single-core stretches leave a core idle (`derive` then times what was left after
            // the pages, its parts their whole time); large ones derive first, so the pages'
            // jobs are not held while deriving (memory).
            let overlapping = kept == nil && directory.count <= options.deriveWhileRenderingUpTo
            let deriving = DerivedFilesInProgress()
            if overlapping {
                deriving.start { () throws(WriteError) in try Self.derive(directory, matches: matches, into: staging) }
            }
            let derivedFirst = try overlapping ? nil : kept.map { (paths: $0, parts: [StepTiming]()) }
                ?? clock.time("derive", adding: true) { try Self.derive(directory, matches: matches, into: staging) }
            let assetPaths = try Self.writeFiles(assets.files, into: staging)
            let renderer = SiteRenderer(templates: templates, assets: assets)
            let rendered = RenderedPartials(templates: templates)
            let jobs = renderer.jobs(renderer.context(directory, matches: matches, rendered: rendered))
            let knownWhileRendering = jobs.map(\.path) + assetPaths + copies.map(\.destination) + (derivedFirst?.paths ?? [])
            let linksWhileRendering = InternalLinkChecker(baseURL: directory.config.baseURL, outputPaths: Set(knownWhileRendering))
            // The preview keeps which pages show each profile's summary and title, for its rebuilds.
            let appearances = options.keepState ? ProfileAppearances() : nil
            // Listing the previous site's pages is part of rendering, timed with it.
            let previousPages = clock.time("render") { staging.previousPages() ?? (options.recordRenderKeys ? PreviousPages.none : nil) }
            let scannedWhileRendering: [(page: String, links: [InternalLinkChecker.BrokenLink])]
            do {
                scannedWhileRendering = try clock.time("render", adding: true) {
                    try Self.renderPages(jobs, into: staging, checking: linksWhileRendering, recording: appearances, reusing: previousPages)
                }
            } catch {
                // The staging folder is discarded below: not while the derived files are still being written into it.
                if overlapping { _ = try? deriving.wait() }
                throw error
            }
            let derived = try derivedFirst ?? clock.time("derive") { try deriving.wait() }
            clock.steps += derived.parts
            let otherPaths = derived.paths + assetPaths
            let links = derivedFirst != nil ? linksWhileRendering
                : InternalLinkChecker(baseURL: directory.config.baseURL, outputPaths: Set(knownWhileRendering + derived.paths))
            // A link the render found broken may lead to a derived file made meanwhile.
            let scanned = derivedFirst != nil ? scannedWhileRendering : scannedWhileRendering.compactMap { page in
                let broken = page.links.filter { !links.resolves($0.target) }
                return broken.isEmpty ? nil : (page: page.page, links: broken)
            }
            let brokenLinks = clock.time("check links") {
                links.check(directory, scanned: scanned, templatesPath: DisplayPath.relativeToWorkingDirectory(options.templates))
            }
            report.diagnostics += brokenLinks
            guard !brokenLinks.hasErrors else {
                writer.discard(staging)
                report.timings = clock.steps
                return report
            }
            try clock.time("write") {
                for copy in copies { try staging.copy(from: copy.sourcePath, to: copy.destination) }
                try writer.commit(staging)
            }
            report.pages = jobs.count
            report.files = jobs.count + otherPaths.count + copies.count
            report.pagesTakenFromPrevious = previousPages?.taken ?? 0
            if options.keepState { report.state = BuildState(options: options, directory: directory, templates: templates, assets: assets, matches: matches,
                                      rendered: rendered, appearances: appearances ?? ProfileAppearances(),
                                      documents: Dictionary(report.documents.map { ($0.sourcePath, $0) }, uniquingKeysWith: { first, _ in first }),
                                      diagnostics: report.diagnostics, links: links, contentDisplayRoot: report.contentDisplayRoot,
                                      reservedIDs: TemplateSet.declaredIDs(in: templateSource), derivedPaths: Set(derived.paths)) }
        } catch {
            writer.discard(staging)
            throw error
        }
        report.reused = staging.counts.reused
        report.documents = []
        report.written = true
        report.timings = clock.steps
        return report
    }
}

extension SiteBuilder {
    /// Files parsed and validated at a time (see `check`).
    public static let parseBatch = 2048
    /// Up to this many profiles, the parse stage's body HTML is kept for the render stage
    /// instead of being made twice (about 2.5 KB a body: 50 MB at this size). Above it, memory
    /// matters more: at 100,000 profiles the bodies' HTML was a fifth of what a build held.
    public static let bodyHTMLKeptUpTo = 20_000
    /// Up to this many profiles, the derived files are made while the pages are rendered.
    public static let deriveWhileRenderingUpTo = 20_000

    /// `derive` run on another thread while the caller renders (`deriveWhileRenderingUpTo`).
    final class DerivedFilesInProgress: @unchecked Sendable {
        private let group = DispatchGroup()
        private var outcome: Result<(paths: [String], parts: [StepTiming]), WriteError>?

        func start(_ work: @escaping @Sendable () throws(WriteError) -> (paths: [String], parts: [StepTiming])) {
            DispatchQueue.global().async(group: group) {
                let result = Result { () throws(WriteError) in try work() }
                self.outcome = result  // read only after `wait`, which orders it after this write
            }
        }

        func wait() throws(WriteError) -> (paths: [String], parts: [StepTiming]) {
            group.wait()
            return try outcome!.get()
        }
    }

    /// Makes and writes the derived files (`SiteDeriver`), its three parts side by side: each
    /// is partly serial (the feeds wholly), so one after another they left a core idle for a
    /// third of their time. Each part hands its files over a group at a time, written and let
    /// go, so the search index and the open data are never all in memory, nor held while
    /// pages render. Returns the paths written, in part order, and each part's wall time (its
    /// CPU time and peak memory are not its own while the parts share the cores).
    static func derive(_ directory: Directory, matches: MatchResults, into staging: StagingFolder)
        throws(WriteError) -> (paths: [String], parts: [StepTiming]) {
        let parts = SiteDeriver.Part.allCases
        let slots = ResultSlots<Result<(paths: [String], timing: StepTiming), WriteError>>(count: parts.count)
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
            let start = DispatchTime.now().uptimeNanoseconds
            var paths: [String] = []
            do throws(WriteError) {
                try SiteDeriver().derive(parts[index], directory, matches: matches) { files throws(WriteError) in
                    paths += try writeFiles(files, into: staging)
                }
                FreedMemory.release()
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                // No peak or CPU time of its own: the parts run at once.
                let timing = StepTiming(step: "derive: \(parts[index].rawValue)", seconds: seconds, peakBytes: nil, residentBytes: nil)
                slots.set(index, .success((paths, timing)))
            } catch {
                slots.set(index, .failure(error))
            }
        }
        var paths: [String] = [], timings: [StepTiming] = []
        for slot in slots.values {
            guard let made = try slot?.get() else { continue }
            paths += made.paths
            timings.append(made.timing)
        }
        return (paths, timings)
    }

    /// Writes files that are not pages (the search index, feeds, open data, assets) across the
    /// cores; returns their paths, for the link checker.
    static func writeFiles(_ files: [OutputFile], into staging: StagingFolder) throws(WriteError) -> [String] {
        let whole = files.filter { $0.piece == .whole }
        let failures = whole.parallelChunks { chunk -> [WriteError] in
            for file in chunk {
                do throws(WriteError) { try staging.write(file) } catch { return [error] }
            }
            return []
        }
        if let failure = failures.first { throw failure }
        // Pieces of a file in the order given, after the whole files (`OutputFile.Piece`).
        for file in files where file.piece != .whole { try staging.write(file) }
        return files.filter { $0.piece == .whole || $0.piece == .first }.map(\.path)
    }

    /// Pages at a time: rendered in parallel, scanned for links and written straight into
    /// the staging folder, so memory holds one batch of pages, not the site. Each batch ends
    /// with one core waiting for the other's last chunk, so batches are long and chunks short.
    static let renderBatch = 1024
    static let renderChunk = 16
    /// Batches rendered between two hand-backs of freed memory.
    static let trimEvery = 2

    /// Renders, link-scans and writes every page; returns each page's broken links, in path order.
    /// `recording`, when given, gets the profiles each page shows (`ProfileAppearances`); a page
    /// whose render key `reusing` has is read from there instead of rendered (`PageRender`).
    static func renderPages(_ jobs: [PageJob], into staging: StagingFolder, checking links: InternalLinkChecker,
                            recording appearances: ProfileAppearances?, reusing previous: PreviousPages? = nil)
        throws(WriteError) -> [(page: String, links: [InternalLinkChecker.BrokenLink])] {
        var scanned: [(page: String, links: [InternalLinkChecker.BrokenLink])] = []
        let resolvers = InternalLinkChecker.Resolvers(checker: links)
        for start in stride(from: 0, to: jobs.count, by: renderBatch) {
            let batch = Array(jobs[start..<min(start + renderBatch, jobs.count)])
            let results = batch.parallelChunks(chunks: batch.count / renderChunk) { chunk -> [Result<(broken: [InternalLinkChecker.BrokenLink], shown: ProfileAppearances.Reading?), WriteError>] in
                // A resolver lent for the chunk's pages: the links many pages have (the
                // navigation, the areas, the partners) are resolved once per resolver.
                var resolver = resolvers.borrow()
                defer { resolvers.giveBack(resolver) }
                return chunk.map { job in
                    // Keys are made only when there is a previous site to take pages from
                    // and record them in: a first build into an empty folder pays nothing.
                    let render = previous.map { PageRender(previous: $0) }
                    let (page, shown) = PageRender.$current.withValue(render) {
                        appearances == nil ? (job.render(), nil) : ProfileAppearances.render(job)
                    }
                    let broken = page.path.hasSuffix(".html") ? resolver.brokenLinks(inPage: page.path, html: page.data) : []
                    do throws(WriteError) {
                        try staging.write(page, renderKey: render?.key, takenFrom: render?.takenFrom)
                    } catch {
                        return .failure(error)
                    }
                    return .success((broken, shown))
                }
            }
            for (job, result) in zip(batch, results) {
                let (broken, shown) = try result.get()
                if !broken.isEmpty { scanned.append((job.path, broken)) }
                if let shown { appearances?.record(page: job.path, showing: shown) }
            }
            // Each batch frees its pages, but not where the next batch's threads look for
            // room (`FreedMemory`): at 100,000 profiles resident memory grew by 300 MiB.
            if (start / renderBatch) % trimEvery == trimEvery - 1 { FreedMemory.release() }
        }
        return scanned
    }
}
