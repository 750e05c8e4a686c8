import Foundation
import FrontDoorKit

/// One line on standard error, redrawn in place ten times a second while a build runs:
/// the step it is on and the time so far. Only on a terminal; CI logs get the summary alone.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var step = "starting"
    private var shown = false
    private var running = true
    private let start = Date()
    private var timer: DispatchSourceTimer?

    /// Nil when standard error is not a terminal.
    static func startIfTerminal() -> ProgressLine? {
        guard isatty(STDERR_FILENO) == 1, ProcessInfo.processInfo.environment["TERM"] != "dumb" else { return nil }
        let line = ProgressLine()
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        // Quick builds finish before the first draw and never show a line.
        timer.schedule(deadline: .now() + .milliseconds(300), repeating: .milliseconds(100))
        timer.setEventHandler { line.draw() }
        line.timer = timer
        timer.resume()
        return line
    }

    var sink: BuildProgress.Sink {
        { [self] progress in lock.withLock { step = progress.step } }
    }

    private func draw() {
        lock.withLock {
            guard running else { return }
            let elapsed = Date().timeIntervalSince(start)
            FileHandle.standardError.write(Data(String(format: "\r\u{1B}[KBuilding: %@ (%.1f s)", step, elapsed).utf8))
            shown = true
        }
    }

    /// Stops drawing and clears the line, before the summary is printed.
    func finish() {
        timer?.cancel()
        lock.withLock {
            running = false
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}
