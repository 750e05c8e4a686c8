/// The partnership network as a standalone SVG file, `partnerships/network.svg`.
///
/// A file rather than markup inside the page, so pages can show it with `<img>` under a
/// strict Content-Security-Policy: everything is presentation attributes inside the SVG, no
/// `style` anywhere. It is `role="img"` with a `<title>` and a `<desc>` that points to the
/// text alternative; opened on its own, each organisation is a link to its page.
/// Every text from content goes through `XMLText.escape`.
public enum NetworkSVG {
    public static let path = "partnerships/network.svg"
    /// The id of the "who has signed with whom" list on the partnerships page, which the
    /// `<desc>` points to (`list.mustache` writes it literally, so body headings keep clear of it).
    public static let listID = "who-signed-with-whom"

    public static func file(_ network: PartnershipNetwork, directory: Directory) -> OutputFile {
        OutputFile(path: path, text: svg(network, directory: directory))
    }

    public static func svg(_ network: PartnershipNetwork, directory: Directory) -> String {
        let config = directory.config
        let title = XMLText.escape("Partnership network of \(config.title)")
        let listURL = config.origin + "partnerships/#" + listID
        guard !network.isEmpty else {
            let message = "No partnerships are listed yet, so there is nothing to draw."
            return header(width: NetworkLayout.minimumWidth, height: 64) + """
                <title id="network-title">\(title)</title>
                <desc id="network-desc">\(message)</desc>
                \(background)
                <text x="\(number(NetworkLayout.margin))" y="38" fill="\(NetworkStyle.text)">\(message)</text>
                </svg>

                """
        }

        let layout = NetworkLayout(network)
        var out = header(width: layout.width, height: layout.height)
        out += "<title id=\"network-title\">\(title)</title>\n"
        out += "<desc id=\"network-desc\">\(XMLText.escape(description(network) + " The list “Who has signed with whom” on the partnerships page gives the same in words: " + listURL))</desc>\n"
        out += background + "\n"
        out += legend(network)

        // Links first, so nodes and labels are drawn over them.
        out += links(network, layout)
        out += organisations(network, layout, basePath: config.basePath)
        return out + "</svg>\n"
    }

    /// One curve per pair that signed together, named by both organisations and what they signed.
    static func links(_ network: PartnershipNetwork, _ layout: NetworkLayout) -> String {
        let n = number
        var out = "<g fill=\"none\" stroke=\"\(NetworkStyle.link)\" stroke-width=\"2\">\n"
        for edge in network.edges {
            let (a, b) = (layout.nodes[edge.from], layout.nodes[edge.to])
            let control = layout.controlPoint(from: edge.from, to: edge.to)
            let dash = edge.isEnded ? " stroke-dasharray=\"6 4\"" : ""
            let names = "\(network.nodes[edge.from].title) and \(network.nodes[edge.to].title): "
                + edge.partnerships.map { $0.title + ($0.isEnded ? " (ended)" : "") }.joined(separator: "; ")
            out += "<path d=\"M\(n(a.x)) \(n(a.y))Q\(n(control.x)) \(n(control.y)) \(n(b.x)) \(n(b.y))\"\(dash)><title>\(XMLText.escape(names))</title></path>\n"
        }
        return out + "</g>\n"
    }

    /// Each organisation: a link to its page, named by its full title, holding its shape and its wrapped label.
    static func organisations(_ network: PartnershipNetwork, _ layout: NetworkLayout, basePath: String) -> String {
        let n = number
        var out = "<g fill=\"\(NetworkStyle.text)\">\n"
        for (index, node) in network.nodes.enumerated() {
            let place = layout.nodes[index]
            let href = XMLText.escape(basePath + node.path)
            out += "<a href=\"\(href)\" xlink:href=\"\(href)\">"
            out += "<title>\(XMLText.escape(node.title + ", " + NetworkStyle.name(node.type)))</title>"
            out += NetworkStyle.element(NetworkStyle.shape(node.type), x: place.x, y: place.y, fill: NetworkStyle.colour(node.type))
            let anchor = place.side == .right ? "start" : "end"
            let x = n(layout.labelX(index))
            out += "<text x=\"\(x)\" y=\"\(n(layout.labelTop(index)))\" text-anchor=\"\(anchor)\">"
            for (line, text) in place.lines.enumerated() {
                out += "<tspan x=\"\(x)\"\(line == 0 ? "" : " dy=\"\(n(NetworkLayout.lineHeight))\"")>\(XMLText.escape(text))</tspan>"
            }
            out += "</text></a>\n"
        }
        return out + "</g>\n"
    }

    /// What the picture shows, in words: the `<desc>`, and the start of the page's `alt` text.
    public static func summary(_ network: PartnershipNetwork) -> String {
        let organisations = network.nodes.count == 1 ? "1 organisation" : "\(network.nodes.count) organisations"
        let lines = network.edges.count == 1 ? "1 line" : "\(network.edges.count) lines"
        return "A picture of \(organisations) that have signed partnerships, joined by \(lines): "
            + "a line joins two organisations that have signed at least one partnership together."
    }

    /// The summary with the key to shapes and line styles.
    static func description(_ network: PartnershipNetwork) -> String {
        let present = ProfileType.organisations.filter { type in network.nodes.contains { $0.type == type } }
        let shapes = present.map { "\(NetworkStyle.name($0, plural: true)) as \(NetworkStyle.shapeName(NetworkStyle.shape($0)))" }
        var text = summary(network) + " " + ListPhrase.join(shapes).capitalisingFirst + "."
        if network.edges.contains(where: \.isEnded) {
            text += " A dashed line means every partnership between the two has ended."
        }
        return text
    }

    static func header(width: Double, height: Double) -> String {
        let (w, h) = (number(width), number(height))
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" \
            width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" role="img" aria-labelledby="network-title network-desc" \
            font-family="Arial, Helvetica, sans-serif" font-size="\(number(NetworkLayout.fontSize))">

            """
    }

    /// A white ground, so the colours keep their contrast on a dark page too.
    static let background = "<rect width=\"100%\" height=\"100%\" fill=\"\(NetworkStyle.background)\"/>"

    /// The key: a shape per type present, then the line styles used.
    static func legend(_ network: PartnershipNetwork) -> String {
        let n = number
        let character = NetworkLayout.characterWidth
        var out = "<g fill=\"\(NetworkStyle.text)\">\n"
        var x = NetworkLayout.margin
        for type in ProfileType.organisations where network.nodes.contains(where: { $0.type == type }) {
            out += NetworkStyle.element(NetworkStyle.shape(type), x: x + NetworkLayout.nodeRadius, y: 23, fill: NetworkStyle.colour(type))
            out += "<text x=\"\(n(x + 24))\" y=\"28\">\(type.pluralLabel)</text>\n"
            x += 24 + Double(type.pluralLabel.count) * character + 20
        }
        x = NetworkLayout.margin
        let styles: [(dash: String, label: String, used: Bool)] = [
            ("", "Signed together", network.edges.contains { !$0.isEnded }),
            (" stroke-dasharray=\"6 4\"", "Every partnership between the two has ended", network.edges.contains(where: \.isEnded)),
        ]
        for style in styles where style.used {
            out += "<path d=\"M\(n(x)) 49H\(n(x + 32))\" stroke=\"\(NetworkStyle.link)\" stroke-width=\"2\"\(style.dash)/>"
            out += "<text x=\"\(n(x + 40))\" y=\"54\">\(style.label)</text>\n"
            x += 40 + Double(style.label.count) * character + 20
        }
        return out + "</g>\n"
    }

    /// A coordinate with at most one decimal, written the same way on every machine
    /// (no locale, no exponent, no `-0`).
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10, fraction = abs(tenths) % 10
        return sign + String(whole) + (fraction == 0 ? "" : "." + String(fraction))
    }
}

/// "a, b and c", the way the site's sentences list things.
enum ListPhrase {
    static func join(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}

private extension String {
    var capitalisingFirst: String { prefix(1).uppercased() + dropFirst() }
}
