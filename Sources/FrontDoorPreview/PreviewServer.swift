import Foundation
import FrontDoorKit
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// `frontdoor serve`: builds the site into a private folder, serves it on loopback, rebuilds
/// when `content/` or `templates/` change, and tells the open tabs to reload.
///
/// Two services run side by side until Ctrl-C: the HTTP server and the preview session
/// (build, watch, rebuild). On shutdown the session ends the tabs' event streams first,
/// so the server is not kept waiting by open tabs.
public struct PreviewServer: Sendable {
    public let options: PreviewOptions
    let onEvent: @Sendable (PreviewEvent) -> Void

    /// Request headers larger than these are refused by the HTTP parser.
    static let decoderLimits = HTTP1Channel.Configuration(
        idleTimeout: .seconds(60),
        httpDecoderConfiguration: .init(maxHeaderFieldSize: 8 * 1024, maxHeaderListSize: 32 * 1024, maxHeaderFieldCount: 100)
    )

    public init(options: PreviewOptions, onEvent: @escaping @Sendable (PreviewEvent) -> Void) {
        self.options = options
        self.onEvent = onEvent
    }

    public func run() async throws {
        let workFolder = FileManager.default.temporaryDirectory
            .appendingPathComponent("frontdoor-preview-\(getpid())-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: workFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: workFolder) }
        let output = workFolder + "/site"

        var logger = Logger(label: "frontdoor.serve")
        logger.logLevel = .critical
        let broadcaster = ReloadBroadcaster()
        let builder = PreviewBuilder(options: options, output: output, broadcaster: broadcaster, onEvent: onEvent)
        let responder = PreviewResponder(files: SiteFileResolver(root: output), broadcaster: broadcaster, builder: builder)
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let requestedPort = options.port

        let app = Application(
            responder: responder,
            server: .http1(configuration: Self.decoderLimits),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? requestedPort)
                portContinuation.finish()
            },
            logger: logger
        )
        let session = PreviewSession(options: options, ports: ports, builder: builder, broadcaster: broadcaster, onEvent: onEvent)
        let group = ServiceGroup(configuration: .init(
            services: [app, session],
            gracefulShutdownSignals: [.sigint, .sigterm],
            logger: logger
        ))
        try await group.run()
        onEvent(.stopped)
    }
}

/// Build once the server is listening (the site's links need its address), then rebuild on
/// every burst of changes until shutdown.
struct PreviewSession: Service {
    let options: PreviewOptions
    let ports: AsyncStream<Int>
    let builder: PreviewBuilder
    let broadcaster: ReloadBroadcaster
    let onEvent: @Sendable (PreviewEvent) -> Void

    func run() async throws {
        var portIterator = ports.makeAsyncIterator()
        guard let port = await portIterator.next() else { return }
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        let baseURL = "http://\(host):\(port)/"
        onEvent(.listening(url: baseURL))

        let watcher = try ContentWatcher(folders: [options.content, options.templates])
        let changes = watcher.changes()
        await builder.build(baseURL: baseURL, changed: [])
        let broadcaster = self.broadcaster
        let heartbeat = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                await broadcaster.heartbeat()
            }
        }
        await withGracefulShutdownHandler {
            for await changed in changes {
                await builder.build(baseURL: baseURL, changed: changed)
            }
        } onGracefulShutdown: {
            watcher.stop()
        }
        heartbeat.cancel()
        await builder.stop()
        await broadcaster.close()
    }
}
