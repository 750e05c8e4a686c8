import Foundation
import Testing
@testable import FrontDoorKit

/// A site served under a sub-path (`https://example.org/frontdoor/`): every internal link
/// carries the prefix and leads to a file the build wrote.
@Suite struct SiteSubPathTests {
    typealias Support = SiteTestSupport

    static let baseURLs = [
        "https://example.org/frontdoor/",
        "https://example.org/frontdoor",
        "https://example.org/deep/sub/path/",
        "https://example.org",
    ]

    @Test(arguments: baseURLs)
    func everyInternalLinkCarriesThePrefixAndResolves(_ baseURL: String) throws {
        let workspace = try Support.Workspace("subpath")
        defer { workspace.remove() }
        let site = workspace.path("site")
        try Support.buildOK(content: try workspace.content("basic", overlays: ["markdown", "hostile"]), output: site, baseURL: baseURL)
        let origin = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        let basePath = try #require(URL(string: origin)).path.hasSuffix("/") ? URL(string: origin)!.path : URL(string: origin)!.path + "/"
        let host = "https://example.org/"

        func resolves(_ sitePath: String) -> Bool { Self.resolves(sitePath, in: site) }

        let pages = try Support.htmlPages(site)
        var checked = 0
        for (page, html) in pages {
            for tag in Support.tags(in: html) {
                for attribute in tag.attributes where attribute.name == "href" || attribute.name == "src" {
                    let value = attribute.value
                    var sitePath: String?
                    if value.hasPrefix("/") && !value.hasPrefix("//") {
                        #expect(value.hasPrefix(basePath), "\(page): \(attribute.name)=\"\(value)\" is outside \(basePath)")
                        if value.hasPrefix(basePath) { sitePath = String(value.dropFirst(basePath.count)) }
                    } else if value.hasPrefix(origin) {
                        sitePath = String(value.dropFirst(origin.count))
                    } else if value.hasPrefix(host) {
                        Issue.record("\(page): \(attribute.name)=\"\(value)\" is on the site's host but outside \(origin)")
                    }
                    if let sitePath {
                        checked += 1
                        #expect(resolves(sitePath), "\(page): \(attribute.name)=\"\(value)\" leads to no file")
                    }
                }
            }
        }
        #expect(checked > 100)

        // The Markdown body link `[UHB](/trusts/example-hospitals/)` was moved under the base path.
        let network = try Support.text(site + "/networks/example-health-network/index.html")
        #expect(network.contains("<a href=\"\(basePath)trusts/example-hospitals/\">UHB</a>"))

        // Canonical links, the sitemap, the feed and robots.txt use the full base URL.
        let home = try Support.text(site + "/index.html")
        #expect(home.contains("<link rel=\"canonical\" href=\"\(origin)\">"))
        let sitemap = try Support.text(site + "/sitemap.xml")
        let locations = sitemap.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        #expect(locations.count > 10)
        for location in locations {
            #expect(location.hasPrefix(origin), "sitemap <loc>\(location)</loc>")
            #expect(resolves(String(location.dropFirst(origin.count))), "sitemap <loc>\(location)</loc> leads to no file")
        }
        // The logo and a Markdown image of it, both under the base path.
        let lab = try Support.text(site + "/institutions/markdown-lab/index.html")
        #expect(lab.contains("<img class=\"logo\" src=\"\(basePath)assets/logos/lab.svg\""))
        #expect(lab.contains("<img src=\"\(basePath)assets/logos/lab.svg\" alt=\"The lab logo\" />"))

        let feed = try Support.text(site + "/partnerships/feed.xml")
        #expect(feed.contains("<link rel=\"self\" href=\"\(origin)partnerships/feed.xml\"/>"))
        #expect(try Support.text(site + "/robots.txt").contains("Sitemap: \(origin)sitemap.xml"))
    }

    /// Where a browser goes for a site path: the query and fragment cut off, percent-escapes
    /// decoded, a folder meaning its index.html.
    static func resolves(_ sitePath: String, in site: String) -> Bool {
        var path = sitePath
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        path = path.removingPercentEncoding ?? path
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: site + "/" + path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// A logo whose file name has a space and a `#` still loads: its URL is percent-encoded.
    @Test func logoWithCharactersThatNeedEscapingResolves() throws {
        let workspace = try Support.Workspace("subpath-logo")
        defer { workspace.remove() }
        let content = try workspace.content("basic")
        try workspace.write("content/assets/logos/Lab logo #2.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
        let profile = try Support.text(content + "/companies/example-femtech.md")
        try workspace.write("content/companies/example-femtech.md",
                            profile.replacingOccurrences(of: "stage: startup\n", with: "stage: startup\nlogo: \"logos/Lab logo #2.svg\"\n"))
        let site = workspace.path("site")
        try Support.buildOK(content: content, output: site)
        #expect(FileManager.default.fileExists(atPath: site + "/assets/logos/Lab logo #2.svg"))
        let page = try Support.text(site + "/companies/example-femtech/index.html")
        let logo = try #require(Support.tags(in: page).first { $0.name == "img" && $0.attribute("class") == "logo" })
        let src = try #require(logo.attribute("src"))
        #expect(src.hasPrefix("/frontdoor/"))
        #expect(Self.resolves(String(src.dropFirst("/frontdoor/".count)), in: site), "<img src=\"\(src)\"> does not load the logo")
    }
}
