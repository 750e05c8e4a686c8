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

    private static func edit(_ content: String, _ old: String, _ new: String, in file: String = company) throws {
        let path = content + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try #require(text.contains(old), "`\(old)` is not in \(file)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: URL(fileURLWithPath: path))
    }

    /// The preview's site must be byte for byte what a fresh build of the same content gives.
    @discardableResult
    private static func expectSameAsFreshBuild(_ workspace: Support.Workspace, content: String, output: String,
                                               sourceLocation: SourceLocation = #_sourceLocation) throws -> Support.Snapshot {
        let fresh = workspace.path("fresh")
        try Support.buildOK(content: content, output: fresh)
        let rebuilt = try Support.snapshot(output)
        let freshSite = try Support.snapshot(fresh)
        #expect(rebuilt == freshSite, "\(rebuilt.difference(from: freshSite))", sourceLocation: sourceLocation)
        return rebuilt
    }

    /// The pages the builder's last rebuild rewrote, which must take the fast path and
    /// include `expected`.
    @discardableResult
    private static func expectRewritten(_ expected: [String], by builder: IncrementalBuilder,
                                        sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let pages = try #require(builder.lastRewrittenPages, "it takes the fast path", sourceLocation: sourceLocation)
        for page in expected { #expect(pages.contains(page), "\(page) is not in \(pages)", sourceLocation: sourceLocation) }
        return pages
    }

    /// A copy of the basic fixture, changed by `prepare`, built once by a preview builder,
    /// ready for edits.
    private static func builtPreview(_ name: String, prepare: (_ content: String) throws -> Void = { _ in })
        throws -> (Support.Workspace, content: String, output: String, IncrementalBuilder) {
        let workspace = try Support.Workspace(name)
        let content = try workspace.content()
        do { try prepare(content) } catch { workspace.remove(); throw error }
        let output = workspace.path("site")
        let builder = IncrementalBuilder(options: BuildOptions(content: content, templates: Support.templates, output: output))
        #expect(try builder.build().written)
        return (workspace, content, output, builder)
    }

    @Test func aBodyEditRewritesOnlyItsPageAndEndsEqualToAFreshBuild() throws {
        let (workspace, content, output, builder) = try Self.builtPreview("rebuild")
        defer { workspace.remove() }
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
        let rebuilt = try Self.expectSameAsFreshBuild(workspace, content: content, output: output)
        #expect(rebuilt != beforeSite)
    }

    @Test func aFrontMatterEditGetsAWholeBuild() throws {
        let (workspace, content, output, builder) = try Self.builtPreview("rebuild-fm")
        defer { workspace.remove() }
        // Its partners are references, shown both ways: not an edit only pages show.
        try Self.edit(content, "title: Example Femtech Ltd\n", "title: Renamed Femtech Ltd\n")
        try Self.edit(content, "partners:\n  - example-health-network", "partners:\n  - example-university")
        let report = try builder.build(changedContent: [Self.company])
        #expect(report.written)
        #expect(builder.lastRewrittenPages == nil)
        // The preview's first build recorded every page's render key, so this whole build
        // renders only the pages that name the company and takes the others.
        #expect(report.pagesTakenFromPrevious > 0 && report.pagesTakenFromPrevious < report.pages,
                "\(report.pagesTakenFromPrevious) of \(report.pages) taken")
        // Its search index, feeds and exports are the previous build's until the refresh
        // that follows, as after a fast rebuild; then the site is what a fresh build gives.
        #expect(report.derivedFilesKept)
        #expect(try Support.text(output + "/directory.csv").contains("Example Femtech Ltd"))
        #expect(try builder.refreshDerivedFiles() > 0, "the search index and exports name the company")
        #expect(try Support.text(output + "/directory.csv").contains("Renamed Femtech Ltd"))
        try Self.expectSameAsFreshBuild(workspace, content: content, output: output)
    }

    @Test func aWholeBuildMakesTheDerivedFilesALinkNeedsRatherThanKeepingThem() throws {
        let (workspace, content, output, builder) = try Self.builtPreview("rebuild-new-record")
        defer { workspace.remove() }
        // A new company, and a body linking to the open data record only it has: the derived
        // files kept from the build before lack it, so the build makes them again.
        try Data("---\ntitle: Example Newco Ltd\nsummary: A new company that makes a test.\nareas:\n  - womens-health\n---\nNew.\n".utf8)
            .write(to: URL(fileURLWithPath: content + "/companies/example-newco.md"))
        let record = "openreferral/organizations/\(HSDSIdentifiers.organization("example-newco")).json"
        try Self.edit(content, "## Product", "## Product\n\nSee [its open data](/\(record)).")
        let report = try builder.build(changedContent: [Self.company, "companies/example-newco.md"])
        let (written, kept) = (report.written, report.derivedFilesKept)
        #expect(written, "\(report.diagnostics)")
        #expect(!kept)
        #expect(FileManager.default.fileExists(atPath: output + "/" + record))
        try Self.expectSameAsFreshBuild(workspace, content: content, output: output)
    }

    @Test func aSummaryEditRewritesThePagesThatShowItAndEndsEqualToAFreshBuild() throws {
        let (workspace, content, output, builder) = try Self.builtPreview("rebuild-summary")
        defer { workspace.remove() }
        let before = try Self.modificationTimes(output)
        Thread.sleep(forTimeInterval: 1.1)

        try Self.edit(content, "track menopause symptoms", "track perimenopause and menopause symptoms")
        let report = try builder.build(changedContent: [Self.company])
        #expect(report.written && report.diagnostics.errorCount == 0)
        // Its page, the list with its card, its area's page and its partnership's with its card:
        // each shows the summary.
        let pages = try Self.expectRewritten(["companies/example-femtech/index.html", "companies/index.html", "areas/womens-health/index.html",
                     "partnerships/example-network-pilot/index.html"], by: builder)
        // The trust's page names the company among the companies interested in it, and the
        // area's match page among the companies working in it; neither shows its summary, so
        // neither is rendered again.
        for page in ["trusts/example-hospitals/index.html", "match/womens-health/index.html"] {
            #expect(try String(contentsOfFile: output + "/" + page, encoding: .utf8).contains("/companies/example-femtech/"))
            #expect(!pages.contains(page), "\(page) is in \(pages)")
        }
        #expect(!pages.contains("trusts/index.html") && !pages.contains("404.html"), "\(pages)")
        #expect(try builder.refreshDerivedFiles() > 0, "the search index and the exports read summaries")
        let after = try Self.modificationTimes(output)
        let rewritten = Set(after.filter { before[$0.key] != $0.value }.keys)
        #expect(rewritten.isSuperset(of: pages))
        #expect(!rewritten.contains("trusts/index.html"))

        try Self.expectSameAsFreshBuild(workspace, content: content, output: output)
    }

    @Test func aTitleEditRewritesThePagesThatNameItAndEndsEqualToAFreshBuild() throws {
        let (workspace, content, output, builder) = try Self.builtPreview("rebuild-title")
        defer { workspace.remove() }
        try Self.edit(content, "title: Example Femtech Ltd", "title: Zephyr Femtech Ltd")
        let report = try builder.build(changedContent: [Self.company])
        #expect(report.written && report.diagnostics.errorCount == 0)
        // Its page, the pages with its card, the trust's page naming it among the companies
        // interested in it, and the area's match page naming it among the companies in it.
        let pages = try Self.expectRewritten(["companies/example-femtech/index.html", "companies/index.html", "areas/womens-health/index.html",
                     "partnerships/example-network-pilot/index.html", "trusts/example-hospitals/index.html",
                     "match/womens-health/index.html"], by: builder)
        #expect(!pages.contains("trusts/index.html") && !pages.contains("404.html"), "\(pages)")
        #expect(try builder.refreshDerivedFiles() > 0, "the search index and the exports name the company")
        try Self.expectSameAsFreshBuild(workspace, content: content, output: output)
    }

    /// A title sets orders and appears in cards, reasons and JSON-LD of other profiles: after
    /// each kind's, the site is what a fresh build gives.
    @Test(arguments: [
        ("areas/womens-health.md", "title: Women's health", "title: Obstetrics and women's health"),
        ("trusts/example-hospitals.md", "title: Example Hospitals NHS Foundation Trust", "title: Aardvark Hospitals NHS Trust"),
        ("institutions/example-university.md", "title: Example University", "title: Zebra University"),
        ("partnerships/example-mou.md", "title: Example University and Example Hospitals MoU", "title: A joint evaluation MoU"),
        ("networks/example-health-network.md", "title: Example Health Network", "title: Example health network"),
    ])
    func aTitleEditOfEveryKindEndsEqualToAFreshBuild(file: String, old: String, new: String) throws {
        try Self.expectFastEditEndsEqualToAFreshBuild("rebuild-title", file, old, new)
    }

    /// Edits a copy of the basic fixture after its preview build: the edit must take the fast
    /// path and leave what a fresh build of the edited content makes.
    private static func expectFastEditEndsEqualToAFreshBuild(_ name: String, _ file: String, _ old: String, _ new: String,
                                                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (workspace, content, output, builder) = try builtPreview("\(name)-\(abs(new.hashValue))")
        defer { workspace.remove() }
        try edit(content, old + "\n", new + "\n", in: file)
        #expect(try builder.build(changedContent: [file]).written, sourceLocation: sourceLocation)
        #expect(builder.lastRewrittenPages != nil, "it takes the fast path", sourceLocation: sourceLocation)
        try builder.refreshDerivedFiles()
        try expectSameAsFreshBuild(workspace, content: content, output: output, sourceLocation: sourceLocation)
    }

    /// What pages show wherever a profile is named, and what matching reads: each takes the
    /// fast path and ends equal to a fresh build.
    @Test(arguments: [
        ("companies/example-femtech.md", "maturity: advanced", "maturity: ready"),
        ("companies/example-femtech.md", "seeks:\n  - clinical-trials\n  - evaluation", "seeks:\n  - evaluation"),
        ("companies/example-femtech.md", "  city: Birmingham\n  region: West Midlands", "  city: Coventry\n  region: West Midlands"),
        ("companies/example-femtech.md", "  city: Birmingham\n  region: West Midlands", "  city: Birmingham"),
        ("institutions/example-university.md", "kind: university", "kind: research-institute"),
        ("institutions/example-university.md", "offers:\n  - evaluation\n  - clinical-trials", "offers:\n  - clinical-trials"),
        ("trusts/example-hospitals.md", "kind: acute", "kind: specialist"),
        ("companies/example-femtech.md", "areas:\n  - womens-health", "areas:\n  - womens-health\n  - mental-health"),
        ("companies/example-femtech.md", "areas:\n  - womens-health", "areas:\n  - mental-health"),
    ])
    func anEditToWhatOtherPagesShowOrMatchingReadsEndsEqualToAFreshBuild(file: String, old: String, new: String) throws {
        try Self.expectFastEditEndsEqualToAFreshBuild("rebuild-shown", file, old, new)
    }

    /// An area that gains or loses a page of profiles when a company joins or leaves it: the
    /// page is written or removed by a whole build.
    @Test(arguments: [("mental-health", 0, true), ("womens-health", 1, false)])
    func aCompanyChangingAnAreasPageCountGetsAWholeBuild(area: String, extra: Int, joins: Bool) throws {
        let workspace = try Support.Workspace("rebuild-areas-\(area)")
        defer { workspace.remove() }
        let content = try workspace.content()
        let probe = try Support.buildOK(content: content, output: workspace.path("probe"))
        let members = try #require(probe.directory?.inArea[area]).count
        // The area then lists one page of profiles and `extra` more: joining makes two pages,
        // leaving one.
        try Support.addCompanies(ListPages.size + extra - members, inArea: area, to: content)
        let output = workspace.path("site")
        let builder = IncrementalBuilder(options: BuildOptions(content: content, templates: Support.templates, output: output))
        #expect(try builder.build().written)
        try Self.edit(content, "areas:\n  - womens-health", joins ? "areas:\n  - womens-health\n  - mental-health" : "areas:\n  - mental-health")
        #expect(try builder.build(changedContent: [Self.company]).written)
        #expect(builder.lastRewrittenPages == nil, "a page more or less is a whole build")
        #expect(FileManager.default.fileExists(atPath: output + "/areas/\(area)/page/2/index.html") == joins)
        try builder.refreshDerivedFiles()
        try Self.expectSameAsFreshBuild(workspace, content: content, output: output)
    }

    @Test func aCompanyJoiningAnAreaRewritesEveryPageOfIt() throws {
        // A company no other profile of the area names (no partnership, no partners).
        let file = "companies/company-\(ListPages.size).md"
        let (workspace, content, output, builder) = try Self.builtPreview("rebuild-areas-join") { content in
            try Support.addCompanies(ListPages.size, inArea: "womens-health", to: content)
            try Self.edit(content, "  - womens-health", "  - mental-health", in: file)
        }
        defer { workspace.remove() }
        try Self.edit(content, "  - mental-health", "  - womens-health", in: file)
        #expect(try builder.build(changedContent: [file]).written)
        try Self.expectRewritten(["areas/womens-health/index.html", "areas/womens-health/page/2/index.html", "areas/mental-health/index.html",
                     "match/womens-health/index.html", "match/mental-health/index.html", "index.html", "match/index.html"], by: builder)
        try builder.refreshDerivedFiles()
        try Self.expectSameAsFreshBuild(workspace, content: content, output: output)
    }

    @Test func aTitleEditThatMovesAProfileToAnotherPageRewritesThePagesBetween() throws {
        let (workspace, content, output, builder) = try Self.builtPreview("rebuild-title-pages") { content in
            try Support.addCompanies(ListPages.size, inArea: "womens-health", to: content)
        }
        defer { workspace.remove() }

        // The first company by title moves to the end: every card after it moves up one, to
        // the first page from the second.
        let file = "companies/company-1.md"
        try Self.edit(content, "title: Company 001", "title: Zulu Company", in: file)
        #expect(try builder.build(changedContent: [file]).written)
        try Self.expectRewritten(["companies/index.html", "companies/page/2/index.html", "areas/womens-health/index.html",
                     "areas/womens-health/page/2/index.html"], by: builder)
        try builder.refreshDerivedFiles()
        try Self.expectSameAsFreshBuild(workspace, content: content, output: output)
    }

    @Test func twoTitleEditsInOneRebuildRewriteThePagesEachMovedAcross() throws {
        let (workspace, content, output, builder) = try Self.builtPreview("rebuild-two-titles") { content in
            try Support.addCompanies(4 * ListPages.size + 100, inArea: "womens-health", to: content)
        }
        defer { workspace.remove() }

        // Saved together: Company 001 moves from the first list page to the third, Company
        // 550 from the third to the fifth. The pages that show either of them are rewritten
        // for their titles; the second and fourth show neither, and change only because one
        // of the two moved across them: the second for the first move alone, the fourth for
        // the second alone.
        let first = "companies/company-1.md", second = "companies/company-550.md"
        try Self.edit(content, "title: Company 001", "title: Company 450b", in: first)
        try Self.edit(content, "title: Company 550", "title: Company 850b", in: second)
        #expect(try builder.build(changedContent: [first, second]).written)
        try Self.expectRewritten(["companies/page/2/index.html", "companies/page/4/index.html",
                                  "areas/womens-health/page/2/index.html", "areas/womens-health/page/4/index.html"], by: builder)
        try builder.refreshDerivedFiles()
        try Self.expectSameAsFreshBuild(workspace, content: content, output: output)
    }

    /// The match pages list an area's first companies by title, with what each seeks: a
    /// company renamed into them, or one of them seeking more, changes those pages; a company
    /// after them, renamed to another place after them or seeking more, does not.
    @Test(arguments: [
        (60, "title: Company 060", "title: Company 000", true),
        (55, "title: Company 055", "title: Company 058b", false),
        (5, "stage: startup", "stage: startup\nseeks:\n  - evaluation", true),
        (55, "stage: startup", "stage: startup\nseeks:\n  - evaluation", false),
    ])
    func aCompanyEditRewritesItsAreasMatchPagesWhenItIsAmongThoseShown(number: Int, old: String, new: String, shown: Bool) throws {
        let (workspace, content, output, builder) = try Self.builtPreview("rebuild-match-\(number)-\(old.prefix(5))") { content in
            try Support.addCompanies(SiteRenderer.companiesShown + 10, inArea: "womens-health", to: content)
        }
        defer { workspace.remove() }

        let file = "companies/company-\(number).md"
        try Self.edit(content, old, new, in: file)
        #expect(try builder.build(changedContent: [file]).written)
        let pages = try Self.expectRewritten(["companies/company-\(number)/index.html"], by: builder)
        let matchPages = pages.filter { $0.hasPrefix("match/womens-health/") }
        #expect(shown ? matchPages.contains("match/womens-health/index.html") && matchPages.count > 1 : matchPages.isEmpty,
                "\(matchPages)")
        try builder.refreshDerivedFiles()
        try Self.expectSameAsFreshBuild(workspace, content: content, output: output)
    }

    @Test func anAreaTitleEditRewritesACompanyPageThatNamesItOnlyInAMatchReason() throws {
        // A company in women's health alone, and a trust in mental health alone, the area
        // related to it: the company's page names mental health only in why the trust is suggested.
        let (workspace, content, output, builder) = try Self.builtPreview("rebuild-title-reason") { content in
            try Data("---\ntitle: Solo Femtech Ltd\nsummary: A company.\nareas:\n  - womens-health\nseeks:\n  - clinical-trials\n---\nA company.\n".utf8)
                .write(to: URL(fileURLWithPath: content + "/companies/solo-femtech.md"))
            try Data("---\ntitle: Mind Trust\nsummary: A trust.\nkind: mental-health\nareas:\n  - mental-health\noffers:\n  - clinical-trials\n---\nA trust.\n".utf8)
                .write(to: URL(fileURLWithPath: content + "/trusts/mind-trust.md"))
        }
        defer { workspace.remove() }
        let companyPage = "companies/solo-femtech/index.html"
        #expect(try Support.text(output + "/" + companyPage).contains("Related area: Mental health"))

        let file = "areas/mental-health.md"
        try Self.edit(content, "title: Mental health\n", "title: Mental wellbeing\n", in: file)
        #expect(try builder.build(changedContent: [file]).written)
        #expect(try #require(builder.lastRewrittenPages).contains(companyPage))
        #expect(try Support.text(output + "/" + companyPage).contains("Related area: Mental wellbeing"))
        try builder.refreshDerivedFiles()
        try Self.expectSameAsFreshBuild(workspace, content: content, output: output)
    }

    @Test func anEditToWhatOnlyItsPageShowsRewritesOnlyItsPage() throws {
        let (workspace, content, output, builder) = try Self.builtPreview("rebuild-website")
        defer { workspace.remove() }
        try Self.edit(content, "email: hello@femtech.example.com", "email: hello@femtech.example.com\nwebsite: https://femtech.example.com/")
        try Self.edit(content, "founded: 2021", "founded: 2019")
        #expect(try builder.build(changedContent: [Self.company]).written)
        #expect(builder.lastRewrittenPages == ["companies/example-femtech/index.html"])
        try builder.refreshDerivedFiles()
        try Self.expectSameAsFreshBuild(workspace, content: content, output: output)
    }

    @Test func aSummaryEditRewritesTheLaterPageOfAnAreaThatShowsIt() throws {
        let (workspace, content, output, builder) = try Self.builtPreview("rebuild-area-pages") { content in
            try Support.addCompanies(ListPages.size, inArea: "womens-health", to: content)
        }
        defer { workspace.remove() }
        let secondPage = "areas/womens-health/page/2/index.html"
        #expect(FileManager.default.fileExists(atPath: output + "/" + secondPage))

        // The last company's card is on the area's second page.
        try Self.edit(content, "summary: A company.", "summary: A company that makes kits.", in: "companies/company-\(ListPages.size).md")
        #expect(try builder.build(changedContent: ["companies/company-\(ListPages.size).md"]).written)
        let pages = try #require(builder.lastRewrittenPages)
        #expect(pages.contains(secondPage) && !pages.contains("areas/womens-health/index.html"), "\(pages)")

        // The area's own summary describes its later pages too.
        let area = content + "/areas/womens-health.md"
        let areaText = try String(contentsOfFile: area, encoding: .utf8)
        let summary = try #require(areaText.split(separator: "\n").first { $0.hasPrefix("summary: ") })
        try Data(areaText.replacingOccurrences(of: summary, with: summary + " And more.").utf8).write(to: URL(fileURLWithPath: area))
        #expect(try builder.build(changedContent: ["areas/womens-health.md"]).written)
        #expect(try #require(builder.lastRewrittenPages).contains(secondPage))

        try builder.refreshDerivedFiles()
        try Self.expectSameAsFreshBuild(workspace, content: content, output: output)
    }

    @Test func aRefreshMadeBeforeTheNextEditIsNotWrittenOverIt() throws {
        let (workspace, content, output, builder) = try Self.builtPreview("rebuild-refresh")
        defer { workspace.remove() }
        try Self.edit(content, "## Product", "## Product\n\nA sentence about zebrafish telemetry.")
        #expect(try builder.build(changedContent: [Self.company]).written)
        // The search index is made from this edit, while the next one is saved and rebuilt.
        let early = try #require(builder.derivedRefresh())
        try Self.edit(content, "zebrafish telemetry", "axolotl telemetry")
        #expect(try builder.build(changedContent: [Self.company]).written)
        #expect(try builder.write(early) == 0, "made from the first edit, it would hide the second from search")
        #expect(try builder.refreshDerivedFiles() > 0)

        try Self.expectSameAsFreshBuild(workspace, content: content, output: output)

        // Once the preview stops, a refresh writes nothing into the folder it removes.
        try Self.edit(content, "axolotl telemetry", "newt telemetry")
        #expect(try builder.build(changedContent: [Self.company]).written)
        builder.close()
        #expect(try builder.refreshDerivedFiles() == 0)
    }

    @Test func aFrontMatterEditChecksTheFileAgain() throws {
        let (workspace, content, output, builder) = try Self.builtPreview("rebuild-check")
        defer { workspace.remove() }
        let summary = "An app that helps women track menopause symptoms and share them with their GP."
        let convoluted = "An organisationally sophisticated, multidisciplinary, internationally recognised telemedicine intervention facilitating longitudinal perimenopausal symptomatology documentation for contemporary gynaecological practitioners everywhere."
        try Self.edit(content, summary, convoluted)
        let hard = try builder.build(changedContent: [Self.company])
        #expect(builder.lastRewrittenPages != nil)
        #expect(hard.diagnostics.contains { $0.code == "hard-to-read" && $0.path.hasSuffix(Self.company) })
        try Self.edit(content, convoluted, summary)
        let plain = try builder.build(changedContent: [Self.company])
        #expect(builder.lastRewrittenPages != nil)
        #expect(!plain.diagnostics.contains { $0.path.hasSuffix(Self.company) }, "\(plain.diagnostics)")
        // An invalid email is an error: the last good site stays, as after a whole build.
        let good = try Support.snapshot(output)
        try Self.edit(content, "email: hello@femtech.example.com", "email: not-an-address")
        let bad = try builder.build(changedContent: [Self.company])
        #expect(!bad.written && bad.diagnostics.contains { $0.code == "invalid-email" })
        #expect(try Support.snapshot(output) == good)
    }

    @Test func aNewRegionIsAddedToTheSearchFiltersWhenSiteYmlListsNone() throws {
        let (workspace, content, output, builder) = try Self.builtPreview("rebuild-region") { content in
            try Self.edit(content, "regions:\n  - West Midlands\n", "", in: "site.yml")
        }
        defer { workspace.remove() }
        try Self.edit(content, "region: West Midlands", "region: Wales")
        #expect(try builder.build(changedContent: [Self.company]).written)
        #expect(try #require(builder.lastRewrittenPages).contains("search/index.html"))
        #expect(try Support.text(output + "/search/index.html").contains("Wales"))
        try builder.refreshDerivedFiles()
        try Self.expectSameAsFreshBuild(workspace, content: content, output: output)
    }

    @Test func anOfferOrRegionSiteYmlDoesNotListFailsAsAWholeBuildWould() throws {
        let (workspace, content, output, builder) = try Self.builtPreview("rebuild-site-lists")
        defer { workspace.remove() }
        let good = try Support.snapshot(output)
        try Self.edit(content, "seeks:\n  - clinical-trials", "seeks:\n  - clinical-trails")
        let capability = try builder.build(changedContent: [Self.company])
        #expect(!capability.written && capability.diagnostics.contains { $0.code == "unknown-capability" && $0.line == 12 })
        try Self.edit(content, "seeks:\n  - clinical-trails", "seeks:\n  - clinical-trials")
        try Self.edit(content, "region: West Midlands", "region: East Midlands")
        let region = try builder.build(changedContent: [Self.company])
        #expect(!region.written && region.diagnostics.contains { $0.code == "unknown-region" })
        #expect(try Support.snapshot(output) == good)
    }

    @Test func anEditRefusedForAProblemIsNotSkippedByTheNextEdit() throws {
        let (workspace, content, output, builder) = try Self.builtPreview("rebuild-pending")
        defer { workspace.remove() }
        let good = try Support.snapshot(output)
        try Self.edit(content, "## Product", "## Product\n\nSee [our partner](/trusts/no-such-trust/).")
        #expect(try !builder.build(changedContent: [Self.company]).written)
        // Another file's edit must not publish a site without the refused edit's error.
        let trust = "trusts/example-hospitals.md"
        let trustPath = content + "/" + trust
        let text = try String(contentsOfFile: trustPath, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "running four hospitals", with: "running five hospitals").utf8)
            .write(to: URL(fileURLWithPath: trustPath))
        let report = try builder.build(changedContent: [trust])
        #expect(!report.written)
        #expect(report.diagnostics.contains { $0.code == "broken-link" && $0.path.hasSuffix(Self.company) })
        #expect(try Support.snapshot(output) == good)
        // Fixed: both edits are published, as a fresh build of the content would have them.
        try Self.edit(content, "See [our partner](/trusts/no-such-trust/).", "See our partner.")
        #expect(try builder.build(changedContent: [Self.company]).written)
        try builder.refreshDerivedFiles()
        try Self.expectSameAsFreshBuild(workspace, content: content, output: output)
    }

    @Test func aWebsiteOnTheSitesOwnAddressThatLeadsNowhereFailsAsAWholeBuildWould() throws {
        let workspace = try Support.Workspace("rebuild-website")
        defer { workspace.remove() }
        let content = try workspace.content()
        let output = workspace.path("site")
        let builder = IncrementalBuilder(options: BuildOptions(content: content, templates: Support.templates, output: output,
                                                               baseURL: "https://example.org/"))
        #expect(try builder.build().written)
        let good = try Support.snapshot(output)
        try Self.edit(content, "email: hello@femtech.example.com", "email: hello@femtech.example.com\nwebsite: https://example.org/companies/gone/")
        let report = try builder.build(changedContent: [Self.company])
        #expect(!report.written)
        #expect(report.diagnostics.contains { $0.code == "broken-link" }, "\(report.diagnostics)")
        #expect(try Support.snapshot(output) == good)
    }

    @Test func aBrokenLinkInAnEditedBodyKeepsTheLastGoodPage() throws {
        let (workspace, content, output, builder) = try Self.builtPreview("rebuild-broken")
        defer { workspace.remove() }
        let good = try Support.snapshot(output)
        try Self.edit(content, "## Product", "## Product\n\nSee [our partner](/trusts/no-such-trust/).")
        let report = try builder.build(changedContent: [Self.company])
        #expect(!report.written)
        let broken = report.diagnostics.filter { $0.code == "broken-link" }
        #expect(broken.count == 1 && broken.first?.path.hasSuffix(Self.company) == true)
        #expect(try Support.snapshot(output) == good)
    }
}
