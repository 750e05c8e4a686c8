import Foundation

/// One step of a build: its wall time, and the process's peak memory when it ended
/// (`--timings`), so a profile of a large build shows where memory grows as well as time.
public struct StepTiming: Sendable {
    public var step: String
    public var seconds: Double
    /// The peak resident set size so far (Linux `VmHWM`), in bytes; nil where unknown.
    public var peakBytes: Int?
    /// The resident set size when the step ended (Linux `VmRSS`): what the step left held,
    /// where the peak also shows what it held for a while and let go.
    public var residentBytes: Int?
    /// CPU time of all the process's threads during the step: against `seconds` it tells how
    /// much of the step ran in parallel (two cores busy throughout: twice the wall time).
    public var cpuSeconds: Double?

    public init(step: String, seconds: Double, peakBytes: Int? = PeakMemory.current(), residentBytes: Int? = PeakMemory.resident(),
                cpuSeconds: Double? = nil) {
        self.step = step
        self.seconds = seconds
        self.peakBytes = peakBytes
        self.residentBytes = residentBytes
        self.cpuSeconds = cpuSeconds
    }
}

/// Times the steps of a build, for the summary line and `--timings`.
struct StepClock {
    var steps: [StepTiming] = []
    var progress: BuildProgress.Sink?

    init(progress: BuildProgress.Sink? = nil) {
        self.progress = progress
    }

    /// Times `work` as the step `name`. With `adding`, a step that runs in several turns
    /// (a batch at a time) adds each turn to its one entry, which keeps its place in the order.
    mutating func time<T>(_ name: String, adding: Bool = false, _ work: () throws -> T) rethrows -> T {
        let existing = adding ? steps.firstIndex { $0.step == name } : nil
        progress?(BuildProgress(step: name))
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = ProcessorTime.seconds()
        let result = try work()
        let turn = StepTiming(step: name, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9,
                              cpuSeconds: ProcessorTime.seconds() - cpuStart)
        if let existing {
            steps[existing].seconds += turn.seconds
            steps[existing].cpuSeconds = (steps[existing].cpuSeconds ?? 0) + (turn.cpuSeconds ?? 0)
            steps[existing].peakBytes = turn.peakBytes
            steps[existing].residentBytes = turn.residentBytes
        } else {
            steps.append(turn)
        }
        return result
    }
}

/// CPU time used by the whole process so far, user and system, all threads.
enum ProcessorTime {
    static func seconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}

/// The process's high-water mark of resident memory.
public enum PeakMemory {
    public static func current() -> Int? { status("VmHWM:") }

    /// The resident set size now.
    public static func resident() -> Int? { status("VmRSS:") }

    private static func status(_ key: String) -> Int? {
        // /proc is the kernel's view of this process, not content: reading it is not a disk read.
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(key) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count >= 2, let kibibytes = Int(fields[1]) { return kibibytes * 1024 }
        }
        return nil
    }
}
