/// Where a running build is, for a progress line: the step it has just started.
public struct BuildProgress: Sendable, Equatable {
    public typealias Sink = @Sendable (BuildProgress) -> Void

    public var step: String

    public init(step: String) {
        self.step = step
    }
}
