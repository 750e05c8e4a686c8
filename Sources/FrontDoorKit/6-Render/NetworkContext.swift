/// The partnerships page's `network` key: the picture of who has signed with whom and its
/// text alternative, the same facts as a list of links that works with a screen reader and
/// without JavaScript. Absent when no two organisations have signed together, so
/// `{{#network}}` hides the whole section.
extension PageContext {
    func networkContext() -> [String: Any]? {
        let network = PartnershipNetwork(directory: directory)
        guard !network.edges.isEmpty else { return nil }
        let layout = NetworkLayout(network)
        func node(_ index: Int) -> [String: Any] {
            let node = network.nodes[index]
            ProfileAppearances.noteTitle(node.slug)
            return ["title": node.title, "url": url(node.path), "type_label": node.type.singularLabel]
        }
        let organisations = network.nodes.indices.map { index -> [String: Any] in
            var entry = node(index)
            entry["partners"] = network.partners(of: index).map { partner, partnerships -> [String: Any] in
                var entry = node(partner)
                entry["partnerships"] = partnerships.map { partnership -> [String: Any] in
                    ProfileAppearances.noteTitle(partnership.slug)
                    return ["title": partnership.title, "url": url(partnership.path), "is_ended": partnership.isEnded]
                }
                return entry
            }
            return entry
        }
        return [
            "svg_url": url(NetworkSVG.path),
            "width": NetworkSVG.number(layout.width),
            "height": NetworkSVG.number(layout.height),
            "alt": NetworkSVG.summary(network) + " The list “Who has signed with whom” after the picture gives the same in words.",
            "organisation_count": network.nodes.count,
            "organisations": organisations,
        ]
    }
}
