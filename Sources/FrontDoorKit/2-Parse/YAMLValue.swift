import Yams

/// Front matter as a tree of values that remember where in the file they were written.
public indirect enum YAMLValue: Sendable, Hashable {
    /// `tag` is the YAML type the scalar resolved to (`str`, `int`, `bool`, `null`, ...).
    case scalar(String, tag: String, at: SourcePosition)
    case list([YAMLValue], at: SourcePosition)
    case map([YAMLEntry], at: SourcePosition)

    public var position: SourcePosition {
        switch self {
        case .scalar(_, _, let at), .list(_, let at), .map(_, let at): at
        }
    }

    public var isNull: Bool {
        if case .scalar(_, "null", _) = self { return true }
        return false
    }

    /// What an editor would call this value, for "expected a list, found text" messages.
    public var kindName: String {
        switch self {
        case .scalar(_, let tag, _):
            switch tag {
            case "null": "nothing"
            case "bool": "true/false"
            case "int", "float": "a number"
            default: "text"
            }
        case .list: "a list"
        case .map: "a set of keys"
        }
    }
}

public struct YAMLEntry: Sendable, Hashable {
    public var key: String
    public var keyPosition: SourcePosition
    public var value: YAMLValue
}

/// Parses YAML with Yams and converts its nodes, shifting lines to file lines.
public enum YAMLReader {
    public struct Failure: Error, Equatable {
        public var message: String
        public var position: SourcePosition
        /// The bound the text broke (`YAMLLimits`), or nil for a syntax error.
        public var exceeded: YAMLLimits.Exceeded?

        public var tooComplex: Bool { exceeded != nil }
    }

    /// Yams's own default, read once: `Parser.Encoding.default` reads the whole process
    /// environment (for `YAMS_DEFAULT_ENCODING`) every time it is asked.
    private static let yamsEncodingName = Parser.Encoding.default.rawValue
    private static var yamsEncoding: Parser.Encoding { Parser.Encoding(rawValue: yamsEncodingName) ?? .utf8 }

    public static func read(_ yaml: String, firstLine: Int) throws(Failure) -> YAMLValue? {
        try read(yaml, firstLine: firstLine, takingEventTree: true)
    }

    /// `takingEventTree: false` is for tests that check the tree against Yams's.
    static func read(_ yaml: String, firstLine: Int, takingEventTree: Bool) throws(Failure) -> YAMLValue? {
        // Bounds first, on the event stream: Yams must never see an alias bomb or a deep nest.
        let scan = try YAMLLimits.check(yaml, firstLine: firstLine)
        if takingEventTree, let tree = scan.tree { return tree }
        if scan.isUntagged, let read = try readUntagged(yaml, firstLine: firstLine) { return read.value }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml, .default, .default, yamsEncoding)
        } catch let error as YamlError {
            throw describe(error, firstLine: firstLine)
        } catch {
            throw Failure(message: "\(error)", position: SourcePosition(line: firstLine, column: 1), exceeded: nil)
        }
        guard let node else { return nil }
        var conversion = Conversion(firstLine: firstLine, tagsFromStyle: false)
        return try conversion.convert(node, depth: 0)
    }

    /// The value a read produced, which may be no value at all (empty YAML).
    private struct Read { var value: YAMLValue? }

    /// The same tree as Yams with its default resolver gives, for YAML without tags, with
    /// scalar types found by `PlainScalarTag` instead of Yams's regexes. Nil when this
    /// cannot be sure of giving the same answer; the caller then takes the usual path.
    ///
    /// Why it is the same: without tags, a quoted or block scalar is `str` and a plain one
    /// is what the default rules say, which `PlainScalarTag` gives. Composing with the
    /// rule-less resolver builds the same nodes; only the duplicate-key check differs,
    /// and only by finding more (keys `1` and `"1"` are both `str` to it), so any error
    /// here is left to the usual path to report in its own words. A key that is a list
    /// or a map is described with its nodes' tags, so it too is left to the usual path.
    private static func readUntagged(_ yaml: String, firstLine: Int) throws(Failure) -> Read? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml, .basic, .default, yamsEncoding)
        } catch {
            return nil
        }
        guard let node else { return Read(value: nil) }
        var conversion = Conversion(firstLine: firstLine, tagsFromStyle: true)
        let value = try conversion.convert(node, depth: 0)
        return conversion.sawCollectionKey ? nil : Read(value: value)
    }

    private static func position(_ mark: Mark?, firstLine: Int) -> SourcePosition {
        guard let mark else { return SourcePosition(line: firstLine, column: 1) }
        return SourcePosition(line: mark.line + firstLine - 1, column: mark.column)
    }

    /// Yams nodes to `YAMLValue`s, within the same bounds `YAMLLimits` checked.
    private struct Conversion {
        var firstLine: Int
        /// Scalar types from style and text (`readUntagged`) rather than from Yams's tags.
        var tagsFromStyle: Bool
        var budget = YAMLLimits.maxValues
        /// A map had a list or a map as a key.
        var sawCollectionKey = false

        init(firstLine: Int, tagsFromStyle: Bool) {
            self.firstLine = firstLine
            self.tagsFromStyle = tagsFromStyle
        }

        mutating func convert(_ node: Node, depth: Int) throws(Failure) -> YAMLValue {
            budget -= 1
            let at = position(node.mark, firstLine: firstLine)
            // A second net under YAMLLimits.check, which has already counted the same things.
            guard budget >= 0, depth <= YAMLLimits.maxDepth else {
                throw Failure(message: budget < 0
                    ? "front matter expands to more than \(YAMLLimits.maxValues) values (through YAML aliases)"
                    : "front matter is nested more than \(YAMLLimits.maxDepth) levels deep",
                    position: at, exceeded: budget < 0 ? .values : .depth)
            }
            switch node {
            case .scalar(let scalar):
                // Style, not the node's tag: with the rule-less resolver a node shared through
                // an alias may already have had its tag resolved to `str` as a map key.
                let tag = !tagsFromStyle ? PlainScalarTag.shortName(node.tag.description)
                    : scalar.style == .plain ? PlainScalarTag.of(scalar.string) : "str"
                return .scalar(scalar.string, tag: tag, at: at)
            case .sequence(let sequence):
                var items: [YAMLValue] = []
                for item in sequence {
                    items.append(try convert(item, depth: depth + 1))
                }
                return .list(items, at: at)
            case .mapping(let mapping):
                var entries: [YAMLEntry] = []
                for (key, value) in mapping {
                    if key.scalar == nil { sawCollectionKey = true }
                    let keyText = key.scalar?.string ?? "\(key)"
                    entries.append(YAMLEntry(key: keyText, keyPosition: position(key.mark, firstLine: firstLine),
                                             value: try convert(value, depth: depth + 1)))
                }
                return .map(entries, at: at)
            case .alias:
                // Yams resolves aliases to the anchored node while composing; a bare alias
                // left here has nothing to stand for.
                return .scalar("", tag: "null", at: at)
            }
        }
    }

    private static func describe(_ error: YamlError, firstLine: Int) -> Failure {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = problem
            if let context { message += " " + context.text }
            return Failure(message: message, position: position(mark, firstLine: firstLine), exceeded: nil)
        case .reader(let problem, _, _, _):
            return Failure(message: problem, position: SourcePosition(line: firstLine, column: 1), exceeded: nil)
        default:
            return Failure(message: "\(error)", position: SourcePosition(line: firstLine, column: 1), exceeded: nil)
        }
    }
}
