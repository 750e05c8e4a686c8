import CYaml

/// The `YAMLValue` tree built from the libyaml events `YAMLLimits` reads anyway, so common
/// front matter is parsed once instead of twice (the bounds scan, then Yams composing).
///
/// It builds only what it is sure Yams would build the same: one document, no tags, no
/// aliases, every key a scalar and no key written twice (an anchor nothing refers to
/// changes nothing). On anything else it
/// gives up, and `YAMLReader` composes with Yams as before, which also reports the errors
/// in its own words. Scalar types come from `PlainScalarTag`, as in `YAMLReader`'s untagged
/// path, and positions are shifted to file lines the way `YAMLReader` shifts Yams's marks.
struct YAMLEventTree {
    /// One list or map still open.
    private struct Open {
        var isMapping: Bool
        var position: SourcePosition
        var items: [YAMLValue] = []
        var entries: [YAMLEntry] = []
        /// A map's key, waiting for its value.
        var key: (text: String, position: SourcePosition)?
    }

    private let firstLine: Int
    private var stack: [Open] = []
    private var root: YAMLValue?
    private var documents = 0
    private(set) var gaveUp = false

    init(firstLine: Int) {
        self.firstLine = firstLine
    }

    /// The tree once the stream has ended, nil when it gave up. `.some(nil)` is a stream
    /// without a document (empty YAML), which Yams reads as no value.
    var value: YAMLValue?? {
        gaveUp || !stack.isEmpty ? nil : .some(root)
    }

    /// Feeds one event; the caller has already checked it against the bounds.
    mutating func add(_ event: yaml_event_t) {
        guard !gaveUp else { return }
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 { gaveUp = true }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            guard scalar.tag == nil else { gaveUp = true; return }
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let at = position(event.start_mark)
            let last = stack.count - 1
            if last >= 0, stack[last].isMapping, stack[last].key == nil {
                // Keys `1` and `"1"` are two keys to Yams's default resolver but one to the
                // untagged path; either way a repeated text is for Yams to judge.
                if stack[last].entries.contains(where: { $0.key == text }) { gaveUp = true; return }
                stack[last].key = (text, at)
                return
            }
            let tag = scalar.style == YAML_PLAIN_SCALAR_STYLE ? PlainScalarTag.of(text) : "str"
            finish(.scalar(text, tag: tag, at: at))
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let tag = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
            guard tag == nil else { gaveUp = true; return }
            if let top = stack.last, top.isMapping, top.key == nil { gaveUp = true; return }  // a list or map as a key
            stack.append(Open(isMapping: isMapping, position: position(event.start_mark)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let closed = stack.popLast() else { gaveUp = true; return }
            finish(closed.isMapping ? .map(closed.entries, at: closed.position) : .list(closed.items, at: closed.position))
        case YAML_ALIAS_EVENT:
            gaveUp = true
        default:
            break
        }
    }

    /// Puts a whole value where it belongs: the root, a list's next item or a key's value.
    private mutating func finish(_ value: YAMLValue) {
        guard !stack.isEmpty else { root = value; return }
        let last = stack.count - 1
        if stack[last].isMapping {
            guard let key = stack[last].key else { gaveUp = true; return }
            stack[last].entries.append(YAMLEntry(key: key.text, keyPosition: key.position, value: value))
            stack[last].key = nil
        } else {
            stack[last].items.append(value)
        }
    }

    private func position(_ mark: yaml_mark_t) -> SourcePosition {
        SourcePosition(line: Int(mark.line) + firstLine, column: Int(mark.column) + 1)
    }
}
