/// How each type of organisation is drawn. Colour never carries the meaning alone: every
/// type has its own shape and a legend entry, and each node has its name beside it.
/// Every colour has a contrast of at least 4.5:1 on the white background (WCAG AA asks
/// 3:1 for graphics); `NetworkTests` computes the ratios.
enum NetworkStyle {
    enum Shape: Equatable { case circle, square, diamond, triangle }

    static let background = "#ffffff"
    static let text = "#212b32"
    static let link = "#4c6272"

    static func shape(_ type: ProfileType) -> Shape {
        switch type {
        case .institution: .circle
        case .trust: .square
        case .network: .diamond
        default: .triangle
        }
    }

    /// NHS identity colours: purple, blue, green, pink.
    static func colour(_ type: ProfileType) -> String {
        switch type {
        case .institution: "#330072"
        case .trust: "#005eb8"
        case .network: "#007f3b"
        default: "#ae2573"
        }
    }

    /// A type's name inside a sentence ("NHS trust" keeps its capitals).
    static func name(_ type: ProfileType, plural: Bool = false) -> String {
        let label = plural ? type.pluralLabel : type.singularLabel
        return label.hasPrefix("NHS") ? label : label.lowercased()
    }

    static func shapeName(_ shape: Shape) -> String {
        switch shape {
        case .circle: "circles"
        case .square: "squares"
        case .diamond: "diamonds"
        case .triangle: "triangles"
        }
    }

    /// The SVG element of a shape centred on (x, y), about `NetworkLayout.nodeRadius` across.
    static func element(_ shape: Shape, x: Double, y: Double, fill: String) -> String {
        let r = NetworkLayout.nodeRadius
        let n = NetworkSVG.number
        let paint = "fill=\"\(fill)\" stroke=\"\(background)\" stroke-width=\"2\""
        switch shape {
        case .circle:
            return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" \(paint)/>"
        case .square:
            let side = r * 1.7
            return "<rect x=\"\(n(x - side / 2))\" y=\"\(n(y - side / 2))\" width=\"\(n(side))\" height=\"\(n(side))\" \(paint)/>"
        case .diamond:
            let d = r * 1.25
            return "<path d=\"M\(n(x)) \(n(y - d))L\(n(x + d)) \(n(y))L\(n(x)) \(n(y + d))L\(n(x - d)) \(n(y))Z\" \(paint)/>"
        case .triangle:
            let d = r * 1.25
            return "<path d=\"M\(n(x)) \(n(y - d))L\(n(x + d)) \(n(y + d * 0.75))L\(n(x - d)) \(n(y + d * 0.75))Z\" \(paint)/>"
        }
    }
}
