import Foundation
import FrontDoorKit
import Testing
@testable import FrontDoorPreview

@Suite("Preview: live reload")
struct LiveReloadTests {
    @Test func theScriptGoesBeforeTheLastClosingBodyTag() {
        let html = "<html><body><p>&lt;/body&gt; in text</p></body></html>"
        #expect(LiveReloadScript.inject(into: html, generation: 3)
                == "<html><body><p>&lt;/body&gt; in text</p><script src=\"/__frontdoor/live.js?generation=3\" defer></script></body></html>")
        #expect(LiveReloadScript.inject(into: "<p>no body</p>", generation: 1).hasSuffix("generation=1\" defer></script>"))
    }

    @Test func aStateIsOneServerSentEventWithSingleLineJSON() throws {
        let diagnostic = Diagnostic(path: "content/companies/x.md", at: SourcePosition(line: 4, column: 3), .error, .unknownArea,
                                    "unknown area `a\nb` </script>")
        let event = PreviewState(generation: 2, ok: false, diagnostics: [diagnostic]).serverSentEvent
        let lines = event.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[0] == "event: state" && lines[2].isEmpty && lines[3].isEmpty)
        let json = try JSONSerialization.jsonObject(with: Data(lines[1].dropFirst("data: ".count).utf8)) as? [String: Any]
        #expect(json?["generation"] as? Int == 2)
        #expect(json?["ok"] as? Bool == false)
        let first = (json?["diagnostics"] as? [[String: Any]])?.first
        #expect(first?["line"] as? Int == 4)
        #expect(first?["message"] as? String == "unknown area `a\nb` </script>")
    }

    @Test func subscribersGetTheCurrentStateThenEachNewOne() async {
        let broadcaster = ReloadBroadcaster()
        await broadcaster.publish(PreviewState(generation: 1, ok: true, diagnostics: []))
        let stream = await broadcaster.subscribe()
        await broadcaster.publish(PreviewState(generation: 1, ok: false, diagnostics: []))
        await broadcaster.close()
        var messages: [String] = []
        for await message in stream { messages.append(message) }
        #expect(messages.count == 3)
        #expect(messages[0].hasPrefix("retry: "))
        #expect(messages[1].contains("\"generation\":1,\"ok\":true"))
        #expect(messages[2].contains("\"ok\":false"))
        // After close, a new tab's stream ends at once, so shutdown never waits on tabs.
        var late = 0
        for await _ in await broadcaster.subscribe() { late += 1 }
        #expect(late == 0)
    }
}
