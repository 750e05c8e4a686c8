import Foundation
import FrontDoorKit

/// Runs the pipeline for the preview, one build at a time, and tells the open tabs and the
/// terminal how it went. A failed build leaves the last good site in place (the writer swaps
/// a new site in only when the build succeeds).
actor PreviewBuilder {
    private let options: PreviewOptions
    private let output: String
    private let broadcaster: ReloadBroadcaster
    private let onEvent: @Sendable (PreviewEvent) -> Void
    /// Successful builds so far; 0 until the first site is ready.
    private(set) var generation = 0
    /// Made at the first build, when the address (part of the base URL) is known.
    private var incremental: IncrementalBuilder?
    /// The refresh of the search index, feeds and exports running after a fast rebuild, and
    /// whether another rebuild has asked for one since it began.
    private var refreshing: Task<Void, Never>?
    private var refreshWanted = false
    private lazy var contentRoot = URL(fileURLWithPath: options.content).standardizedFileURL.path + "/"

    init(options: PreviewOptions, output: String, broadcaster: ReloadBroadcaster, onEvent: @escaping @Sendable (PreviewEvent) -> Void) {
        self.options = options
        self.output = output
        self.broadcaster = broadcaster
        self.onEvent = onEvent
    }

    func build(baseURL: String, changed: Set<String>) async {
        let changedList = changed.sorted()
        if incremental == nil {
            incremental = IncrementalBuilder(options: BuildOptions(
                content: options.content, templates: options.templates, output: output,
                includeDrafts: options.includeDrafts, baseURL: baseURL, readability: options.readability))
        }
        let builder = incremental!
        // Paths inside content/, for a body-only rebuild; anything else (templates) means a whole build.
        let root = contentRoot
        let inContent = changed.allSatisfy { $0.hasPrefix(root) }
        let relative = inContent ? Set(changed.map { String($0.dropFirst(root.count)) }) : nil
        let start = ContinuousClock.now
        let outcome = await Task.detached(priority: .userInitiated) { () -> Result<BuildReport, any Error> in
            Result { try builder.build(changedContent: relative) }
        }.value
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18

        switch outcome {
        case .success(let report) where report.written:
            generation += 1
            let warnings = report.diagnostics.filter { $0.severity == .warning }
            await broadcaster.publish(PreviewState(generation: generation, ok: true, diagnostics: warnings))
            onEvent(.built(pages: report.pages, seconds: seconds, changed: changedList, warnings: warnings))
            // After a fast rebuild the search index and feeds follow, off the reload's path and
            // without holding up the next edit (`IncrementalBuilder.derivedRefresh`).
            refreshDerivedFiles(builder)
        case .success(let report):
            await broadcaster.publish(PreviewState(generation: generation, ok: false, diagnostics: report.diagnostics))
            onEvent(.failed(diagnostics: report.diagnostics, changed: changedList))
        case .failure(let error):
            let diagnostic = Diagnostic(path: options.content, .error, .buildFailed, "\(error)")
            await broadcaster.publish(PreviewState(generation: generation, ok: false, diagnostics: [diagnostic]))
            onEvent(.crashed(message: "\(error)"))
        }
    }

    /// How long the edits must pause before the search index and exports are made again.
    static let refreshPause: Duration = .milliseconds(500)

    /// One refresh at a time, once the edits pause; edits saved while one runs get one more
    /// after it, not one each. Made while the next edit is saved, a refresh would be thrown
    /// away, and it would share the two cores with that edit's rebuild.
    private func refreshDerivedFiles(_ builder: IncrementalBuilder) {
        refreshWanted = true
        guard refreshing == nil else { return }
        refreshing = Task {
            while refreshWanted {
                refreshWanted = false
                try? await Task.sleep(for: Self.refreshPause)
                if refreshWanted { continue }  // another edit came meanwhile: wait for its pause
                _ = await Task.detached(priority: .utility) { try? builder.refreshDerivedFiles() }.value
            }
            refreshing = nil
        }
    }

    /// On shutdown: a refresh still running writes nothing into the folder being removed.
    func stop() {
        incremental?.close()
    }
}
