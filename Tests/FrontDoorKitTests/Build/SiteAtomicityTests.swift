import Foundation
import Testing
@testable import FrontDoorKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output folder is replaced whole or not at all: a failed build, a killed build and
/// an unsafe output path all leave what was there before.
@Suite(.serialized) struct SiteAtomicityTests {
    typealias Support = SiteTestSupport

    // MARK: (a) a build that fails writes nothing

    enum Failure: String, CaseIterable, Sendable {
        case contentError, strictWarning, templateSyntaxError, templateMissing
    }

    @Test(arguments: Failure.allCases)
    func failedBuildLeavesOldSiteUntouched(_ failure: Failure) throws {
        let workspace = try Support.Workspace("atomic-\(failure.rawValue)")
        defer { workspace.remove() }
        let templates = workspace.path("templates")
        try Support.copyTree(URL(fileURLWithPath: Support.templates), into: URL(fileURLWithPath: templates))
        let output = workspace.path("out/site")
        try Support.buildOK(content: try workspace.content("basic", at: "good"), output: output, templates: templates)

        let before = try Support.snapshot(output)
        let folderIdentity = try Self.identity(output)
        let indexIdentity = try Self.identity(output + "/index.html")
        #expect(before.files.count > 10)

        var content = workspace.path("good")
        var strict = false
        switch failure {
        case .contentError:
            content = try workspace.content("basic", overlays: ["broken"], at: "bad")
        case .strictWarning:
            content = try workspace.content("basic", overlays: ["warning"], at: "bad")
            strict = true
        case .templateSyntaxError:
            try workspace.write("templates/pages/home.mustache", "{{<layout}}{{$main}}{{#types}}never closed{{/main}}{{/layout}}\n")
        case .templateMissing:
            try FileManager.default.removeItem(atPath: templates + "/pages/area.mustache")
        }
        // A different page set, so a write would show even if it happened to match.
        try workspace.write((failure == .contentError || failure == .strictWarning ? "bad" : "good") + "/areas/extra-area.md",
                            "---\ntitle: Extra area\nsummary: Only in the failed build.\n---\nExtra.\n")

        let report = try Support.build(content: content, output: output, templates: templates, strict: strict)
        #expect(!report.written)
        #expect(report.failed(strict: strict))
        #expect(report.files == 0)
        if failure == .strictWarning {
            #expect(!report.diagnostics.hasErrors && report.diagnostics.warningCount > 0)
        } else {
            #expect(report.diagnostics.hasErrors)
        }

        let after = try Support.snapshot(output)
        #expect(after == before, "the old site changed: \(after.difference(from: before))")
        #expect(try Self.identity(output) == folderIdentity, "the output folder was replaced")
        #expect(try Self.identity(output + "/index.html") == indexIdentity, "index.html was rewritten")
        #expect(try Support.listing(workspace.path("out")) == ["site"], "something was left beside the site")
    }

    /// A good build over an old site replaces it whole: pages of deleted profiles go, nothing is left beside it.
    @Test func successfulRebuildReplacesTheWholeSite() throws {
        let workspace = try Support.Workspace("atomic-rebuild")
        defer { workspace.remove() }
        let output = workspace.path("out/site")
        let first = try workspace.content("basic", overlays: ["hostile"], at: "first")
        try Support.buildOK(content: first, output: output)
        #expect(FileManager.default.fileExists(atPath: output + "/companies/hostile-corp/index.html"))
        // A stray file the user put in the output is not kept: the folder is the build's.
        try workspace.write("out/site/stray.txt", "stray")

        let second = try workspace.content("basic", at: "second")
        try Support.buildOK(content: second, output: output)
        let reference = workspace.path("reference/site")
        try Support.buildOK(content: second, output: reference)
        let after = try Support.snapshot(output)
        let expected = try Support.snapshot(reference)
        #expect(after == expected, "\(after.difference(from: expected))")
        #expect(try Support.listing(workspace.path("out")) == ["site"])
    }

    /// Inode and modification time: the same value means the file was not replaced or rewritten.
    static func identity(_ path: String) throws -> String {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(inode)@\(modified)"
    }

    // MARK: (b) a killed build

    /// A few thousand valid company profiles on top of the basic tree.
    static func generateLargeTree(_ workspace: Support.Workspace, at relative: String, count: Int) throws -> String {
        let content = try workspace.content("basic", at: relative)
        let stages = ["startup", "sme", "scale-up", "multinational"]
        for index in 0..<count {
            let slug = String(format: "generated-company-%05d", index)
            var text = """
            ---
            title: Generated Company \(index)
            summary: Generated company number \(index), which makes wearable sensors for remote monitoring at home.
            stage: \(stages[index % stages.count])
            areas:
              - \(index % 2 == 0 ? "womens-health" : "mental-health")
            seeks:
              - clinical-trials
            offers:
              - test-bed
            location:
              city: Birmingham
              region: West Midlands
            tags:
              - sensor \(index % 17)
              - wearable

            """
            if index > 0 { text += "partners:\n  - \(String(format: "generated-company-%05d", index - 1))\n" }
            text += "---\n## Product\n\n"
            for paragraph in 0..<6 {
                text += "Paragraph \(paragraph) about product \(index): **remote monitoring**, _evaluation_ and a [trust link](/trusts/example-hospitals/).\n\n"
            }
            text += "| Feature | Status |\n|---|---|\n| Sensor \(index) | live |\n| Export | ~~planned~~ pilot |\n"
            try workspace.write("\(relative)/companies/\(slug).md", text)
        }
        return content
    }

    enum Outcome: String { case old, new }

    @Test(.enabled(if: SiteTestSupport.frontdoorBinary != nil,
                   "the frontdoor binary was not found beside the test bundle; run `swift build` first"),
          .timeLimit(.minutes(15)))
    func killedBuildLeavesOldSiteOrCompleteNewSite() throws {
        let binary = try #require(Support.frontdoorBinary)
        let workspace = try Support.Workspace("killed")
        defer { workspace.remove() }
        let small = try workspace.content("basic", at: "small")
        let large = try Self.generateLargeTree(workspace, at: "large", count: 1500)
        let parent = workspace.path("out")
        let output = parent + "/site"

        try Support.buildOK(content: small, output: output)
        let oldSite = try Support.snapshot(output)

        // An uninterrupted run of the binary gives the new site and the time a build takes.
        let referenceOutput = workspace.path("reference/site")
        let started = Date()
        let (status, stderr) = try Support.runFrontdoor(["build", "--content", large, "--templates", Support.templates, "--output", referenceOutput])
        let fullBuild = Date().timeIntervalSince(started)
        try #require(status == 0, "the large build failed: \(stderr.suffix(2000))")
        let newSite = try Support.snapshot(referenceOutput)
        #expect(newSite.files.count > 1500)
        #expect(newSite != oldSite)

        // Fixed delays, delays spread over the whole build, kills timed from the moment the
        // staging folder appears (so some land in the middle of the write), and one right after
        // the swap, while the old site is still being deleted.
        var attempts: [(label: String, kill: KillPoint)] = [5, 20, 50, 100, 200, 400].map { ("\($0) ms", .after(Double($0) / 1000)) }
        attempts += [0.5, 0.8, 0.95, 1.05].map { ("\(Int($0 * 100))% of \(Int(fullBuild * 1000)) ms", .after($0 * fullBuild)) }
        attempts += [0, 0.01, 0.1, 0.5].map { ("\(Int($0 * 1000)) ms into the write", .afterStaging($0)) }
        attempts.append(("just after the swap", .afterSwap))
        var outcomes: [String] = []
        for attempt in attempts {
            if try Support.snapshot(output) != oldSite {
                try Support.buildOK(content: small, output: output)
                try #require(try Support.snapshot(output) == oldSite)
            }
            let process = Process()
            process.executableURL = binary
            process.arguments = ["build", "--content", large, "--templates", Support.templates, "--output", output]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let launched = Date()
            switch attempt.kill {
            case .after(let seconds):
                Self.sleep(until: launched.addingTimeInterval(seconds))
            case .afterStaging(let seconds):
                while process.isRunning, !((try? Support.listing(parent)) ?? []).contains(where: { $0.hasPrefix(".site.frontdoor-staging") }) {
                    usleep(100)
                }
                Self.sleep(until: Date().addingTimeInterval(seconds))
            case .afterSwap:
                let before = Self.inode(output)
                while process.isRunning, Self.inode(output) == before { usleep(50) }
            }
            let killed = process.isRunning && kill(process.processIdentifier, SIGKILL) == 0
            process.waitUntilExit()
            let finished = process.terminationReason == .exit

            let after = try Support.snapshot(output)
            let outcome: Outcome? = after == oldSite ? .old : after == newSite ? .new : nil
            outcomes.append("\(attempt.label): \(outcome?.rawValue ?? "MIXED")\(killed ? " (killed)" : " (finished)")")
            #expect(outcome != nil, """
                after a kill at \(attempt.label) the output is neither the old nor the new site: \
                vs old: \(after.difference(from: oldSite)); vs new: \(after.difference(from: newSite))
                """)
            if finished {
                #expect(process.terminationStatus == 0)
                #expect(outcome == .new, "the build finished but the output is not the new site")
            }
            // Beside the site there may be a killed build's staging folder, and nothing else.
            let beside = try Support.listing(parent).filter { $0 != "site" }
            #expect(beside.allSatisfy { $0.hasPrefix(".site.frontdoor-") }, "unexpected files beside the site: \(beside)")
        }
        print("SiteAtomicityTests kill outcomes: " + outcomes.joined(separator: "; "))
        #expect(outcomes.contains { $0.contains(": old (killed)") }, "no kill landed before the swap; the test proved little")

        // The next build clears what killed builds left behind.
        try Support.buildOK(content: small, output: output)
        #expect(try Support.listing(parent) == ["site"])
        #expect(try Support.snapshot(output) == oldSite)
    }

    /// The inode of a path (0 if it is missing): it changes when the output folder is swapped.
    static func inode(_ path: String) -> UInt64 {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : 0
    }

    enum KillPoint {
        /// Seconds after launch.
        case after(Double)
        /// Seconds after the staging folder appears beside the output.
        case afterStaging(Double)
        /// As soon as the output folder is a different folder.
        case afterSwap
    }

    static func sleep(until deadline: Date) {
        let seconds = deadline.timeIntervalSinceNow
        if seconds > 0 { usleep(useconds_t(seconds * 1_000_000)) }
    }

    // MARK: (c) the output guard

    enum UnsafeOutput: String, CaseIterable, Sendable {
        case root, rootViaDotDot, home, homeWithSlash, contentFolder, contentViaDotDot, contentViaSymlink,
             templatesFolder, parentOfTemplates, parentOfContent, grandparentOfContent
    }

    @Test(arguments: UnsafeOutput.allCases)
    func outputGuardRefuses(_ unsafe: UnsafeOutput) throws {
        let workspace = try Support.Workspace("guard-\(unsafe.rawValue)")
        defer { workspace.remove() }
        // Broken content: should the guard ever let a path through, the build still writes nothing.
        let content = try workspace.content("basic", overlays: ["broken"], at: "project/content")
        let templates = workspace.path("theme/templates")
        try Support.copyTree(URL(fileURLWithPath: Support.templates), into: URL(fileURLWithPath: templates))
        let output: String
        switch unsafe {
        case .root: output = "/"
        case .rootViaDotDot: output = FileManager.default.temporaryDirectory.path + "/../../.."
        case .home: output = NSHomeDirectory()
        case .homeWithSlash: output = NSHomeDirectory() + "/"
        case .contentFolder: output = content
        case .contentViaDotDot: output = content + "/../content"
        case .contentViaSymlink:
            output = workspace.path("link-to-content")
            try FileManager.default.createSymbolicLink(atPath: output, withDestinationPath: content)
        case .templatesFolder: output = templates
        case .parentOfTemplates: output = workspace.path("theme")
        case .parentOfContent: output = workspace.path("project")
        case .grandparentOfContent: output = workspace.url.path
        }
        if unsafe == .rootViaDotDot {
            try #require(URL(fileURLWithPath: output).standardizedFileURL.path == "/", "the test's path does not lead to /")
        }
        let before = try Support.snapshot(workspace.url.path)
        let error = #expect(throws: WriteError.self) {
            try SiteBuilder().build(BuildOptions(content: content, templates: templates, output: output))
        }
        if let error, case .unsafeOutput = error {} else if let error {
            Issue.record("expected unsafeOutput, got \(error)")
        }
        #expect(try Support.snapshot(workspace.url.path) == before)
    }

    /// An output path that is a file is refused, and the file is left alone.
    @Test func outputThatIsAFileIsRefused() throws {
        let workspace = try Support.Workspace("guard-file")
        defer { workspace.remove() }
        let content = try workspace.content("basic")
        try workspace.write("site", "not a folder")
        #expect(throws: WriteError.self) {
            try SiteBuilder().build(BuildOptions(content: content, templates: Support.templates, output: workspace.path("site")))
        }
        #expect(try Support.text(workspace.path("site")) == "not a folder")
        #expect(try Support.listing(workspace.url.path) == ["content", "site"])
    }

    /// The guard is not over-eager: siblings and look-alike names are fine.
    @Test(arguments: ["site", "content-site", "project/contents", "project/site"])
    func outputGuardAllowsOrdinaryFolders(_ relative: String) throws {
        let workspace = try Support.Workspace("guard-ok")
        defer { workspace.remove() }
        let content = try workspace.content("basic", at: "project/content")
        let output = workspace.path(relative)
        let report = try SiteBuilder().build(BuildOptions(content: content, templates: Support.templates, output: output))
        #expect(report.written)
    }
}
