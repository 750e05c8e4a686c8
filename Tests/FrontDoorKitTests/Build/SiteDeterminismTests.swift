import Foundation
import Testing
@testable import FrontDoorKit

/// The same content gives the same bytes: in one process, in two processes (each with its
/// own hash seed, so dictionary order differs), and whatever order the files were created in.
@Suite struct SiteDeterminismTests {
    typealias Support = SiteTestSupport

    /// basic + hostile + markdown, plus profiles made to tie: equal titles, equal signing dates.
    static func makeTree(_ workspace: Support.Workspace, at relative: String, reversed: Bool = false) throws -> String {
        var files: [(String, String)] = []
        for index in 0..<40 {
            files.append(("companies/tie-\(index).md", """
            ---
            title: Same Name Ltd
            summary: One of several companies with the same name, number \(index).
            areas:
              - \(index % 3 == 0 ? "mental-health" : "womens-health")
            seeks:
              - evaluation
            partners:
              - tie-\((index + 7) % 40)
              - example-femtech
            tags:
              - tie
            ---
            ## About

            Company \(index).

            """))
        }
        for index in 0..<12 {
            files.append(("partnerships/same-day-\(index).md", """
            ---
            title: Same Day Agreement
            summary: Signed the same day as the others.
            parties:
              - tie-\(index)
              - example-university
            signed: 2025-06-12
            areas:
              - womens-health
            ---
            Agreement \(index).

            """))
        }
        let content = workspace.url.appendingPathComponent(relative)
        // Create the base tree's files in one order or the other; the file system may list them in creation order.
        let source = try Support.snapshot(try Support.fixturesRoot.appendingPathComponent("basic/content").path).files
            .merging(try Support.snapshot(try Support.fixturesRoot.appendingPathComponent("hostile/content").path).files) { _, new in new }
            .merging(try Support.snapshot(try Support.fixturesRoot.appendingPathComponent("markdown/content").path).files) { _, new in new }
        var all = source.map { ($0.key, $0.value) } + files.map { ($0.0, Data($0.1.utf8)) }
        all.sort { $0.0 < $1.0 }
        if reversed { all.reverse() }
        for (path, data) in all {
            let file = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file)
        }
        return content.path
    }

    @Test func twoBuildsInOneProcessAreByteIdentical() throws {
        let workspace = try Support.Workspace("determinism")
        defer { workspace.remove() }
        let first = try Self.makeTree(workspace, at: "content-a")
        let second = try Self.makeTree(workspace, at: "content-b", reversed: true)
        try Support.buildOK(content: first, output: workspace.path("one/site"))
        try Support.buildOK(content: second, output: workspace.path("two/site"))
        let one = try Support.snapshot(workspace.path("one/site"))
        let two = try Support.snapshot(workspace.path("two/site"))
        #expect(one.files.count > 60)
        #expect(one.paths == two.paths)
        #expect(one.folders == two.folders)
        for path in one.paths where one.files[path] != two.files[path] {
            Issue.record("\(path) differs between two builds")
        }
    }

    @Test(.enabled(if: SiteTestSupport.frontdoorBinary != nil,
                   "the frontdoor binary was not found beside the test bundle; run `swift build` first"))
    func buildsInSeparateProcessesAreByteIdentical() throws {
        let workspace = try Support.Workspace("determinism-cli")
        defer { workspace.remove() }
        let content = try Self.makeTree(workspace, at: "content")
        var sites: [Support.Snapshot] = []
        for run in 0..<3 {
            let output = workspace.path("run-\(run)/site")
            let (status, stderr) = try Support.runFrontdoor(["build", "--content", content, "--templates", Support.templates, "--output", output])
            try #require(status == 0, "frontdoor build failed: \(stderr)")
            sites.append(try Support.snapshot(output))
        }
        // And the library in this process.
        try Support.buildOK(content: content, output: workspace.path("in-process/site"))
        sites.append(try Support.snapshot(workspace.path("in-process/site")))

        for (index, site) in sites.enumerated().dropFirst() {
            #expect(site.paths == sites[0].paths, "run \(index): \(site.difference(from: sites[0]))")
            for path in site.paths where site.files[path] != sites[0].files[path] {
                Issue.record("\(path) differs between run 0 and run \(index)")
            }
        }
    }
}
