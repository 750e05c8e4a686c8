import Foundation
import FrontDoorKit

/// What the open browser tabs are told after each build.
public struct PreviewState: Sendable, Equatable {
    /// Counts successful builds; a tab reloads when it goes up.
    public var generation: Int
    /// False while the content has errors (the last good site is still served).
    public var ok: Bool
    public var diagnostics: [Diagnostic]

    public init(generation: Int, ok: Bool, diagnostics: [Diagnostic]) {
        self.generation = generation
        self.ok = ok
        self.diagnostics = diagnostics
    }

    /// One server-sent event (`event: state`), its data a single line of JSON.
    var serverSentEvent: String {
        struct Payload: Encodable {
            var generation: Int
            var ok: Bool
            var diagnostics: [Diagnostic]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Payload(generation: generation, ok: ok, diagnostics: diagnostics))) ?? Data("{}".utf8)
        // JSONEncoder escapes line breaks inside strings, so the data is one line, as SSE requires.
        return "event: state\ndata: " + String(decoding: data, as: UTF8.self) + "\n\n"
    }
}
