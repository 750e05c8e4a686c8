import Foundation

extension Array where Element: Sendable {
    /// `map` spread over the cores, in contiguous chunks, with the results in the original
    /// order whatever the scheduling: a build's output never depends on which core was first.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        parallelChunks { $0.map(transform) }
    }

    /// The array cut into contiguous chunks, one worker per chunk at a time; `body` maps a
    /// whole chunk, so it can keep state (a cache) across the chunk's items. Results are
    /// joined in the original order. `chunks`: how many (default eight per core); the workers
    /// take the next chunk as they finish one, so smaller chunks even out unequal items.
    func parallelChunks<T: Sendable>(chunks wanted: Int? = nil, _ body: @Sendable (ArraySlice<Element>) -> [T]) -> [T] {
        guard count > 1 else { return body(self[...]) }
        let chunks = Swift.max(1, Swift.min(count, wanted ?? ProcessInfo.processInfo.activeProcessorCount * 8))
        let slots = ResultSlots<[T]>(count: chunks)
        withoutActuallyEscaping(body) { body in
            let body = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = (chunk * count / chunks)..<((chunk + 1) * count / chunks)
                slots.set(chunk, body.value(self[range]))
            }
        }
        return slots.values.flatMap { $0 ?? [] }
    }
}

/// Carries a value the compiler cannot prove Sendable into `concurrentPerform`, which runs
/// and finishes within the call.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
