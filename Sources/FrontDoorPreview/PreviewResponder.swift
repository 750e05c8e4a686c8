import Foundation
import Hummingbird

/// Answers the preview's requests: the built site's files (with the live-reload script added to
/// pages), the event stream, and the script itself. Only GET and HEAD, no request bodies.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let files: SiteFileResolver
    let broadcaster: ReloadBroadcaster
    let builder: PreviewBuilder

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return plain(.methodNotAllowed, "Only GET and HEAD are served.\n", extra: [.allow: "GET, HEAD"])
        }
        // A preview has nothing to receive; refuse bodies rather than read them.
        if let length = request.headers[.contentLength], length != "0" {
            return plain(.contentTooLarge, "Requests with a body are not accepted.\n")
        }
        if request.headers[.transferEncoding] != nil {
            return plain(.contentTooLarge, "Requests with a body are not accepted.\n")
        }
        let path = request.uri.path
        guard path.utf8.count <= SiteFileResolver.maximumPathLength else {
            return plain(.uriTooLong, "The path is too long.\n")
        }
        switch path {
        case LiveReloadScript.eventsPath:
            return events()
        case LiveReloadScript.path:
            return body(Data(LiveReloadScript.source.utf8), type: "text/javascript; charset=utf-8", request: request)
        default:
            break
        }
        let generation = await builder.generation
        guard generation > 0 else {
            return page(.serviceUnavailable, waitingPage, generation: 0, request: request)
        }
        switch files.resolve(path) {
        case .file(let file):
            guard let data = FileManager.default.contents(atPath: file) else { return plain(.notFound, "Not found.\n") }
            if file.hasSuffix(".html") {
                return page(.ok, String(decoding: data, as: UTF8.self), generation: generation, request: request)
            }
            return body(data, type: MediaType.forPath(file), request: request)
        case .redirect(let location):
            var response = plain(.movedPermanently, "Moved to \(location)\n")
            response.headers[.location] = location
            return response
        case .notFound:
            if case .file(let notFound) = files.resolve("/404.html"), let data = FileManager.default.contents(atPath: notFound) {
                return page(.notFound, String(decoding: data, as: UTF8.self), generation: generation, request: request)
            }
            return plain(.notFound, "Not found.\n")
        case .forbidden:
            return plain(.forbidden, "Forbidden.\n")
        }
    }

    private func events() -> Response {
        let broadcaster = self.broadcaster
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            let stream = await broadcaster.subscribe()
            for await message in stream {
                try await writer.write(ByteBuffer(string: message))
            }
            try await writer.finish(nil)
        })
    }

    private func page(_ status: HTTPResponse.Status, _ html: String, generation: Int, request: Request) -> Response {
        var response = body(Data(LiveReloadScript.inject(into: html, generation: generation).utf8), type: "text/html; charset=utf-8", request: request)
        response.status = status
        return response
    }

    private func body(_ data: Data, type: String, request: Request) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.contentLength] = String(data.count)
        let buffer = request.method == .head ? ByteBuffer() : ByteBuffer(bytes: data)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }

    private func plain(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private var waitingPage: String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Building the preview</title></head>
        <body><h1>Building the preview…</h1><p>This page reloads by itself when the site is ready.</p></body></html>
        """
    }
}
