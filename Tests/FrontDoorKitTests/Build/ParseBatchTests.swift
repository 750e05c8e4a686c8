import Foundation
import Testing
@testable import FrontDoorKit

/// Files are parsed and validated a batch at a time, so a parsed document's tree is let go
/// early; the batch size must change nothing an editor or a page sees.
@Suite("Build: parsing in batches")
struct ParseBatchTests {
    typealias Support = SiteTestSupport

    @Test func batchSizeChangesNoDiagnosticProfileOrOrder() throws {
        let workspace = try Support.Workspace("parse-batch")
        defer { workspace.remove() }
        // The basic site with a broken company: errors and warnings from parsing and from validation.
        let content = try workspace.content("basic", overlays: ["broken"])
        let clean = try workspace.content("basic", at: "clean")
        func run(_ content: String, _ batch: Int) throws -> (diagnostics: [String], documents: [ParsedDocument], profiles: [String]) {
            let report = try SiteBuilder().check(content: content, keepDocuments: true, parseBatch: batch)
            let profiles = ProfileType.allCases.flatMap { report.directory?.profiles(of: $0) ?? [] }
            return (report.diagnostics.map { "\($0.path):\($0.line):\($0.column) \($0.code) \($0.message)" },
                    report.documents, profiles.map { "\($0.sourcePath) \($0.title) \($0.body) \($0.links)" })
        }
        let broken = try run(content, SiteBuilder.parseBatch)
        #expect(broken.diagnostics.contains { $0.contains("broken-co.md") }, "the fixture has errors to compare: \(broken.diagnostics)")
        #expect(broken.documents.count >= 8)
        let whole = try run(clean, SiteBuilder.parseBatch)
        #expect(whole.profiles.count >= 8, "a clean tree links into a directory")
        for batch in [1, 2, 3] {
            let batched = try run(content, batch)
            #expect(batched.diagnostics == broken.diagnostics, "batch \(batch)")
            #expect(batched.documents == broken.documents, "batch \(batch): the same documents in the same order")
            #expect(try run(clean, batch).profiles == whole.profiles, "batch \(batch)")
        }
    }
}
