import CYaml

/// The bounds front matter must stay within, checked on libyaml's event stream before Yams
/// builds a single node.
///
/// Why before: Yams composes a tree by recursion and shares an anchored node with every
/// alias, so a "billion laughs" file composes cheaply, but anything that walks the tree
/// afterwards walks every expansion. Yams itself already does so once: it hashes the keys
/// of every mapping to find duplicates, so an alias bomb used as a key hangs inside Yams.
/// Counting here, where each alias costs one event, keeps every later step bounded.
/// (libyaml reads `CYaml` straight from the Yams package: the same parser Yams uses, so
/// both agree on what the text means.)
public enum YAMLLimits {
    /// Values (scalars, lists and maps, keys included), counting each alias as the values it stands for.
    public static let maxValues = 10_000
    /// Lists and maps inside one another, the front matter's own map being level 1.
    public static let maxDepth = 32
    /// Items in one list, or keys in one map.
    public static let maxItems = 1_000

    public enum Exceeded: Sendable, Equatable {
        case values, depth, items
    }

    /// One collection still open in the event stream.
    private struct Open {
        var anchor: String?
        var isMapping: Bool
        /// Values inside, this collection included, with aliases expanded.
        var values = 1
        /// Direct children (a map's keys and values both count).
        var children = 0
        /// Levels below this one, with aliases expanded.
        var height = 0
    }

    /// What an anchor stands for, so an alias costs what its expansion would.
    private struct Anchored {
        var values: Int
        var height: Int
    }

    /// What a scan that broke no bound saw on the way.
    public struct Scan: Sendable, Equatable {
        /// The whole stream was read and no node carries a tag (`!!int 3`, `!x y`, `! z`),
        /// so each scalar's type follows from its text and style alone (`PlainScalarTag`).
        public var isUntagged: Bool
        /// The tree, when the whole stream was read and `YAMLEventTree` could build it
        /// (`.some(nil)`: no document at all); nil means "compose it with Yams".
        public var tree: YAMLValue??

        public init(isUntagged: Bool, tree: YAMLValue?? = nil) {
            self.isUntagged = isUntagged
            self.tree = tree
        }
    }

    /// Throws at the first event that breaks a bound. Syntax errors end the scan; most are
    /// left for Yams, which meets the same error next and reports it in its own words.
    @discardableResult
    public static func check(_ yaml: String, firstLine: Int) throws(YAMLReader.Failure) -> Scan {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return Scan(isUntagged: false) }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(yaml.utf8)
        if bytes.isEmpty { return Scan(isUntagged: true, tree: .some(nil)) }
        var untagged = false
        var tree = YAMLEventTree(firstLine: firstLine)
        var ended = false
        let outcome: YAMLReader.Failure? = bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return scan(&parser, firstLine: firstLine, untagged: &untagged, tree: &tree, ended: &ended)
                ?? parserProblem(parser, in: UnsafeBufferPointer(buffer), firstLine: firstLine)
        }
        if let outcome { throw outcome }
        return Scan(isUntagged: untagged, tree: ended ? tree.value : nil)
    }

    /// `untagged` and `ended` are set only when the scan reaches the end of the stream;
    /// `tree` is fed every event on the way.
    private static func scan(_ parser: inout yaml_parser_t, firstLine: Int, untagged: inout Bool,
                             tree: inout YAMLEventTree, ended: inout Bool) -> YAMLReader.Failure? {
        var sawTag = false
        var stack: [Open] = []
        var anchors: [String: Anchored] = [:]
        var total = 0
        var event = yaml_event_t()

        func failure(_ exceeded: Exceeded, _ message: String, _ mark: yaml_mark_t) -> YAMLReader.Failure {
            YAMLReader.Failure(message: message,
                               position: SourcePosition(line: Int(mark.line) + firstLine, column: Int(mark.column) + 1),
                               exceeded: exceeded)
        }

        /// Adds a finished value (a scalar, an alias's expansion or a closed collection) to its parent.
        func add(values: Int, height: Int, at mark: yaml_mark_t) -> YAMLReader.Failure? {
            guard !stack.isEmpty else { return nil }
            stack[stack.count - 1].values += values
            stack[stack.count - 1].children += 1
            stack[stack.count - 1].height = max(stack[stack.count - 1].height, height + 1)
            let top = stack[stack.count - 1]
            let items = top.isMapping ? (top.children + 1) / 2 : top.children
            if items > maxItems {
                return failure(.items, top.isMapping
                    ? "a set of keys has more than \(maxItems) keys"
                    : "a list has more than \(maxItems) items", mark)
            }
            return nil
        }

        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            tree.add(event)
            let mark = event.start_mark
            switch event.type {
            case YAML_STREAM_END_EVENT:
                untagged = !sawTag
                ended = true
                return nil
            case YAML_SCALAR_EVENT:
                sawTag = sawTag || event.data.scalar.tag != nil
                total += 1
                if total > maxValues { return failure(.values, "front matter has more than \(maxValues) values", mark) }
                if let name = anchorName(event.data.scalar.anchor) { anchors[name] = Anchored(values: 1, height: 0) }
                if let problem = add(values: 1, height: 0, at: mark) { return problem }
            case YAML_ALIAS_EVENT:
                let expansion = anchorName(event.data.alias.anchor).flatMap { anchors[$0] } ?? Anchored(values: 1, height: 0)
                total += expansion.values
                if total > maxValues {
                    return failure(.values, "front matter expands to more than \(maxValues) values (through YAML aliases such as this one)", mark)
                }
                if stack.count + expansion.height > maxDepth {
                    return failure(.depth, "front matter is nested more than \(maxDepth) levels deep (through this YAML alias)", mark)
                }
                if let problem = add(values: expansion.values, height: expansion.height, at: mark) { return problem }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                total += 1
                if total > maxValues { return failure(.values, "front matter has more than \(maxValues) values", mark) }
                if stack.count + 1 > maxDepth {
                    return failure(.depth, "front matter is nested more than \(maxDepth) levels deep", mark)
                }
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                sawTag = sawTag || (isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag) != nil
                let anchor = anchorName(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                stack.append(Open(anchor: anchor, isMapping: isMapping))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = stack.popLast() else { return nil }
                if let anchor = closed.anchor { anchors[anchor] = Anchored(values: closed.values, height: closed.height) }
                if let problem = add(values: closed.values, height: closed.height, at: mark) { return problem }
            default:
                continue
            }
        }
    }

    /// The two parser errors reported here rather than by Yams: libyaml's own nesting limit
    /// (its scanner reads ahead, so a deep flow nest can reach it before the scan's count
    /// does) is a depth problem, and a reader error (a control character) gets the line of
    /// the byte, where Yams would give only the start of the front matter.
    private static func parserProblem(_ parser: yaml_parser_t, in bytes: UnsafeBufferPointer<UInt8>, firstLine: Int) -> YAMLReader.Failure? {
        let problem = parser.problem.map { String(cString: $0) } ?? ""
        if parser.error == YAML_READER_ERROR {
            let offset = min(parser.problem_offset, bytes.count)
            let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let line = bytes[..<offset].count(where: { $0 == 0x0A }) + firstLine
            let column = bytes[lineStart..<offset].count(where: { $0 & 0xC0 != 0x80 }) + 1
            return YAMLReader.Failure(message: problem, position: SourcePosition(line: line, column: column), exceeded: nil)
        }
        if problem.contains("Maximum nesting level") {
            let mark = parser.problem_mark
            return YAMLReader.Failure(message: "front matter is nested more than \(maxDepth) levels deep",
                                      position: SourcePosition(line: Int(mark.line) + firstLine, column: Int(mark.column) + 1),
                                      exceeded: .depth)
        }
        return nil
    }

    private static func anchorName(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }
}
