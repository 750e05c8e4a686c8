import Foundation

/// Hands every build's outcome to every open tab's event stream.
///
/// A new subscriber gets the current state at once, so a tab opened while the content has
/// errors shows them, and a tab that reconnects after a restart learns whether to reload.
public actor ReloadBroadcaster {
    private var state: PreviewState?
    private var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0
    private var closed = false

    public init() {}

    public var current: PreviewState? { state }

    public var subscriberCount: Int { subscribers.count }

    public func publish(_ newState: PreviewState) {
        state = newState
        send(newState.serverSentEvent)
    }

    /// An SSE comment line; writing it is how a stream notices that its tab has gone.
    public func heartbeat() {
        send(": keep-alive\n\n")
    }

    public func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        if closed {
            continuation.finish()
            return stream
        }
        let id = nextID
        nextID += 1
        subscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        // Tell the browser how soon to reconnect if the server restarts.
        continuation.yield("retry: 1000\n\n")
        if let state { continuation.yield(state.serverSentEvent) }
        return stream
    }

    /// Ends every stream, so that the server can shut down without waiting on open tabs.
    public func close() {
        closed = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    private func remove(_ id: Int) {
        subscribers[id] = nil
    }

    private func send(_ message: String) {
        for continuation in subscribers.values { continuation.yield(message) }
    }
}
