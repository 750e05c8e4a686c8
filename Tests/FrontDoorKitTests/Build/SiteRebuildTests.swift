import Foundation
import Testing
@testable import FrontDoorKit

/// Rebuilds after an edit: the whole-site result must be exactly what a fresh build gives,
/// while an edit to a body rewrites only its own page (and, after the refresh, the derived
/// files), and unchanged files keep their modification time.
@Suite("Build: rebuilding after an edit")
struct SiteRebuildTests {
    typealias Support = SiteTestSupport
    static let company = "companies/example-femtech.md"

    private static func modificationTimes(_ root: String) throws -> [String: Date] {
        var times: [String: Date] = [:]
        for path in try Support.snapshot(root).paths {
            times[path] = try FileManager.default.attributesOfItem(atPath: root + "/" + path)[.modificationDate] as? Date
        }
        return times
    }

    private static func edit(_ content: String, _ old: String, _ new: String) throws {
        let path = content + "/" + company
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try #require(text.contains(old), "`\(old)` is not in the fixture")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func aBodyEditRewritesOnlyItsPageAndEndsEqualToAFreshBuild() throws {
        let workspace = try Support.Workspace("rebuild")
        defer { workspace.remove() }
        let content = try workspace.content()
        let output = workspace.path("site")
        let builder = IncrementalBuilder(options: BuildOptions(content: content, templates: Support.templates, output: output))
        #expect(try builder.build().written)
        #expect(builder.lastRewrittenPages == nil)
        let before = try Self.modificationTimes(output)
        let beforeSite = try Support.snapshot(output)
        Thread.sleep(forTimeInterval: 1.1)  // modification times have one-second resolution on some file systems

        try Self.edit(content, "## Product", "## Product\n\nA brand-new sentence about zebrafish telemetry.")
        let report = try builder.build(changedContent: [Self.company])
        #expect(report.written && report.diagnostics.errorCount == 0)
        #expect(builder.lastRewrittenPages == ["companies/example-femtech/index.html"])
        #expect(try builder.refreshDerivedFiles() > 0, "the search index reads bodies, so it must change")

        let after = try Self.modificationTimes(output)
        let rewritten = after.filter { before[$0.key] != $0.value }.keys.sorted()
        #expect(rewritten.contains("companies/example-femtech/index.html"))
        #expect(!rewritten.contains("index.html") && !rewritten.contains("companies/index.html"), "\(rewritten)")

        // The result is byte for byte what a fresh build of the edited content gives.
        let fresh = workspace.path("fresh")
        try Support.buildOK(content: content, output: fresh)
        let rebuilt = try Support.snapshot(output)
        let freshSite = try Support.snapshot(fresh)
        #expect(rebuilt == freshSite, "\(rebuilt.difference(from: freshSite))")
        #expect(rebuilt != beforeSite)
    }

    @Test func aFrontMatterEditGetsAWholeBuild() throws {
        let workspace = try Support.Workspace("rebuild-fm")
        defer { workspace.remove() }
        let content = try workspace.content()
        let output = workspace.path("site")
        let builder = IncrementalBuilder(options: BuildOptions(content: content, templates: Support.templates, output: output))
        #expect(try builder.build().written)
        try Self.edit(content, "title: Example Femtech Ltd", "title: Renamed Femtech Ltd")
        #expect(try builder.build(changedContent: [Self.company]).written)
        #expect(builder.lastRewrittenPages == nil)
        let fresh = workspace.path("fresh")
        try Support.buildOK(content: content, output: fresh)
        #expect(try Support.snapshot(output) == (try Support.snapshot(fresh)))
    }

    @Test func aBrokenLinkInAnEditedBodyKeepsTheLastGoodPage() throws {
        let workspace = try Support.Workspace("rebuild-broken")
        defer { workspace.remove() }
        let content = try workspace.content()
        let output = workspace.path("site")
        let builder = IncrementalBuilder(options: BuildOptions(content: content, templates: Support.templates, output: output))
        #expect(try builder.build().written)
        let good = try Support.snapshot(output)
        try Self.edit(content, "## Product", "## Product\n\nSee [our partner](/trusts/no-such-trust/).")
        let report = try builder.build(changedContent: [Self.company])
        #expect(!report.written)
        let broken = report.diagnostics.filter { $0.code == "broken-link" }
        #expect(broken.count == 1 && broken.first?.path.hasSuffix(Self.company) == true)
        #expect(try Support.snapshot(output) == good)
    }
}
