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
    public var timings: [(step: String, seconds: Double)] = []
    public var written = false
    /// Files under content/assets/, copied as they are.
    public var assets: [AssetFile] = []
    /// Files whose bytes had not changed since the previous build, linked rather than written.
    public var reused = 0
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
                      readability: Bool = true, progress: BuildProgress.Sink? = nil, keepDocuments: Bool = false) throws -> BuildReport {
        var report = BuildReport()
        var clock = StepClock(progress: progress)

        let source = try clock.time("load") { try ContentLoader().load(contentDirectory: content) }
        report.diagnostics += source.diagnostics

        var config: SiteConfig?
        var documents: [ParsedDocument] = []
        clock.time("parse") {
            if let file = source.siteConfig {
                let (entries, problems) = DocumentParser(markdown: MarkdownRenderer()).parseSiteConfig(file)
                report.diagnostics += problems
                if let entries {
                    let (validated, configProblems) = SiteConfigValidator().validate(entries, path: file.displayPath, baseURLOverride: baseURL)
                    config = validated
                    report.diagnostics += configProblems
                }
            }
            let parser = DocumentParser(markdown: MarkdownRenderer(basePath: config?.basePath ?? "/", reservedIDs: reservedIDs))
            for (document, problems) in source.profiles.parallelMap({ parser.parse($0) }) {
                report.diagnostics += problems
                if let document { documents.append(document) }
            }
        }

        var profiles: [Profile] = []
        clock.time("validate") {
            let validator = ProfileValidator()
            for (profile, problems) in documents.parallelMap({ validator.validate($0) }) {
                report.diagnostics += problems
                profiles.append(profile)
            }
            let files = source.profiles.compactMap(ReferenceValidator.KnownFile.init)
            report.diagnostics += ReferenceValidator().validate(profiles, files: files, config: config,
                                                                assets: Set(source.assets.map(\.relativePath)))
            if readability { report.diagnostics += ReadabilityCheck().check(profiles) }
        }
        // The profiles now hold what the pages need; the parsed documents are kept only for rebuilds.
        if keepDocuments { report.documents = documents }
        documents = []
        report.diagnostics = Diagnostic.sorted(report.diagnostics)

        if let config, !report.diagnostics.hasErrors {
            report.directory = clock.time("link") { Directory(profiles: profiles, config: config, includeDrafts: includeDrafts) }
        }
        report.timings = clock.steps
        report.assets = source.assets
        report.contentDisplayRoot = source.displayRoot
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

        let matches = clock.time("match") { MatchResults(directory: directory) }
        let derived = clock.time("derive") { SiteDeriver().derive(directory, matches: matches) }
        let assets = AssetSet(assets: templateSource.assets)
        let jobs = SiteRenderer(templates: templates, assets: assets).jobs(directory, matches: matches)
        let copies = report.assets.map { SiteWriter.Copy(sourcePath: $0.absolutePath, destination: "assets/" + $0.relativePath) }
        let others = derived + assets.files
        let links = InternalLinkChecker(baseURL: directory.config.baseURL,
                                        outputPaths: Set(jobs.map(\.path) + others.map(\.path) + copies.map(\.destination)))

        let writer = SiteWriter(output: options.output)
        let staging = try writer.begin()
        do {
            let scanned = try clock.time("render") { try Self.renderPages(jobs, into: staging, checking: links) }
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
                for file in others { try staging.write(file) }
                for copy in copies { try staging.copy(from: copy.sourcePath, to: copy.destination) }
                try writer.commit(staging)
            }
        } catch {
            writer.discard(staging)
            throw error
        }
        (report.files, report.reused) = (jobs.count + others.count + copies.count, staging.counts.reused)
        report.pages = jobs.count
        if options.keepState { report.state = BuildState(options: options, directory: directory, templates: templates, assets: assets, matches: matches,
                                  documents: Dictionary(report.documents.map { ($0.sourcePath, $0) }, uniquingKeysWith: { first, _ in first }),
                                  diagnostics: report.diagnostics, links: links, contentDisplayRoot: report.contentDisplayRoot,
                                  reservedIDs: TemplateSet.declaredIDs(in: templateSource)) }
        report.documents = []
        report.written = true
        report.timings = clock.steps
        return report
    }
}

extension SiteBuilder {
    /// Pages at a time: rendered in parallel, scanned for links and written straight into
    /// the staging folder, so memory holds one batch of pages, not the site.
    static let renderBatch = 256

    /// Renders, link-scans and writes every page; returns each page's broken links, in path order.
    static func renderPages(_ jobs: [PageJob], into staging: StagingFolder, checking links: InternalLinkChecker)
        throws(WriteError) -> [(page: String, links: [InternalLinkChecker.BrokenLink])] {
        var scanned: [(page: String, links: [InternalLinkChecker.BrokenLink])] = []
        for start in stride(from: 0, to: jobs.count, by: renderBatch) {
            let batch = Array(jobs[start..<min(start + renderBatch, jobs.count)])
            let results = batch.parallelMap { job -> Result<[InternalLinkChecker.BrokenLink], WriteError> in
                let page = job.render()
                let broken = page.path.hasSuffix(".html") ? links.brokenLinks(inPage: page.path, html: page.data) : []
                do throws(WriteError) {
                    try staging.write(page)
                } catch {
                    return .failure(error)
                }
                return .success(broken)
            }
            for (job, result) in zip(batch, results) {
                let broken = try result.get()
                if !broken.isEmpty { scanned.append((job.path, broken)) }
            }
        }
        return scanned
    }
}

/// Times the steps of a build, for the summary line and `--timings`.
struct StepClock {
    var steps: [(step: String, seconds: Double)] = []
    var progress: BuildProgress.Sink?

    init(progress: BuildProgress.Sink? = nil) {
        self.progress = progress
    }

    mutating func time<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
        progress?(BuildProgress(step: name))
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try work()
        steps.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        return result
    }
}
