import Foundation
import Testing
@testable import FrontDoorKit

/// Every build checks that each internal link of its pages leads to a file it makes
/// (`Fixtures/site/overlays/broken-links`, the bundled templates and content).
@Suite struct SiteLinkCheckTests {
    typealias Support = SiteTestSupport

    static func brokenLinks(_ report: BuildReport) -> [Diagnostic] {
        report.diagnostics.filter { $0.code == DiagnosticCode.brokenLink.rawValue }
    }

    @Test func brokenBodyLinksAreReportedAtTheirFileLineAndColumnAndNothingIsWritten() throws {
        let workspace = try Support.Workspace("links-body")
        defer { workspace.remove() }
        let output = workspace.path("out/site")
        try Support.buildOK(content: try workspace.content("basic", at: "good"), output: output)
        let before = try Support.snapshot(output)

        let content = try workspace.content("basic", overlays: ["overlays/broken-links"], at: "bad")
        let report = try Support.build(content: content, output: output)
        #expect(!report.written)
        #expect(report.files == 0)
        #expect(report.diagnostics.errorCount == 6, "\(report.diagnostics.map(\.formatted))")
        let found = Self.brokenLinks(report).map { diagnostic in
            "\(diagnostic.path.hasSuffix("bad/companies/linky-co.md")) \(diagnostic.line):\(diagnostic.column) \(diagnostic.severity.rawValue) \(diagnostic.message)" + (diagnostic.hint.map { " (\($0))" } ?? "")
        }
        #expect(found == [
            "true 16:3 error broken link `/companies/does-not-exist/`: the site has no page or file `/companies/does-not-exist/`",
            "true 16:64 error broken link `../nowhere/`: the site has no page or file `/companies/nowhere/`",
            "true 18:3 error broken link `/assets/logos/missing.svg`: the site has no page or file `/assets/logos/missing.svg`",
            "true 19:3 error broken link `../../../up/`: it leads above the site's root",
            "true 20:7 error broken link `https://example.org/frontdoor/companies/exampel-femtech/`: the site has no page or file `/companies/exampel-femtech/` (did you mean `/companies/example-femtech/`?)",
            "true 24:10 error broken link `/areas/womans-health/`: the site has no page or file `/areas/womans-health/` (did you mean `/areas/womens-health/`?)",
        ])
        // The old site is untouched, and the links were checked after rendering, before writing.
        let after = try Support.snapshot(output)
        #expect(after == before, "the old site changed: \(after.difference(from: before))")
        #expect(try Support.listing(workspace.path("out")) == ["site"])
        let steps = report.timings.map(\.step)
        #expect(steps.suffix(2) == ["derive: open data", "check links"], "\(steps)")
        #expect(steps.firstIndex(of: "render")! < steps.firstIndex(of: "check links")!, "\(steps)")
    }

    @Test func aBrokenTemplateLinkIsReportedOnceWithItsFirstPageAndPageCount() throws {
        let workspace = try Support.Workspace("links-templates")
        defer { workspace.remove() }
        let templates = workspace.path("theme")
        try Support.copyTree(URL(fileURLWithPath: Support.templates), into: URL(fileURLWithPath: templates))
        let content = try workspace.content("basic")
        let good = try Support.buildOK(content: content, output: workspace.path("good"), templates: templates)

        let footer = templates + "/partials/footer.mustache"
        let text = try Support.text(footer)
        try Data((text + #"<a href="{{site.home_url}}no-such-page/">x</a><img src="{{site.base_path}}static/missing.png" alt="">"#).utf8)
            .write(to: URL(fileURLWithPath: footer))
        let report = try Support.build(content: content, output: workspace.path("bad"), templates: templates)
        #expect(!report.written)
        #expect(!FileManager.default.fileExists(atPath: workspace.path("bad")))
        let broken = Self.brokenLinks(report)
        #expect(broken.count == 2, "\(broken.map(\.formatted))")
        #expect(Set(broken.map(\.path)) == [DisplayPath.relativeToWorkingDirectory(templates)])
        #expect(broken.allSatisfy { $0.line == 1 && $0.column == 1 && $0.severity == .error })
        #expect(broken.map(\.message) == [
            "broken link `/frontdoor/no-such-page/` made by the templates on \(good.pages) pages, first `404.html`: the site has no page or file `/no-such-page/`",
            "broken link `/frontdoor/static/missing.png` made by the templates on \(good.pages) pages, first `404.html`: the site has no page or file `/static/missing.png`",
        ])
    }

    /// The bundled Birmingham content with the bundled templates, at the root of a host and
    /// under a sub-path: not one broken link.
    @Test(arguments: [nil, "https://example.org/", "https://example.org/deep/sub/path/"])
    func theBundledSiteHasNoBrokenLinks(_ baseURL: String?) throws {
        let workspace = try Support.Workspace("links-bundled")
        defer { workspace.remove() }
        let content = URL(fileURLWithPath: Support.templates).deletingLastPathComponent().appendingPathComponent("content").path
        let report = try Support.buildOK(content: content, output: workspace.path("site"), baseURL: baseURL)
        #expect(Self.brokenLinks(report).isEmpty)
        #expect(report.pages > 50)
        #expect(report.timings.map(\.step).contains("check links"))
    }

    /// The fixtures with unusual links (a logo with spaces and `#`, hostile content,
    /// Markdown with every kind of link) build with every link resolved.
    @Test(arguments: [["markdown"], ["hostile"], ["markdown", "hostile"]])
    func theFixtureSitesHaveNoBrokenLinks(_ overlays: [String]) throws {
        let workspace = try Support.Workspace("links-fixtures")
        defer { workspace.remove() }
        let site = workspace.path("site")
        let report = try Support.buildOK(content: try workspace.content("basic", overlays: overlays), output: site)
        #expect(Self.brokenLinks(report).isEmpty)
        // The checker saw the links the browser tests see: every internal one resolves on disk.
        let checker = InternalLinkChecker(baseURL: "https://example.org/frontdoor/", outputPaths: Set(try Support.snapshot(site).paths))
        for (path, html) in try Support.htmlPages(site) {
            let broken = checker.brokenLinks(inPage: path, html: Data(html.utf8))
            #expect(broken.isEmpty, "\(path): \(broken)")
        }
    }
}
