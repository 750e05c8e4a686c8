import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import FrontDoorKit

/// The partnership network picture: nodes and links from `Fixtures/site/network/content`,
/// a layout that copes with any size, and an SVG that is well-formed, escaped, accessible
/// and the same bytes every time.
@Suite("Derive: partnership network")
struct NetworkTests {
    typealias Support = SiteTestSupport

    /// The fixture tree, loaded, validated and linked as a build does.
    static func fixtureDirectory() throws -> Directory {
        let content = try Support.fixturesRoot.appendingPathComponent("network/content").path
        let report = try SiteBuilder().check(content: content)
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        return try #require(report.directory)
    }

    // MARK: Nodes and links

    @Test func nodesAreThePartiesGroupedByTypeAndLinksJoinCoSignatories() throws {
        let network = PartnershipNetwork(directory: try Self.fixtureDirectory())
        // eta-loner signed nothing; zeta-draft is a draft, so its only partnership joins nobody.
        #expect(network.nodes.map(\.slug) == ["alpha-university", "beta-institute", "gamma-hospitals", "delta-network", "epsilon-ltd"])
        #expect(network.nodes.map(\.type) == [.institution, .institution, .trust, .network, .company])
        #expect(network.edges.map { [$0.from, $0.to] } == [[0, 1], [0, 2], [1, 2], [3, 4]])
        // Two partnerships on one pair make one link that names both, newest first.
        #expect(network.edges[1].partnerships.map(\.slug) == ["three-way", "old-deal"])
        #expect(network.edges.map(\.isEnded) == [false, false, false, true])
        // The text list: each organisation with its partners and what they signed.
        let gamma = network.partners(of: 2)
        #expect(gamma.map(\.partner) == [0, 1])
        #expect(gamma[0].partnerships.map(\.title) == ["Three-way <b>MoU</b> & friends", "Old deal"])
        #expect(network.partners(of: 4).map(\.partner) == [3])
    }

    @Test func inputOrderDoesNotChangeTheNetwork() throws {
        let profiles = [
            ProfileFactory.make(.institution, "uni", title: "University"),
            ProfileFactory.make(.trust, "trust", title: "Trust"),
            ProfileFactory.make(.company, "co", title: "Company"),
            ProfileFactory.make(.partnership, "p1", title: "P1", parties: ["uni", "trust", "uni"], signed: "2025-01-01"),
            ProfileFactory.make(.partnership, "p2", title: "P2", parties: ["co", "trust"], signed: "2024-01-01"),
        ]
        let forwards = Directory(profiles: profiles, config: ProfileFactory.config)
        let backwards = Directory(profiles: profiles.reversed(), config: ProfileFactory.config)
        #expect(PartnershipNetwork(directory: forwards) == PartnershipNetwork(directory: backwards))
        #expect(NetworkSVG.svg(PartnershipNetwork(directory: forwards), directory: forwards)
                == NetworkSVG.svg(PartnershipNetwork(directory: backwards), directory: backwards))
        // A party named twice is one party, not a link to itself.
        #expect(PartnershipNetwork(directory: forwards).edges.allSatisfy { $0.from != $0.to })
    }

    // MARK: The SVG

    @Test func svgIsWellFormedAccessibleAndLinksEveryOrganisation() throws {
        let directory = try Self.fixtureDirectory()
        let network = PartnershipNetwork(directory: directory)
        let document = try SVGDocument(NetworkSVG.svg(network, directory: directory))

        let root = try #require(document.elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["aria-labelledby"] == "network-title network-desc")
        #expect(root.attributes["viewBox"] == "0 0 \(root.attributes["width"]!) \(root.attributes["height"]!)")
        #expect(document.elements.dropFirst().first?.name == "title")
        #expect(document.text(of: "title").first == #"Partnership network of Network <Test> & "Friends""#)
        let description = try #require(document.text(of: "desc").first)
        #expect(description.contains("5 organisations"))
        #expect(description.contains("joined by 4 lines"))
        #expect(description.contains("Institutions as circles, NHS trusts as squares, networks as diamonds and companies as triangles."))
        #expect(description.contains("dashed line"))
        #expect(description.hasSuffix("https://example.org/frontdoor/partnerships/#who-signed-with-whom"))

        // Each organisation is one link to its page, named by a <title> inside it.
        let links = document.elements.filter { $0.name == "a" }
        #expect(links.map { $0.attributes["href"] } == network.nodes.map { "/frontdoor/" + $0.path })
        #expect(links.map { $0.attributes["xlink:href"] } == links.map { $0.attributes["href"] })
        #expect(document.text(of: "title").contains(#"Gamma <Hospitals> & "Friends" 'NHS' Trust, NHS trust"#))
        // One curve per link, the ended one dashed; no style attributes anywhere (CSP).
        let curves = document.elements.filter { $0.name == "path" && $0.attributes["d"]?.contains("Q") == true }
        #expect(curves.count == 4)
        #expect(curves.map { $0.attributes["stroke-dasharray"] != nil } == [false, false, false, true])
        // Each curve is named by the pair and what they signed, ended partnerships marked.
        #expect(document.text(of: "title").contains(#"Beta Institute and Gamma <Hospitals> & "Friends" 'NHS' Trust: Three-way <b>MoU</b> & friends"#))
        #expect(document.text(of: "title").contains { $0.hasSuffix(": Three-way <b>MoU</b> & friends; Old deal (ended)") })
        #expect(document.elements.allSatisfy { $0.attributes["style"] == nil && $0.name != "style" && $0.name != "script" })
    }

    @Test func hostileTitlesAreEscaped() throws {
        let directory = try Self.fixtureDirectory()
        let svg = NetworkSVG.svg(PartnershipNetwork(directory: directory), directory: directory)
        #expect(svg.contains("Network &lt;Test&gt; &amp; &quot;Friends&quot;"))
        #expect(svg.contains("Gamma &lt;Hospitals&gt; &amp; &quot;Friends&quot; &apos;NHS&apos; Trust"))
        #expect(svg.contains("Three-way &lt;b&gt;MoU&lt;/b&gt; &amp; friends"))
        #expect(!svg.contains("<Hospitals>"))
        #expect(!svg.contains("<b>"))
        #expect(!svg.contains("<Test>"))
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        let first = try Self.fixtureDirectory(), second = try Self.fixtureDirectory()
        let a = NetworkSVG.file(PartnershipNetwork(directory: first), directory: first)
        let b = NetworkSVG.file(PartnershipNetwork(directory: second), directory: second)
        #expect(a == b)
        #expect(a.path == "partnerships/network.svg")
    }

    @Test func anEmptyNetworkSaysSoInAWellFormedPicture() throws {
        let directory = Directory(profiles: [ProfileFactory.make(.company, "alone", title: "Alone & Co")], config: ProfileFactory.config)
        let network = PartnershipNetwork(directory: directory)
        #expect(network.isEmpty)
        #expect(network.edges.isEmpty)
        let document = try SVGDocument(NetworkSVG.svg(network, directory: directory))
        #expect(document.elements.first?.attributes["role"] == "img")
        #expect(document.text(of: "desc") == ["No partnerships are listed yet, so there is nothing to draw."])
        #expect(!document.elements.contains { $0.name == "a" })
    }

    // MARK: Layout

    /// A network of `count` organisations of every type with long names, each linked to the next
    /// and to the one across the ring.
    static func synthetic(_ count: Int) -> PartnershipNetwork {
        let types = ProfileType.organisations
        let nodes = (0..<count).map { index -> PartnershipNetwork.Node in
            let type = types[index * types.count / max(count, 1)]
            let title = index % 3 == 0 ? "Organisation \(index) with a very long name that must wrap onto several lines and still be cut short"
                                       : "Org \(index)"
            return .init(slug: "org-\(index)", title: title, type: type, path: "\(type.folder)/org-\(index)/")
        }
        let deal = PartnershipNetwork.Partnership(slug: "deal", title: "Deal", path: "partnerships/deal/", isEnded: false)
        var pairs: Set<[Int]> = []
        for index in 0..<count where count > 1 {
            pairs.insert([index, (index + 1) % count].sorted())
            pairs.insert([index, (index + count / 2) % count].sorted())
        }
        let edges = pairs.filter { $0[0] != $0[1] }.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
            .map { PartnershipNetwork.Edge(from: $0[0], to: $0[1], partnerships: [deal]) }
        return PartnershipNetwork(nodes: nodes, edges: edges)
    }

    @Test(arguments: [1, 2, 3, 7, 60])
    func layoutKeepsEveryLabelOnTheCanvasAndApart(count: Int) throws {
        let network = Self.synthetic(count)
        let layout = NetworkLayout(network)
        #expect(layout.nodes.count == count)
        for (index, node) in layout.nodes.enumerated() {
            #expect(node.lines.count <= NetworkLabel.maxLines)
            #expect(node.lines.allSatisfy { $0.count <= NetworkLabel.maxLineLength })
            // The label's estimated box lies inside the canvas, below the legend.
            let labelWidth = Double(node.lines.map(\.count).max() ?? 0) * NetworkLayout.characterWidth
            let left = node.side == .right ? layout.labelX(index) : layout.labelX(index) - labelWidth
            #expect(left >= 0 && left + labelWidth <= layout.width, "label \(index) runs off the canvas")
            let top = node.y - Double(node.lines.count) * NetworkLayout.lineHeight / 2
            #expect(top >= NetworkLayout.headerHeight && node.y + Double(node.lines.count) * NetworkLayout.lineHeight / 2 <= layout.height)
        }
        // Within a side, nodes are at least a full label apart, so labels never overlap.
        for side in [NetworkLayout.Side.right, .left] {
            let column = layout.nodes.filter { $0.side == side }.sorted { $0.y < $1.y }
            for (a, b) in zip(column, column.dropFirst()) {
                #expect(b.y - a.y >= Double(a.lines.count + b.lines.count) / 2 * NetworkLayout.lineHeight)
            }
        }
        let document = try SVGDocument(NetworkSVG.svg(network, directory: Directory(profiles: [], config: ProfileFactory.config)))
        #expect(document.elements.filter { $0.name == "a" }.count == count)
        // Long names are cut in the picture but whole in each link's title.
        if count > 0 {
            #expect(document.text(of: "title").contains { $0.hasPrefix("Organisation 0 with a very long name that must wrap onto several lines and still be cut short,") })
        }
    }

    @Test func twoOrganisationsFaceEachOtherAcrossTheRing() {
        let layout = NetworkLayout(Self.synthetic(2))
        #expect(layout.nodes.map(\.side) == [.right, .left])
        #expect(layout.nodes[0].y == layout.nodes[1].y)
        #expect(layout.nodes[0].x - layout.centreX == layout.centreX - layout.nodes[1].x)
    }

    @Test func labelsWrapAndLongNamesEndInAnEllipsis() {
        #expect(NetworkLabel.lines("Beta Institute") == ["Beta Institute"])
        #expect(NetworkLabel.lines("University Hospitals Birmingham NHS Foundation Trust")
                == ["University Hospitals", "Birmingham NHS", "Foundation Trust"])
        #expect(NetworkLabel.lines(String(repeating: "x", count: 30)) == [String(repeating: "x", count: 24), "xxxxxx"])
        let cut = NetworkLabel.lines("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen")
        #expect(cut.count == 3)
        #expect(cut[2].hasSuffix("…"))
        #expect(NetworkLabel.lines("") == [""])
    }

    @Test func numbersAreWrittenTheSameWayEverywhere() {
        #expect(NetworkSVG.number(12) == "12")
        #expect(NetworkSVG.number(12.25) == "12.3")
        #expect(NetworkSVG.number(-3.5) == "-3.5")
        #expect(NetworkSVG.number(-0.04) == "0")
        #expect(NetworkSVG.number(1e7) == "10000000")
    }

    /// WCAG relative luminance contrast against the white background.
    @Test func coloursHaveAAContrastOnWhite() {
        func luminance(_ hex: String) -> Double {
            let value = Int(hex.dropFirst(), radix: 16)!
            let channels = [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff].map { Double($0) / 255 }
            let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
            return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
        }
        func contrast(_ hex: String) -> Double { (luminance(NetworkStyle.background) + 0.05) / (luminance(hex) + 0.05) }
        for type in ProfileType.organisations {
            #expect(contrast(NetworkStyle.colour(type)) >= 4.5, "\(type) colour")
        }
        #expect(contrast(NetworkStyle.text) >= 4.5)
        #expect(contrast(NetworkStyle.link) >= 4.5)
        // Each type has its own shape, so colour is never the only difference.
        #expect(Set(ProfileType.organisations.map { "\(NetworkStyle.shape($0))" }).count == 4)
    }

    // MARK: In the built site

    @Test func theBuildWritesThePictureAndTheListBesideIt() throws {
        let workspace = try Support.Workspace("network")
        defer { workspace.remove() }
        let site = workspace.path("site")
        try Support.buildOK(content: try workspace.content("network"), output: site)

        let svg = try Data(contentsOf: URL(fileURLWithPath: site + "/partnerships/network.svg"))
        _ = try SVGDocument(String(decoding: svg, as: UTF8.self))
        let page = try Support.text(site + "/partnerships/index.html")
        #expect(page.contains(#"<img class="network__image" src="/frontdoor/partnerships/network.svg""#))
        #expect(page.contains(#"alt="A picture of 5 organisations that have signed partnerships, joined by 4 lines"#))
        #expect(page.contains(#"<h3 id="who-signed-with-whom">Who has signed with whom</h3>"#))
        #expect(page.contains(#"<a href="/frontdoor/trusts/gamma-hospitals/">Gamma &lt;Hospitals&gt; &amp; &quot;Friends&quot; &#39;NHS&#39; Trust</a>"#))
        #expect(page.contains(#"<a href="/frontdoor/partnerships/old-deal/">Old deal</a> (ended)"#))
        #expect(page.contains(#"with <a href="/frontdoor/companies/epsilon-ltd/">Epsilon Ltd</a>"#))
        #expect(!page.contains("eta-loner"))
        #expect(!page.contains(" style="))
    }

    @Test func withoutPartnershipsThePageHasNoPictureButTheFileSaysWhy() throws {
        let workspace = try Support.Workspace("network-empty")
        defer { workspace.remove() }
        let content = try workspace.content("network")
        try FileManager.default.removeItem(atPath: content + "/partnerships")
        let site = workspace.path("site")
        try Support.buildOK(content: content, output: site)

        let page = try Support.text(site + "/partnerships/index.html")
        #expect(!page.contains("network.svg"))
        #expect(!page.contains("who-signed-with-whom"))
        let svg = try Support.text(site + "/partnerships/network.svg")
        #expect(try SVGDocument(svg).text(of: "desc") == ["No partnerships are listed yet, so there is nothing to draw."])
    }

    @Test func hostileContentStillGivesWellFormedXML() throws {
        let workspace = try Support.Workspace("network-hostile")
        defer { workspace.remove() }
        let site = workspace.path("site")
        try Support.buildOK(content: try workspace.content("basic", overlays: ["hostile"]), output: site)
        let svg = try Support.text(site + "/partnerships/network.svg")
        let document = try SVGDocument(svg)
        #expect(!svg.contains("<script"))
        #expect(!svg.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(document.text(of: "title").contains { $0.contains("<script>alert(1)</script> Hostile") })
    }
}

/// An SVG parsed with XMLParser: every element in document order with its attributes and
/// text. Throws when the XML is not well-formed.
struct SVGDocument {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }

    private(set) var elements: [Element] = []

    init(_ svg: String) throws {
        final class Collector: NSObject, XMLParserDelegate {
            var elements: [Element] = []
            var open: [Int] = []
            var error: Error?
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                open.append(elements.count)
                elements.append(Element(name: name, attributes: attributes))
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) {
                if let current = open.last { elements[current].text += string }
            }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                open.removeLast()
            }
            func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
        }
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse(), collector.error == nil else {
            throw SVGError.notWellFormed(String(describing: collector.error ?? parser.parserError))
        }
        elements = collector.elements
    }

    func text(of name: String) -> [String] {
        elements.filter { $0.name == name }.map(\.text)
    }

    enum SVGError: Error { case notWellFormed(String) }
}
