import Foundation
import Testing
@testable import FrontDoorKit

/// A build into a folder that holds a site takes the pages whose render key (templates,
/// FrontDoor, page template and values) has not changed from it, instead of rendering them
/// (`PreviousPages`, `RenderKey`). Whatever it takes, the site must be byte for byte what a
/// fresh build of the same content gives.
@Suite("Build: pages taken from the previous build")
struct SiteRenderReuseTests {
    typealias Support = SiteTestSupport

    private static func expectSameAsFreshBuild(_ workspace: Support.Workspace, content: String, output: String,
                                               templates: String = Support.templates,
                                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fresh = workspace.path("fresh-\(UUID().uuidString)")
        try Support.buildOK(content: content, output: fresh, templates: templates)
        let rebuilt = try Support.snapshot(output), freshSite = try Support.snapshot(fresh)
        #expect(rebuilt == freshSite, "\(rebuilt.difference(from: freshSite))", sourceLocation: sourceLocation)
    }

    /// The basic fixture built three times into `site/`: the first records nothing, the second
    /// records every page's key, the third takes them all.
    private static func builtThreeTimes(_ name: String) throws -> (Support.Workspace, content: String, output: String) {
        let workspace = try Support.Workspace(name)
        let content = try workspace.content()
        let output = workspace.path("site")
        let first = try Support.buildOK(content: content, output: output)
        #expect(first.pagesTakenFromPrevious == 0)
        let second = try Support.buildOK(content: content, output: output)
        #expect(second.pagesTakenFromPrevious == 0, "the first build into an empty folder records no keys")
        let third = try Support.buildOK(content: content, output: output)
        #expect(third.pagesTakenFromPrevious == third.pages, "every page is taken when nothing changed")
        return (workspace, content, output)
    }

    @Test func anUnchangedSiteIsTakenWholeAndIsTheSameBytes() throws {
        let (workspace, content, output) = try Self.builtThreeTimes("reuse-same")
        defer { workspace.remove() }
        try Self.expectSameAsFreshBuild(workspace, content: content, output: output)
    }

    @Test func anEditedSummaryRendersThePagesShowingItAndTakesTheRest() throws {
        let (workspace, content, output) = try Self.builtThreeTimes("reuse-edit")
        defer { workspace.remove() }
        let path = content + "/companies/example-femtech.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "share them with their GP.", with: "share them with their pharmacist.").utf8)
            .write(to: URL(fileURLWithPath: path))

        let report = try Support.buildOK(content: content, output: output)
        #expect(report.pagesTakenFromPrevious > 0 && report.pagesTakenFromPrevious < report.pages,
                "\(report.pagesTakenFromPrevious) of \(report.pages) taken")
        #expect(try Support.text(output + "/companies/example-femtech/index.html").contains("their pharmacist."))
        #expect(try Support.text(output + "/areas/womens-health/index.html").contains("their pharmacist."), "its card shows the new summary")
        try Self.expectSameAsFreshBuild(workspace, content: content, output: output)
    }

    @Test func changedTemplatesRenderEveryPage() throws {
        let (workspace, content, output) = try Self.builtThreeTimes("reuse-templates")
        defer { workspace.remove() }
        let templates = workspace.path("templates")
        try Support.copyTree(URL(fileURLWithPath: Support.templates), into: URL(fileURLWithPath: templates))
        let footer = templates + "/partials/footer.mustache"
        let text = try String(contentsOfFile: footer, encoding: .utf8)
        try Data((text + "<p>Changed footer</p>\n").utf8).write(to: URL(fileURLWithPath: footer))

        let report = try Support.buildOK(content: content, output: output, templates: templates)
        #expect(report.pagesTakenFromPrevious == 0)
        #expect(try Support.text(output + "/index.html").contains("Changed footer"))
        try Self.expectSameAsFreshBuild(workspace, content: content, output: output, templates: templates)
    }

    @Test func aPageChangedInTheOutputSinceIsRenderedAgain() throws {
        let (workspace, content, output) = try Self.builtThreeTimes("reuse-hand-edit")
        defer { workspace.remove() }
        let page = output + "/companies/example-femtech/index.html"
        // A new file in its place (as an editor saving it would make) and one changed in place.
        let text = try Support.text(page)
        try FileManager.default.removeItem(atPath: page)
        try Data((text + "<!-- edited by hand -->").utf8).write(to: URL(fileURLWithPath: page))
        let other = output + "/institutions/example-university/index.html"
        let handle = try #require(FileHandle(forWritingAtPath: other))
        handle.seekToEndOfFile()
        handle.write(Data("<!-- edited by hand -->".utf8))
        handle.closeFile()

        let report = try Support.buildOK(content: content, output: output)
        #expect(report.pagesTakenFromPrevious == report.pages - 2, "\(report.pagesTakenFromPrevious) of \(report.pages) taken")
        #expect(try !Support.text(page).contains("edited by hand"))
        #expect(try !Support.text(other).contains("edited by hand"))
        try Self.expectSameAsFreshBuild(workspace, content: content, output: output)
    }

    @Test func keysFollowTheValuesNotTheirOrder() {
        let digest = [UInt8](repeating: 7, count: 32)
        var values: [String: Any] = ["title": "A", "count": 2, "shown": true, "items": [["url": "/a/"], ["url": "/b/"]], "tags": ["x", "y"]]
        for number in 0..<20 { values["key\(number)"] = "value \(number)" }
        // More buckets: the same 25 entries, iterated in another order (hashing is seeded anew
        // in each process, so only sorting makes keys the same from one build to the next).
        var reordered = [String: Any](minimumCapacity: 256)
        for key in values.keys.sorted().reversed() { reordered[key] = values[key] }
        let key = RenderKey.of(page: "organisation", values: values, templates: digest)
        #expect(key != nil && key == RenderKey.of(page: "organisation", values: reordered, templates: digest))

        var changed = values
        changed["items"] = [["url": "/a/"], ["url": "/c/"]]
        #expect(RenderKey.of(page: "organisation", values: changed, templates: digest) != key)
        #expect(RenderKey.of(page: "area", values: values, templates: digest) != key)
        #expect(RenderKey.of(page: "organisation", values: values, templates: [UInt8](repeating: 8, count: 32)) != key)
        // The same text split differently between two keys is not the same values.
        #expect(RenderKey.of(page: "p", values: ["a": "bc", "d": ""], templates: digest)
                != RenderKey.of(page: "p", values: ["a": "b", "d": "c"], templates: digest))
        // A value of a kind the key does not know: no key, so the page is always rendered.
        #expect(RenderKey.of(page: "p", values: ["when": Date()], templates: digest) == nil)
    }
}
