import Foundation
import Testing
@testable import FrontDoorKit

/// Small builds keep the parse stage's body HTML for the pages instead of making it twice;
/// large ones make it again. Either way every page must be the same bytes.
@Suite("Build: body HTML kept or made again")
struct BodyHTMLTests {
    typealias Support = SiteTestSupport

    @Test func pagesAreTheSameWhetherBodyHTMLIsKeptOrMadeAgain() throws {
        let workspace = try Support.Workspace("body-html")
        defer { workspace.remove() }
        let content = try workspace.content("basic")
        let source = try TemplateLoader().load(templatesDirectory: Support.templates)
        let templates = try #require(TemplateSet.compile(source, displayRoot: "templates").0)
        func pages(keepingUpTo limit: Int) throws -> (pages: [OutputFile], kept: Int) {
            let report = try SiteBuilder().check(content: content, reservedIDs: templates.declaredIDs, keepingBodyHTMLUpTo: limit)
            let directory = try #require(report.directory)
            let profiles = ProfileType.allCases.flatMap { directory.profiles(of: $0) }
            let kept = profiles.count { $0.bodyHTML != nil }
            return (SiteRenderer(templates: templates, assets: AssetSet(assets: [])).render(directory), kept)
        }
        let kept = try pages(keepingUpTo: SiteBuilder.bodyHTMLKeptUpTo)
        let madeAgain = try pages(keepingUpTo: 0)
        #expect(kept.kept >= 8, "the small fixture keeps every body's HTML")
        #expect(madeAgain.kept == 0)
        #expect(kept.pages.map(\.path) == madeAgain.pages.map(\.path))
        for (one, other) in zip(kept.pages, madeAgain.pages) {
            #expect(one.data == other.data, "\(one.path)")
        }
        let bodies = kept.pages.filter { String(decoding: $0.data, as: UTF8.self).contains("<h2 id=") }
        #expect(!bodies.isEmpty, "some page shows a body with a heading, so bodies are compared")
    }
}
