/// A place in a content file: the path relative to the content folder's parent as the
/// editor typed it, and a 1-based line and column.
public struct SourcePosition: Sendable, Hashable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let start = SourcePosition(line: 1, column: 1)
}
