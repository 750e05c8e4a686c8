// `swift run -c release MatchBenchmark`: FrontDoor's MatchEngine against a brute-force matcher
// on synthetic directories of 1,000 companies × 300 partners and 10,000 × 3,000.
//
// Options: --runs N (timed runs of each matcher per size, default 5; the median is reported),
// --budget SECONDS (default 100: a size stops after 3 runs when the next round would end
// later than that after the start), --sizes small,large (default both), --seed S (default 42), --out FILE (default
// Benchmarks/results/match.md), --no-write (print only).

import Foundation
import FrontDoorKit

typealias Suggestion = MatchEngine.Suggestion
typealias ByPartner = [String: [(company: String, score: Double, reasons: [String])]]

// MARK: - options

var runs = 5
var sizeNames = ["small", "large"]
var seed: UInt64 = 42
var budget = 100.0
var outPath: String? = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("results/match.md").path
do {
    var args = CommandLine.arguments.dropFirst()
    while let arg = args.popFirst() {
        switch arg {
        case "--runs": runs = max(1, Int(args.popFirst() ?? "") ?? runs)
        case "--sizes": sizeNames = (args.popFirst() ?? "").split(separator: ",").map(String.init)
        case "--budget": budget = Double(args.popFirst() ?? "") ?? budget
        case "--seed": seed = UInt64(args.popFirst() ?? "") ?? seed
        case "--out": outPath = args.popFirst()
        case "--no-write": outPath = nil
        default:
            FileHandle.standardError.write(Data("unknown option \(arg)\n".utf8))
            exit(2)
        }
    }
}
let sizes: [(name: String, companies: Int, partners: Int)] = [("small", 1_000, 300), ("large", 10_000, 3_000)]
    .filter { sizeNames.contains($0.0) }

// MARK: - measuring

/// A field of /proc/self/status in KiB (VmRSS, VmHWM), nil where there is no procfs.
func procStatus(_ key: String) -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
        return Int(line.dropFirst(key.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
    }
    return nil
}

/// Resets VmHWM to the current RSS (Linux 4.0+), so a peak can be measured per phase.
func resetPeak() -> Bool {
    guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
    defer { try? handle.close() }
    return (try? handle.write(contentsOf: Data("5".utf8))) != nil
}

/// Peak RSS in KiB: VmHWM, or getrusage's ru_maxrss (which cannot be reset) where there is no procfs.
func peakRSS() -> Int {
    if let hwm = procStatus("VmHWM") { return hwm }
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Int(usage.ru_maxrss)
}

let clock = ContinuousClock()

#if os(Linux)
/// glibc's malloc_trim (malloc.h, which the Glibc module does not export).
@_silgen_name("malloc_trim") func mallocTrim(_ pad: Int) -> Int32
#endif

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func ms(_ seconds: Double) -> String {
    seconds >= 10 ? String(format: "%.1f s", seconds) : seconds >= 1 ? String(format: "%.2f s", seconds) : String(format: "%.0f ms", seconds * 1000)
}

func mib(_ kib: Int) -> String { String(format: "%.0f MiB", Double(kib) / 1024) }

func grouped(_ n: Int) -> String {
    let digits = String(n)
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
        out.append(c)
    }
    return out
}

// MARK: - one size

struct Agreement {
    var lists = 0, listsTotal = 0, partners = 0, partnersTotal = 0
    var first: String?
    var all: Bool { lists == listsTotal && partners == partnersTotal }
}

/// Every company's top 10 (partner, type, score, reasons) and every partner's top 5.
func agreement(engine: (all: [(company: String, suggestions: [Suggestion])], byPartner: ByPartner),
               peer: BruteForceMatcher.Output) -> Agreement {
    var result = Agreement(listsTotal: engine.all.count)
    for (e, b) in zip(engine.all, peer.all) {
        if e.company == b.company && e.suggestions == b.suggestions {
            result.lists += 1
        } else if result.first == nil {
            result.first = "\(e.company): engine \(e.suggestions.map { "\($0.partner) \($0.score)" }) vs peer \(b.company) \(b.suggestions.map { "\($0.partner) \($0.score)" })"
        }
    }
    if engine.all.count != peer.all.count { result.lists = 0 }
    let keys = Set(engine.byPartner.keys).union(peer.byPartner.keys)
    result.partnersTotal = keys.count
    for key in keys {
        let e = engine.byPartner[key] ?? [], b = peer.byPartner[key] ?? []
        if e.count == b.count && zip(e, b).allSatisfy({ $0.company == $1.company && $0.score == $1.score && $0.reasons == $1.reasons }) {
            result.partners += 1
        } else if result.first == nil {
            result.first = "partner \(key): engine \(e.map(\.company)) vs peer \(b.map(\.company))"
        }
    }
    return result
}

struct Timings {
    var seconds: [Double] = []
    var peak = 0, peakAbove = 0

    /// Runs `body`, timing it and measuring the peak RSS while it runs.
    mutating func measure<T>(_ body: () -> T) -> T {
        #if os(Linux)
        _ = mallocTrim(0)  // hand freed pages back, so the RSS before is the live set
        #endif
        let before = procStatus("VmRSS") ?? 0
        let canReset = resetPeak()
        let t0 = clock.now
        let value = body()
        seconds.append((clock.now - t0).seconds)
        let high = peakRSS()
        peak = max(peak, high)
        if canReset { peakAbove = max(peakAbove, high - before) }
        return value
    }
}

struct SizeResult {
    var name: String
    var companies: Int, partners: Int, partnerships: Int
    var partnersPerArea: [Int]
    var synthSeconds = 0.0, directorySeconds = 0.0, baselineRSS = 0
    var engine = Timings(), brute = Timings(), bitmask = Timings()
    var engineInit: [Double] = [], engineAll: [Double] = [], engineByPartner: [Double] = []
    var compared = 0, scored = 0, maxScored = 0
    var bruteAgreement = Agreement(), bitmaskAgreement = Agreement()
    var existingSeconds = 0.0
    var processPeak = 0
    var runs: Int { engine.seconds.count }
}

/// Runs every matcher `runs` times, interleaved; stops early (after at least 3 runs) when the next
/// round would end after `deadline`.
@MainActor func measure(_ size: (name: String, companies: Int, partners: Int), deadline: ContinuousClock.Instant) -> SizeResult {
    var start = clock.now
    let corpus = Corpus.make(companies: size.companies, partners: size.partners, seed: seed)
    let synth = (clock.now - start).seconds
    start = clock.now
    let directory = Directory(profiles: corpus.profiles, config: corpus.config)
    var result = SizeResult(
        name: size.name, companies: directory.profiles(of: .company).count,
        partners: MatchEngine.partnerTypes.reduce(0) { $0 + directory.profiles(of: $1).count },
        partnerships: directory.profiles(of: .partnership).count, partnersPerArea: corpus.stats.partnersPerArea)
    result.directorySeconds = (clock.now - start).seconds
    result.synthSeconds = synth
    result.baselineRSS = procStatus("VmRSS") ?? 0
    print("\(size.name): \(grouped(result.companies)) companies, \(grouped(result.partners)) partners, \(result.partnerships) partnerships; synthesis \(ms(synth)), Directory \(ms(result.directorySeconds))")

    var engineOutput: (all: [(company: String, suggestions: [Suggestion])], byPartner: ByPartner)?
    var bruteOutput: BruteForceMatcher.Output?
    var bitmaskOutput: BruteForceMatcher.Output?
    // Interleaved, so drift (other builds on the machine) hits all alike.
    for run in 0..<runs {
        let roundStart = clock.now
        let output = result.engine.measure { () -> (all: [(company: String, suggestions: [Suggestion])], byPartner: ByPartner) in
            let t0 = clock.now
            let engine = MatchEngine(directory: directory)
            let t1 = clock.now
            let all = engine.allSuggestions(limit: 10)
            let t2 = clock.now
            let byPartner = MatchEngine.companiesByPartner(all, limit: 5)
            result.engineInit.append((t1 - t0).seconds)
            result.engineAll.append((t2 - t1).seconds)
            result.engineByPartner.append((clock.now - t2).seconds)
            return (all, byPartner)
        }
        let brute = result.brute.measure { BruteForceMatcher(directory: directory).run(limit: 10, perPartner: 5) }
        let bitmask = result.bitmask.measure { BitmaskMatcher(directory: directory).run(limit: 10, perPartner: 5) }
        if run == 0 { (engineOutput, bruteOutput, bitmaskOutput) = (output, brute, bitmask) }
        print("  run \(run + 1)/\(runs): engine \(ms(result.engine.seconds.last!)), brute force \(ms(result.brute.seconds.last!)), bitmask brute force \(ms(result.bitmask.seconds.last!))")
        if run + 1 >= 3 && run + 1 < runs && clock.now + (clock.now - roundStart) > deadline {
            print("  stopping after \(run + 1) runs: another would pass the time budget (--budget)")
            break
        }
    }

    result.bruteAgreement = agreement(engine: engineOutput!, peer: bruteOutput!)
    result.bitmaskAgreement = agreement(engine: engineOutput!, peer: bitmaskOutput!)
    result.compared = bruteOutput!.compared
    result.scored = bruteOutput!.scored
    result.maxScored = bruteOutput!.maxScored

    // Diagnostic: the engine's existingPartners(of:) for every company (it sorts by folded title).
    let engine = MatchEngine(directory: directory)
    var existingTimes: [Double] = []
    for _ in 0..<3 {
        let t0 = clock.now
        var n = 0
        for company in directory.profiles(of: .company) { n += engine.existingPartners(of: company.slug).count }
        existingTimes.append((clock.now - t0).seconds)
        precondition(n >= 0)
    }
    result.existingSeconds = median(existingTimes)
    result.processPeak = max(result.engine.peak, result.brute.peak, result.bitmask.peak, peakRSS())

    for (name, a) in [("brute force", result.bruteAgreement), ("bitmask brute force", result.bitmaskAgreement)] {
        print("  engine = \(name): \(a.lists)/\(a.listsTotal) top-10 lists, \(a.partners)/\(a.partnersTotal) partner lists")
        if let d = a.first { print("    first disagreement: \(d)") }
    }
    return result
}

// MARK: - run and report

let started = clock.now
let deadline = started + .seconds(budget)
var results: [SizeResult] = []
for size in sizes { results.append(measure(size, deadline: deadline)) }
let totalSeconds = (clock.now - started).seconds

@MainActor func row(_ label: String, _ cell: (SizeResult) -> String) -> String {
    "| \(label) | " + results.map(cell).joined(separator: " | ") + " |"
}
func range(_ values: [Double]) -> String { "\(ms(median(values))) (\(ms(values.min()!))-\(ms(values.max()!)))" }

var lines: [String] = []
lines.append("| | " + results.map { "\(grouped($0.companies)) companies × \(grouped($0.partners)) partners" }.joined(separator: " | ") + " |")
lines.append("|---|" + results.map { _ in "---:|" }.joined())
lines.append(row("**MatchEngine**: init + `allSuggestions(limit: 10)` + `companiesByPartner(limit: 5)`, median (min-max)") { "**\(range($0.engine.seconds))**" })
lines.append(row("  of which init / allSuggestions / companiesByPartner (medians)") {
    "\(ms(median($0.engineInit))) / \(ms(median($0.engineAll))) / \(ms(median($0.engineByPartner)))"
})
lines.append(row("**brute force**: every company × every partner, same formula, median (min-max)") { "**\(range($0.brute.seconds))**" })
lines.append(row("**ratio brute force / engine** (medians)") { String(format: "**%.2fx**", median($0.brute.seconds) / median($0.engine.seconds)) })
lines.append(row("bitmask brute force: the same pairs with areas and capabilities as bits, median (min-max)") { range($0.bitmask.seconds) })
lines.append(row("ratio bitmask brute force / engine (medians)") { String(format: "%.2fx", median($0.bitmask.seconds) / median($0.engine.seconds)) })
lines.append(row("timed runs of each (interleaved)") { "\($0.runs)" })
lines.append(row("pairs per company: engine scores (mean / max) / brute force compares") {
    String(format: "%.0f / %@ / %@", Double($0.scored) / Double($0.companies), grouped($0.maxScored), grouped($0.compared / max($0.companies, 1)))
})
lines.append(row("pairs scored in all by the engine / compared by brute force") { "\(grouped($0.scored)) / \(grouped($0.compared))" })
lines.append(row("engine = brute force: top-10 lists (partner, type, score, reasons); `companiesByPartner` lists") {
    "\(grouped($0.bruteAgreement.lists))/\(grouped($0.bruteAgreement.listsTotal)); \(grouped($0.bruteAgreement.partners))/\(grouped($0.bruteAgreement.partnersTotal))"
})
lines.append(row("engine = bitmask brute force: the same") {
    "\(grouped($0.bitmaskAgreement.lists))/\(grouped($0.bitmaskAgreement.listsTotal)); \(grouped($0.bitmaskAgreement.partners))/\(grouped($0.bitmaskAgreement.partnersTotal))"
})
lines.append(row("peak memory of a run: VmHWM rise over the RSS before it, engine / brute force / bitmask") { "+\(mib($0.engine.peakAbove)) / +\(mib($0.brute.peakAbove)) / +\(mib($0.bitmask.peakAbove))" })
lines.append(row("RSS with the directory in memory, before matching; process VmHWM at the end of the size") { "\(mib($0.baselineRSS)); \(mib($0.processPeak))" })
lines.append(row("`existingPartners(of:)` for every company (part of allSuggestions), median of 3") { ms($0.existingSeconds) })
lines.append(row("synthesis / `Directory(profiles:config:)`") { "\(ms($0.synthSeconds)) / \(ms($0.directorySeconds))" })
lines.append(row("partners per area: most common / median / rarest") {
    "\(grouped($0.partnersPerArea.first ?? 0)) / \(grouped($0.partnersPerArea[$0.partnersPerArea.count / 2])) / \(grouped($0.partnersPerArea.last ?? 0))"
})
let table = lines.joined(separator: "\n")

let allAgree = results.allSatisfy { $0.bruteAgreement.all && $0.bitmaskAgreement.all }
let host = ProcessInfo.processInfo
let dateFormatter = ISO8601DateFormatter()
dateFormatter.formatOptions = [.withFullDate]
let commit: String = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "rev-parse", "--short", "HEAD"]
    process.currentDirectoryURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return "unknown" }
    process.waitUntilExit()
    return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}()

var report = """
# Matching benchmark

`swift run -c release MatchBenchmark` (or `swift build -c release --scratch-path .build-match --product MatchBenchmark && .build-match/release/MatchBenchmark`),
\(dateFormatter.string(from: Date())), commit `\(commit)`, \(host.activeProcessorCount) cores, seed \(seed),
up to \(runs) interleaved runs of each matcher per size (median, min-max; budget \(Int(budget)) s), whole run \(ms(totalSeconds)).

\(table)

Engine and both peers \(allAgree ? "agree on every list" : "**DISAGREE**") at every size.

"""
for r in results {
    if let d = r.bruteAgreement.first { report += "First disagreement with brute force (\(r.name)): \(d)\n\n" }
    if let d = r.bitmaskAgreement.first { report += "First disagreement with bitmask brute force (\(r.name)): \(d)\n\n" }
}
report += """
- Directory: synthesised in memory (`Benchmarks/MatchBenchmark/Corpus.swift`, splitmix64): the 40 areas of
  `generate_corpus.py` with their `related` links, 16 capabilities, 13 regions (40% West Midlands);
  institutions 30%, trusts 35%, networks 35% of partners; every organisation has 1-4 areas drawn with a
  Zipf skew (s = 1), partners offer 1-5 and companies seek 0-4 capabilities; 15% of companies list 1-2
  partners, 20% of partners list 1-3 companies, one partnership (2-4 parties) per 50 companies.
- Engine: `MatchEngine(directory:)`, `allSuggestions(limit: 10)`, `MatchEngine.companiesByPartner(_:limit: 5)`.
- Brute force (`BruteForce.swift`): for each company, every partner; the formula's terms in its
  order, only pairs sharing an area are candidates, existing partners skipped; sort, keep 10, write
  reasons for those 10; then the same per-partner inversion. Public API only.
- Bitmask brute force (same file): still every pair, but the 40 areas and 16 capabilities are bits of
  a `UInt64`, the company's related areas one mask, the top 10 kept while scanning (ties by slug
  rank), reasons written for those 10 only.
- Peak RSS: VmHWM from `/proc/self/status`, reset through `/proc/self/clear_refs` before each
  matcher run, after `malloc_trim(0)`; the rise is the largest over the RSS just before a run.

"""
print()
print(report)
if let outPath {
    do {
        try report.write(toFile: outPath, atomically: true, encoding: .utf8)
        print("wrote \(outPath)")
    } catch {
        print("could not write \(outPath): \(error)")
    }
}
if !allAgree { exit(1) }
