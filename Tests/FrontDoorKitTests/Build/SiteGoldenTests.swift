import Foundation
import Testing
@testable import FrontDoorKit

/// Builds `Fixtures/site/basic/content` and compares chosen files byte for byte with
/// `Fixtures/site/basic/expected/`.
///
/// After a deliberate change to templates or rendering, regenerate the goldens with
///
///     FRONTDOOR_UPDATE_GOLDEN=1 swift test --filter SiteGoldenTests
///
/// and read the diff before committing it.
@Suite struct SiteGoldenTests {
    typealias Support = SiteTestSupport

    static let goldenFiles = [
        "index.html",
        "404.html",
        "companies/example-femtech/index.html",
        "institutions/example-university/index.html",
        "trusts/example-hospitals/index.html",
        "networks/example-health-network/index.html",
        "areas/womens-health/index.html",
        "partnerships/index.html",
        "partnerships/example-mou/index.html",
        "sitemap.xml",
        "robots.txt",
        "partnerships/feed.xml",
        "partnerships/network.svg",
    ]

    static var updating: Bool { ProcessInfo.processInfo.environment["FRONTDOOR_UPDATE_GOLDEN"] == "1" }

    @Test func builtPagesMatchGoldenFiles() throws {
        let workspace = try Support.Workspace("golden")
        defer { workspace.remove() }
        let content = try workspace.content("basic")
        let site = workspace.path("site")
        try Support.buildOK(content: content, output: site)

        if Self.updating {
            let expected = Support.sourceFixturesRoot.appendingPathComponent("basic/expected")
            try? FileManager.default.removeItem(at: expected)
            for file in Self.goldenFiles {
                let target = expected.appendingPathComponent(file)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(contentsOf: URL(fileURLWithPath: site).appendingPathComponent(file)).write(to: target)
            }
            print("SiteGoldenTests: wrote \(Self.goldenFiles.count) golden files to \(expected.path)")
            return
        }

        let expected = try Support.fixturesRoot.appendingPathComponent("basic/expected")
        for file in Self.goldenFiles {
            let actualURL = URL(fileURLWithPath: site).appendingPathComponent(file)
            let expectedURL = expected.appendingPathComponent(file)
            let actual = try #require(try? Data(contentsOf: actualURL), "the build did not write \(file)")
            let golden = try #require(try? Data(contentsOf: expectedURL),
                                      "no golden file for \(file); run with FRONTDOOR_UPDATE_GOLDEN=1 to create it")
            #expect(actual == golden, "\(file) differs from its golden file: \(Self.firstDifference(actual, golden)). If the change is intended, regenerate with FRONTDOOR_UPDATE_GOLDEN=1")
        }
        // Every golden file on disk is one the test compares, so none goes stale unnoticed.
        let onDisk = try Support.snapshot(expected.path).paths
        #expect(onDisk == Self.goldenFiles.sorted())
    }

    /// The golden pages say what the content says: the links of the fixture shown both ways.
    @Test func goldenContentShowsRelationshipsBothWays() throws {
        let workspace = try Support.Workspace("golden-facts")
        defer { workspace.remove() }
        let site = workspace.path("site")
        try Support.buildOK(content: try workspace.content("basic"), output: site)
        func page(_ path: String) throws -> String { try Support.text(site + "/" + path) }

        // example-femtech lists example-health-network as a partner: both pages show it.
        let femtech = try page("companies/example-femtech/index.html")
        let network = try page("networks/example-health-network/index.html")
        #expect(femtech.contains(#"<a href="/frontdoor/networks/example-health-network/">Example Health Network</a>"#))
        #expect(network.contains(#"<a href="/frontdoor/companies/example-femtech/">Example Femtech Ltd</a>"#))

        // The MoU is on both parties' pages, and on the partnership page both parties are listed.
        let university = try page("institutions/example-university/index.html")
        let hospitals = try page("trusts/example-hospitals/index.html")
        for party in [university, hospitals] {
            #expect(party.contains(#"href="/frontdoor/partnerships/example-mou/""#))
        }
        let mou = try page("partnerships/example-mou/index.html")
        #expect(mou.contains(#"href="/frontdoor/institutions/example-university/""#))
        #expect(mou.contains(#"href="/frontdoor/trusts/example-hospitals/""#))
        // The pilot is on the network's and the company's pages.
        for party in [femtech, network] {
            #expect(party.contains(#"href="/frontdoor/partnerships/example-network-pilot/""#))
        }

        // Network members are on the network page; the network is on each member's page.
        #expect(network.contains(#"<h2 id="members">"#))
        for member in [university, hospitals] {
            #expect(member.contains(#"<h2 id="member-of">"#))
            #expect(member.contains(#"<a href="/frontdoor/networks/example-health-network/">Example Health Network</a>"#))
        }

        // Related areas both ways: womens-health lists mental-health; mental-health shows it back.
        let womens = try page("areas/womens-health/index.html")
        let mental = try page("areas/mental-health/index.html")
        #expect(womens.contains(#"href="/frontdoor/areas/mental-health/""#))
        #expect(mental.contains(#"href="/frontdoor/areas/womens-health/""#))

        // The area page groups what is in it by type, in the display order of the types.
        let groupOrder = ["Institutions (1)", "NHS trusts (1)", "Companies (1)", "Partnerships (2)"]
        let positions = groupOrder.map { womens.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "area groups missing: \(zip(groupOrder, positions).filter { $0.1 == nil }.map(\.0))")
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted())

        // The feed lists partnerships newest first.
        let feed = try page("partnerships/feed.xml")
        let mouEntry = try #require(feed.range(of: "partnerships/example-mou/</id>"))
        let pilotEntry = try #require(feed.range(of: "partnerships/example-network-pilot/</id>"))
        #expect(mouEntry.lowerBound < pilotEntry.lowerBound)
        #expect(feed.contains("<updated>2025-06-12T00:00:00Z</updated>"))
    }

    static func firstDifference(_ a: Data, _ b: Data) -> String {
        let left = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let right = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? String(left[index]) : "<end of file>"
            let r = index < right.count ? String(right[index]) : "<end of file>"
            if l != r { return "line \(index + 1): built `\(l.prefix(200))`, golden `\(r.prefix(200))`" }
        }
        return "same lines, different bytes"
    }
}
