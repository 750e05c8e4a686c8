/// Where each organisation of a `PartnershipNetwork` is drawn: a ring made of two columns.
///
/// Nodes go down the right side and back up the left, in the network's order (grouped by
/// type, then by title), with a gap where the type changes. Each column is bowed outwards
/// like `( )`, so a link between two nodes of one side curves past the nodes between them.
/// Nodes are spaced by whole label heights, so labels (to the right on the right side, to
/// the left on the left side) can never overlap, however many nodes there are, which a
/// circle cannot promise near its top and bottom. No randomness and no trigonometry, only
/// `sqrt`, which IEEE 754 rounds exactly: the same network gives the same numbers anywhere.
struct NetworkLayout: Equatable {
    enum Side: Equatable { case right, left }

    struct Placed: Equatable {
        var x: Double
        var y: Double
        var side: Side
        var lines: [String]
    }

    // Sizes in SVG user units (CSS pixels at scale 1).
    static let fontSize = 14.0
    static let lineHeight = 17.0
    /// A generous average advance of Arial at 14 px, to size the canvas without measuring text.
    static let characterWidth = 7.6
    static let nodeRadius = 9.0
    static let labelGap = 8.0
    static let margin = 16.0
    /// Half the width kept clear between the columns, for the links.
    static let innerHalfWidth = 110.0
    /// How far the middle of each column bows out beyond its ends.
    static let bulge = 70.0
    static let groupGap = 18.0
    /// Room above the ring for the legend.
    static let headerHeight = 76.0
    static let minimumWidth = 560.0

    let width: Double
    let height: Double
    let nodes: [Placed]
    /// The middle of the ring, towards which links between nodes of one side bend.
    let centreX: Double
    let centreY: Double
    /// The height of the taller column.
    let ringHeight: Double

    init(_ network: PartnershipNetwork) {
        let labels = network.nodes.map { NetworkLabel.lines($0.title) }
        let lineCount = labels.map(\.count).max() ?? 1
        let rowHeight = max(36, Double(lineCount) * Self.lineHeight + 14)
        let longestLine = labels.flatMap { $0 }.map(\.count).max() ?? 0
        let labelWidth = max(80, Double(longestLine) * Self.characterWidth)
        let halfWidth = Self.margin + labelWidth + Self.labelGap + Self.nodeRadius + Self.bulge + Self.innerHalfWidth
        let width = max(Self.minimumWidth, 2 * halfWidth).rounded(.up)
        let centreX = width / 2

        // The first half (rounded up) goes down the right side, the rest up the left side.
        let rightCount = (network.nodes.count + 1) / 2
        let columns = [Array(0..<rightCount), Array((rightCount..<network.nodes.count).reversed())]
        // Offsets of each node's middle from the top of its column, with a gap at each type change.
        var offsets = [Double](repeating: 0, count: network.nodes.count)
        var columnHeights: [Double] = []
        for column in columns {
            var offset = rowHeight / 2
            for (position, node) in column.enumerated() {
                if position > 0 {
                    offset += rowHeight
                    if network.nodes[node].type != network.nodes[column[position - 1]].type { offset += Self.groupGap }
                }
                offsets[node] = offset
            }
            columnHeights.append(column.isEmpty ? 0 : offset + rowHeight / 2)
        }
        let ringHeight = columnHeights.max() ?? 0
        let centreY = Self.headerHeight + ringHeight / 2

        var placed: [Placed] = []
        for (index, labelLines) in labels.enumerated() {
            let side: Side = index < rightCount ? .right : .left
            let columnHeight = columnHeights[side == .right ? 0 : 1]
            // Each column is centred on the ring's middle, so a short left column sits level with the right.
            let y = centreY - columnHeight / 2 + offsets[index]
            // Half an ellipse through the column: widest in the middle, never quite closing at the ends.
            let t = (y - centreY) / (ringHeight / 2 + rowHeight)
            let reach = Self.innerHalfWidth + Self.bulge * (1 - t * t).squareRoot()
            placed.append(Placed(x: side == .right ? centreX + reach : centreX - reach, y: y, side: side, lines: labelLines))
        }
        self.width = width
        self.height = (Self.headerHeight + ringHeight + Self.margin).rounded(.up)
        self.nodes = placed
        self.centreX = centreX
        self.centreY = centreY
        self.ringHeight = ringHeight
    }

    /// The control point of a link's quadratic curve: the middle of the two ends, pulled
    /// sideways towards the ring's middle. Links across the ring stay nearly straight; links
    /// along one side bow inwards, clear of the nodes between their ends (which the columns'
    /// bulge puts further out), longer links further, so they do not run along shorter ones.
    /// Only sideways: pulling towards the middle in height too makes links near the top or
    /// bottom loop.
    func controlPoint(from a: Int, to b: Int) -> (x: Double, y: Double) {
        let midX = (nodes[a].x + nodes[b].x) / 2
        let midY = (nodes[a].y + nodes[b].y) / 2
        let pull = 0.3 + 0.6 * abs(nodes[a].y - nodes[b].y) / max(ringHeight, 1)
        return (midX + (centreX - midX) * pull, midY)
    }

    /// Where a node's label starts (right side) or ends (left side).
    func labelX(_ index: Int) -> Double {
        let node = nodes[index]
        let offset = Self.nodeRadius + Self.labelGap
        return node.side == .right ? node.x + offset : node.x - offset
    }

    /// The baseline of a label's first line, so its lines sit centred on the node.
    func labelTop(_ index: Int) -> Double {
        let node = nodes[index]
        return node.y - Double(node.lines.count - 1) * Self.lineHeight / 2 + Self.fontSize * 0.35
    }
}
