//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

// FrontDoor's patch (see Vendor/README.md): lookups through plain values.
//
// `getChild`'s general path casts every object it passes to `MustacheCustomRepresentation`,
// `MustacheParent` and `MustacheTransformable`, and splits the name into an array, on every
// lookup. For contexts made of `[String: Any]` dictionaries holding strings, booleans,
// integers and lists those casts find nothing the concrete types do not already say, and
// they were most of the rendering time. The functions here handle exactly those values, by
// their concrete types, and answer `nil` ("not handled") for anything else, which then
// takes the general path from the start; so whatever they answer is what the general path
// would have.

/// A lookup's answer, which may be that the name is not there (`value == nil`).
struct PlainLookup {
    let value: Any?
}

/// The value types the fast paths handle.
enum PlainType {
    static let string = ObjectIdentifier(String.self)
    static let bool = ObjectIdentifier(Bool.self)
    static let int = ObjectIdentifier(Int.self)
    static let dictionary = ObjectIdentifier([String: Any].self)
    static let dictionaryList = ObjectIdentifier([[String: Any]].self)
    static let stringList = ObjectIdentifier([String].self)

    static func of(_ value: Any) -> ObjectIdentifier {
        ObjectIdentifier(type(of: value))
    }

    static func isPlain(_ value: Any) -> Bool {
        switch of(value) {
        case string, bool, int, dictionary, dictionaryList, stringList: true
        default: false
        }
    }

    /// Values in which the general path's mirror finds no child of any name: strings,
    /// booleans and integers have no children, arrays' children have no labels.
    static func hasNoNamedChildren(_ value: Any) -> Bool {
        switch of(value) {
        case string, bool, int, dictionaryList, stringList: true
        default: false
        }
    }
}

extension MustacheTemplate {
    /// `getChild` for plain values; `nil` when the general path must answer.
    func plainChild(named name: String, transforms: [String], context: MustacheContext) -> PlainLookup? {
        let found: PlainLookup?
        if name == "." {
            found = context.stack.last.map { PlainLookup(value: $0) }
        } else if name.isEmpty {
            // `{{#first()}}`, `{{^last()}}`: the position in the sequence being rendered.
            guard !transforms.isEmpty else { return nil }
            guard let sequenceContext = context.sequenceContext else { return PlainLookup(value: nil) }
            guard let first = sequenceContext.transform(transforms[transforms.count - 1]) else {
                return PlainLookup(value: nil)
            }
            return self.plainTransformed(first, by: transforms.dropLast())
        } else {
            found = self.plainChildInStack(named: name, context: context)
        }
        guard let found else { return nil }
        guard let value = found.value else { return found }
        guard PlainType.isPlain(value) else { return nil }
        return self.plainTransformed(value, by: transforms[...])
    }

    /// A name, dotted or not, looked up from the top of the stack down through dictionaries.
    private func plainChildInStack(named name: String, context: MustacheContext) -> PlainLookup? {
        let utf8 = name.utf8
        let dot = UInt8(ascii: ".")
        // ".name" (no climbing the stack) is left to the general path.
        guard utf8.first != dot else { return nil }
        let firstDot = utf8.firstIndex(of: dot)
        // Split by bytes where the general path splits by characters: the same, since the
        // parser takes only ASCII letters, digits and `.-_?*()` into a name.
        let head = firstDot.map { String(name[..<$0]) } ?? name
        var found: Any?
        for object in context.stack.reversed() {
            if PlainType.of(object) == PlainType.dictionary {
                if let child = (object as! [String: Any])[head] {
                    found = child
                    break
                }
            } else if !PlainType.hasNoNamedChildren(object) {
                return nil
            }
        }
        guard var child = found else { return PlainLookup(value: nil) }
        guard var start = firstDot else { return PlainLookup(value: child) }
        while start < utf8.endIndex {
            start = utf8.index(after: start)
            let end = utf8[start...].firstIndex(of: dot) ?? utf8.endIndex
            // "a..b" and "a." lose their empty names in the general path's split.
            guard start < end else { return nil }
            if PlainType.of(child) == PlainType.dictionary {
                guard let next = (child as! [String: Any])[String(name[start..<end])] else {
                    return PlainLookup(value: nil)
                }
                child = next
            } else if PlainType.hasNoNamedChildren(child) {
                return PlainLookup(value: nil)
            } else {
                return nil
            }
            start = end
        }
        return PlainLookup(value: child)
    }

    /// Transforms applied last to first, as the general path does.
    private func plainTransformed(_ value: Any, by transforms: ArraySlice<String>) -> PlainLookup? {
        var value = value
        for transform in transforms.reversed() {
            let result: Any?
            switch PlainType.of(value) {
            case PlainType.string: result = (value as! String).transform(transform)
            case PlainType.int: result = (value as! Int).transform(transform)
            case PlainType.dictionary: result = (value as! [String: Any]).transform(transform)
            case PlainType.dictionaryList: result = (value as! [[String: Any]]).transform(transform)
            case PlainType.stringList: result = (value as! [String]).transform(transform)
            default: return nil
            }
            guard let result else { return PlainLookup(value: nil) }
            value = result
        }
        return PlainLookup(value: value)
    }
}
