import Foundation
import Testing
@testable import FrontDoorKit

/// Small sites make their derived files while their pages are rendered; large ones make
/// them first. The link check of the first way learns of the derived files only at the end,
/// so a body link to one must still count as fine, and a broken link as broken.
@Suite("Build: deriving while rendering")
struct DeriveWhileRenderingTests {
    typealias Support = SiteTestSupport

    @Test func bothOrdersWriteTheSameSiteAndReportTheSameLinks() throws {
        let workspace = try Support.Workspace("derive-while-rendering")
        defer { workspace.remove() }
        let content = try workspace.content("basic")
        let company = content + "/companies/example-femtech.md"
        let text = try String(contentsOfFile: company, encoding: .utf8)
        try (text + "\nSee [the feed](/feed.xml), [the search index](/search-index.json) and [open data](/openreferral/services.json) and [nothing](/nowhere/).\n")
            .write(toFile: company, atomically: true, encoding: .utf8)
        func build(_ output: String, deriveWhileRenderingUpTo limit: Int) throws -> (report: BuildReport, site: Support.Snapshot) {
            var options = BuildOptions(content: content, templates: Support.templates, output: workspace.path(output))
            options.deriveWhileRenderingUpTo = limit
            let report = try SiteBuilder().build(options)
            return (report, try Support.snapshot(workspace.path(output)))
        }
        let whileRendering = try build("while", deriveWhileRenderingUpTo: .max)
        let first = try build("first", deriveWhileRenderingUpTo: 0)
        func links(_ report: BuildReport) -> [String] {
            report.diagnostics.filter { $0.code == DiagnosticCode.brokenLink.rawValue }.map { "\($0.path):\($0.line) \($0.message)" }
        }
        #expect(links(whileRendering.report).count == 1, "\(links(whileRendering.report)) / \(links(first.report))")
        #expect(links(whileRendering.report).first?.contains("/nowhere/") == true)
        #expect(links(whileRendering.report) == links(first.report))
        #expect(!whileRendering.report.written && !first.report.written, "a broken link is an error")

        // Without the broken link both write a site, the same bytes.
        try (text + "\nSee [the feed](/feed.xml) and [the search index](/search-index.json) and [open data](/openreferral/services.json).\n")
            .write(toFile: company, atomically: true, encoding: .utf8)
        let written = try build("while", deriveWhileRenderingUpTo: .max)
        let writtenFirst = try build("first", deriveWhileRenderingUpTo: 0)
        #expect(written.report.written && writtenFirst.report.written, "\(links(written.report))")
        #expect(written.site.files.count > 20)
        #expect(written.site == writtenFirst.site, "\(written.site.difference(from: writtenFirst.site))")
    }
}
