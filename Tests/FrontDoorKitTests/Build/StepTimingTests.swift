import Foundation
import Testing
@testable import FrontDoorKit

/// `--timings`: every step of a build, in pipeline order, with its CPU time and the process's
/// peak memory when it ended, which only grows (it is a high-water mark).
@Suite("Build: step timings and peak memory")
struct StepTimingTests {
    typealias Support = SiteTestSupport

    @Test func everyStepHasItsTimeAndAGrowingPeak() throws {
        let workspace = try Support.Workspace("timings")
        defer { workspace.remove() }
        let content = try workspace.content("basic")
        let report = try SiteBuilder().build(BuildOptions(content: content, templates: Support.templates, output: workspace.path("site")))
        #expect(report.written)
        // Derived files are made while the pages are rendered: `derive` is what was left after them.
        #expect(report.timings.map { $0.step } == ["load templates", "load", "parse", "validate", "link", "match", "render", "derive",
                                               "derive: search index", "derive: feeds", "derive: open data", "check links", "write"])
        #expect(report.timings.allSatisfy { $0.seconds >= 0 })
        // The parts of `derive` run at once, so only the whole step has a peak and a CPU time.
        let steps = report.timings.filter { !$0.step.hasPrefix("derive: ") }
        #expect(report.timings.filter { $0.step.hasPrefix("derive: ") }.allSatisfy { $0.peakBytes == nil && $0.cpuSeconds == nil })
        #expect(steps.allSatisfy { ($0.cpuSeconds ?? -1) >= 0 })
        let peaks = steps.compactMap { $0.peakBytes }
        #expect(peaks.count == steps.count, "Linux reports VmHWM for every step")
        #expect(peaks.allSatisfy { $0 > 1_048_576 }, "\(peaks)")
        // A high-water mark never falls, but the kernel counts resident pages per CPU and sums
        // them lazily, so after the build hands freed memory back (`FreedMemory`) a reading can
        // come out a few pages under an earlier one.
        let slack = 1 << 20
        #expect(zip(peaks, peaks.dropFirst()).allSatisfy { $1 >= $0 - slack }, "\(peaks)")
        #expect(peaks.last! >= peaks.max()! - slack)
    }
}
