import Foundation

/// A JSON value for the open-data exports, written with sorted keys and no spaces, so the
/// same directory always gives the same bytes. Faster than `JSONSerialization` for the
/// tens of thousands of small files a large directory exports (`OpenDataWriter`).
indirect enum OpenDataJSON: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([OpenDataJSON])
    /// Members sorted by key (bytewise, as Python's `sort_keys`): made by `object` and
    /// `adding`, which sort them. A key given twice is a bug.
    case members([Member])
    /// A value already written (`encoded()`), copied as it is: a part shared by many
    /// files is written once.
    case encoded([UInt8])

    struct Member: Sendable, Equatable {
        var key: String
        var value: OpenDataJSON
    }

    /// An object from key-value pairs; pairs whose value is nil are left out, so optional
    /// fields are absent rather than null.
    static func object(_ pairs: KeyValuePairs<String, OpenDataJSON?>) -> OpenDataJSON {
        .members(sorted(pairs.compactMap { pair in pair.value.map { Member(key: pair.key, value: $0) } }))
    }

    /// Sorted by key; members written in key order (as the sources here write them) are only checked.
    private static func sorted(_ members: [Member]) -> [Member] {
        func precedes(_ a: Member, _ b: Member) -> Bool { a.key.utf8.lexicographicallyPrecedes(b.key.utf8) }
        var inOrder = true
        for index in members.indices.dropFirst() where !precedes(members[index - 1], members[index]) {
            inOrder = false
            break
        }
        return inOrder ? members : members.sorted(by: precedes)
    }

    /// A string, or nil (left out of an object) when the text is absent.
    static func text(_ value: String?) -> OpenDataJSON? { value.map(OpenDataJSON.string) }

    static func strings(_ values: [String]) -> OpenDataJSON { .array(values.map(OpenDataJSON.string)) }

    /// The object with more members (the keys must be new).
    func adding(_ pairs: KeyValuePairs<String, OpenDataJSON?>) -> OpenDataJSON {
        guard case .members(let members) = self, case .members(let more) = OpenDataJSON.object(pairs) else { return self }
        var merged: [Member] = []
        merged.reserveCapacity(members.count + more.count)
        var (left, right) = (0, 0)
        while left < members.count || right < more.count {
            if right == more.count || (left < members.count && members[left].key.utf8.lexicographicallyPrecedes(more[right].key.utf8)) {
                merged.append(members[left]); left += 1
            } else {
                merged.append(more[right]); right += 1
            }
        }
        return .members(merged)
    }

    var data: Data {
        // Sized up front: a list of 100,000 organisations grown by doubling would hold up to
        // twice its bytes.
        var json = OpenDataWriter(capacity: sizeEstimate)
        write(into: &json)
        return json.data()
    }

    /// The value written once, to be reused as it is; kept at its exact size, since a large
    /// export holds hundreds of thousands of these until its lists are written.
    func encoded() -> OpenDataJSON {
        if case .encoded = self { return self }
        var json = OpenDataWriter(capacity: sizeEstimate)
        write(into: &json)
        return .encoded(Array(json.bytes[...]))  // copied to its exact size
    }

    /// About the number of bytes `write` makes (exact for encoded parts and plain text).
    var sizeEstimate: Int {
        switch self {
        case .string(let text): text.utf8.count + 2
        case .int: 20
        case .bool, .null: 5
        case .encoded(let bytes): bytes.count
        case .array(let items): items.reduce(2) { $0 + $1.sizeEstimate + 1 }
        case .members(let members): members.reduce(2) { $0 + $1.key.utf8.count + 4 + $1.value.sizeEstimate }
        }
    }

    func write(into json: inout OpenDataWriter) {
        switch self {
        case .string(let text): json.string(text)
        case .int(let number): json.int(number)
        case .bool(let flag): json.raw(flag ? "true" : "false")
        case .null: json.raw("null")
        case .encoded(let bytes): json.append(bytes)
        case .array(let items):
            json.byte(UInt8(ascii: "["))
            for index in items.indices {
                if index > 0 { json.byte(UInt8(ascii: ",")) }
                items[index].write(into: &json)
            }
            json.byte(UInt8(ascii: "]"))
        case .members(let members):
            json.byte(UInt8(ascii: "{"))
            for index in members.indices {
                if index > 0 { json.byte(UInt8(ascii: ",")) }
                json.string(members[index].key)
                json.byte(UInt8(ascii: ":"))
                members[index].value.write(into: &json)
            }
            json.byte(UInt8(ascii: "}"))
        }
    }
}
