/// Who has signed with whom: the organisations that are parties to published partnerships,
/// and a link between every two parties of the same partnership.
///
/// Only signed partnerships make links. `partners` (informal "works with") and network
/// `members` are other relationships, already listed on profile pages; mixing them in would
/// make the picture say "signed" where nothing was signed.
public struct PartnershipNetwork: Sendable, Equatable {
    public struct Node: Sendable, Equatable {
        public var slug: String
        public var title: String
        public var type: ProfileType
        /// The site-relative page path: `institutions/slug/`.
        public var path: String
    }

    /// Two organisations that signed at least one partnership together.
    public struct Edge: Sendable, Equatable {
        /// Indexes into `nodes`, `from < to`.
        public var from: Int
        public var to: Int
        /// The partnerships both signed, in the directory's order (newest first).
        public var partnerships: [Partnership]

        /// Every partnership on this link has ended, so the picture draws it dashed.
        public var isEnded: Bool { partnerships.allSatisfy(\.isEnded) }
    }

    public struct Partnership: Sendable, Equatable {
        public var slug: String
        public var title: String
        public var path: String
        public var isEnded: Bool
    }

    /// Grouped by type in display order (institutions, trusts, networks, companies), then in
    /// the directory's title order, so the picture and the list read in the same order.
    public let nodes: [Node]
    /// Sorted by `from`, then `to`.
    public let edges: [Edge]

    public init(nodes: [Node], edges: [Edge]) {
        self.nodes = nodes
        self.edges = edges
    }

    public init(directory: Directory) {
        // Each partnership's published, distinct parties; a partnership left with fewer than
        // two (the others are drafts) joins nobody, so it adds neither node nor link.
        var pairs: [Pair: [Partnership]] = [:]
        var joined: Set<String> = []
        for profile in directory.profiles(of: .partnership) {
            var parties: [String] = []
            for slug in profile.parties where directory.bySlug[slug]?.type.isOrganisation == true && !parties.contains(slug) {
                parties.append(slug)
            }
            guard parties.count >= 2 else { continue }
            let partnership = Partnership(slug: profile.slug, title: profile.title, path: profile.path, isEnded: profile.status == "ended")
            for (offset, a) in parties.enumerated() {
                for b in parties[(offset + 1)...] {
                    pairs[Pair(a, b), default: []].append(partnership)
                }
            }
            joined.formUnion(parties)
        }

        let nodes = directory.organisations.filter { joined.contains($0.slug) }
            .map { Node(slug: $0.slug, title: $0.title, type: $0.type, path: $0.path) }
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.slug, $0) })
        let edges = pairs.map { pair, partnerships -> Edge in
            let (a, b) = (index[pair.first]!, index[pair.second]!)
            return Edge(from: min(a, b), to: max(a, b), partnerships: partnerships)
        }
        self.init(nodes: nodes, edges: edges.sorted { ($0.from, $0.to) < ($1.from, $1.to) })
    }

    public var isEmpty: Bool { nodes.isEmpty }

    /// Each organisation's partners with the partnerships they signed together, in node order:
    /// the "who has signed with whom" text beside the picture.
    public func partners(of node: Int) -> [(partner: Int, partnerships: [Partnership])] {
        edges.compactMap { edge in
            if edge.from == node { return (edge.to, edge.partnerships) }
            if edge.to == node { return (edge.from, edge.partnerships) }
            return nil
        }.sorted { $0.partner < $1.partner }
    }

    /// An unordered pair of slugs, so A–B and B–A are one link.
    private struct Pair: Hashable {
        let first: String
        let second: String
        init(_ a: String, _ b: String) { (first, second) = a < b ? (a, b) : (b, a) }
    }
}
