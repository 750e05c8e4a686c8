//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

// FrontDoor's patch (see Vendor/README.md): the fast paths for plain values must answer what
// the library's general lookup answers. Each case renders a template twice: with the context
// as `[String: Any]` dictionaries (the fast paths) and with every dictionary wrapped in a
// `MustacheParent` that is not a dictionary (the general path, as before the patch), and
// expects both to give the stated text.

import Foundation
import Mustache
import XCTest

/// A dictionary the fast paths do not recognise, so lookups through it take the general path.
private struct GeneralParent: MustacheParent {
    let values: [String: Any]
    func child(named name: String) -> Any? { self.values[name] }
}

/// The same context with every dictionary hidden behind `GeneralParent` (lists stay lists).
private func general(_ value: Any) -> Any {
    switch value {
    case let dictionary as [String: Any]: GeneralParent(values: dictionary.mapValues(general))
    case let list as [[String: Any]]: list.map { general($0) }
    default: value
    }
}

private struct Mirrored {
    let name = "mirrored"
}

final class PlainLookupTests: XCTestCase {
    private func expect(
        _ template: String,
        _ context: [String: Any],
        _ expected: String,
        file: StaticString = #filePath,
        line: UInt = #line
    ) throws {
        let parsed = try MustacheTemplate(string: template)
        XCTAssertEqual(parsed.render(context), expected, "fast path", file: file, line: line)
        XCTAssertEqual(parsed.render(general(context)), expected, "general path", file: file, line: line)
    }

    func testNamesAndEscaping() throws {
        try self.expect("{{a}}|{{{a}}}|{{&a}}", ["a": "<b & 'c'>"], "&lt;b &amp; &#39;c&#39;&gt;|<b & 'c'>|<b & 'c'>")
        try self.expect("[{{missing}}]", ["a": "x"], "[]")
        try self.expect("{{n}} {{yes}}", ["n": 42, "yes": true], "42 true")
    }

    func testNamesAreFoundBelowStringsBooleansAndLists() throws {
        // Inside `{{#s}}` the string is on top of the stack and has no children.
        try self.expect("{{#s}}{{a}}{{/s}}", ["s": "text", "a": "A"], "A")
        try self.expect("{{#list}}{{.}}{{a}},{{/list}}", ["list": ["x", "y"], "a": "A"], "xA,yA,")
        try self.expect("{{^list}}{{a}}{{/list}}", ["list": [[String: Any]](), "a": "A"], "A")
        try self.expect("{{#rows}}{{name}}{{a}};{{/rows}}", ["rows": [["name": "r1"], ["a": "own"]] as [[String: Any]], "a": "A"], "r1A;own;")
    }

    func testDottedNames() throws {
        let context: [String: Any] = ["a": ["b": ["c": "deep"], "s": "text"] as [String: Any], "s": "top"]
        try self.expect("{{a.b.c}}", context, "deep")
        try self.expect("[{{a.s.x}}][{{a.missing}}][{{missing.b}}]", context, "[][][]")
        // The first `a` found up the stack ends the climb: `a.s` is looked up in it only.
        let nested: [String: Any] = ["a": ["s": "outer"] as [String: Any], "inner": ["a": ["t": "1"] as [String: Any]] as [String: Any]]
        try self.expect("{{#inner}}[{{a.s}}]{{/inner}}{{a.s}}", nested, "[]outer")
        // The general path splits without empty names, so "a." is "a" and "a..b" is "a.b".
        try self.expect("{{#a.}}{{s}}{{/a.}}|{{a..s}}", ["a": ["s": "x"] as [String: Any]], "x|x")
        try self.expect("{{#a}}{{.s}}{{/a}}", ["a": ["s": "own"] as [String: Any]], "own")
    }

    func testSections() throws {
        let context: [String: Any] = [
            "yes": true, "no": false, "map": ["k": "v"] as [String: Any], "s": "text",
            "strings": ["a", "b"], "none": [String](), "rows": [[String: Any]](),
        ]
        try self.expect("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}n{{/no}}{{^yes}}y{{/yes}}", context, "Yn")
        try self.expect("{{#map}}{{k}}{{/map}}{{^map}}empty{{/map}}", context, "v")
        try self.expect("{{#s}}[{{.}}]{{/s}}{{^s}}no{{/s}}", context, "[text]")
        try self.expect("{{#strings}}{{.}}{{/strings}}{{^none}}none{{/none}}{{^rows}}rows{{/rows}}", context, "abnonerows")
        try self.expect("{{#none}}x{{/none}}{{#rows}}x{{/rows}}{{^strings}}x{{/strings}}", context, "")
    }

    func testTransforms() throws {
        let context: [String: Any] = [
            "names": ["ann", "bob"], "none": [String](), "s": "MiXed", "n": 1,
            "rows": [["t": "r1"], ["t": "r2"], ["t": "r3"]] as [[String: Any]], "map": ["k": "v"] as [String: Any],
        ]
        try self.expect("{{count(names)}} {{uppercased(first(names))}} {{lowercased(s)}} {{plusone(n)}}", context, "2 ANN mixed 2")
        try self.expect("{{#empty(none)}}empty{{/empty(none)}}{{^empty(names)}}some{{/empty(names)}}", context, "emptysome")
        try self.expect("{{#empty(s)}}x{{/empty(s)}}{{#last(rows)}}{{t}}{{/last(rows)}}", context, "r3")
        try self.expect("{{#rows}}{{index()}}{{t}}{{^last()}}, {{/last()}}{{#first()}}!{{/first()}}{{/rows}}", context, "0r1, !1r2, 2r3")
        try self.expect("{{#rows}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}}{{plusone(index())}}{{/rows}}", context, "e1o2e3")
        // A dictionary's transforms (a `MustacheParent` has none, so no general-path twin).
        XCTAssertEqual(try MustacheTemplate(string: "{{count(map)}}{{^empty(map)}}!{{/empty(map)}}").render(context), "1!")
        // Transforms a type does not have give nothing.
        try self.expect("[{{plusone(s)}}][{{uppercased(names)}}][{{first()}}]", context, "[][][]")
        try self.expect("{{^plusone(s)}}none{{/plusone(s)}}{{#uppercased(names)}}some{{/uppercased(names)}}", context, "none")
    }

    func testOtherValuesStillTakeTheGeneralPath() throws {
        let lambda = MustacheLambda { "<\($0)>" }
        let context: [String: Any] = [
            "double": 2.5, "null": NSNull(), "none": String?.none as Any, "some": String?.some("x") as Any,
            "mirrored": Mirrored(), "lambda": lambda, "parent": GeneralParent(values: ["k": "pv"]),
        ]
        try self.expect("{{double}}|{{null}}|{{#null}}x{{/null}}|{{^null}}nil{{/null}}", context, "2.5|||nil")
        try self.expect("{{some}}|{{mirrored.name}}|{{parent.k}}|{{#lambda}}in{{/lambda}}", context, "x|mirrored|pv|<in>")
    }
}
