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

    public static func read(_ yaml: String, firstLine: Int) throws(Failure) -> YAMLValue? {
        // Bounds first, on the event stream: Yams must never see an alias bomb or a deep nest.
        try YAMLLimits.check(yaml, firstLine: firstLine)
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw describe(error, firstLine: firstLine)
        } catch {
            throw Failure(message: "\(error)", position: SourcePosition(line: firstLine, column: 1), exceeded: nil)
        }
        guard let node else { return nil }
        var budget = YAMLLimits.maxValues
        return try convert(node, firstLine: firstLine, depth: 0, budget: &budget)
    }

    private static func position(_ mark: Mark?, firstLine: Int) -> SourcePosition {
        guard let mark else { return SourcePosition(line: firstLine, column: 1) }
        return SourcePosition(line: mark.line + firstLine - 1, column: mark.column)
    }

    private static func convert(_ node: Node, firstLine: Int, depth: Int, budget: inout Int) throws(Failure) -> YAMLValue {
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
            let tag = String(node.tag.description.split(separator: ":").last ?? "str")
            return .scalar(scalar.string, tag: tag, at: at)
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            for item in sequence {
                items.append(try convert(item, firstLine: firstLine, depth: depth + 1, budget: &budget))
            }
            return .list(items, at: at)
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            for (key, value) in mapping {
                let keyText = key.scalar?.string ?? "\(key)"
                entries.append(YAMLEntry(key: keyText, keyPosition: position(key.mark, firstLine: firstLine),
                                         value: try convert(value, firstLine: firstLine, depth: depth + 1, budget: &budget)))
            }
            return .map(entries, at: at)
        case .alias:
            // Yams resolves aliases to the anchored node while composing; a bare alias
            // left here has nothing to stand for.
            return .scalar("", tag: "null", at: at)
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
