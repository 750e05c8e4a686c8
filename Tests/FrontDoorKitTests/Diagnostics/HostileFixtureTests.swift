import Foundation
import Testing
@testable import FrontDoorKit

/// The adversarial fixture set: one broken or hostile tree per case in `Fixtures/hostile/<case>/`.
/// `content/` holds the files laid over the valid example tree (`Fixtures/diagnostics/valid`),
/// `expected.json` what the real `frontdoor build` must do with it: its exit code and every
/// diagnostic it prints (file, line, code, severity), nothing more.
///
/// Each case builds over a previously published site and checks, besides the messages:
/// the build finished in time; a failed build left the old site byte for byte; a finished
/// one published nothing from outside `content/` and no symbolic link; no staging folder is left.
/// Files too big for the repository (`pad`) and symbolic links (`symlinks`, which resource
/// copies do not keep) are made by the test.
@Suite struct HostileFixtureTests {
    struct Expected: Decodable {
        struct Entry: Decodable, Hashable, CustomStringConvertible {
            var file: String
            var line: Int
            var code: String
            var severity: String
            var description: String { "\(file):\(line): \(severity) [\(code)]" }
        }
        var about: String
        var exit: Int32
        var diagnostics: [Entry]
        /// File -> size in bytes to pad it to with body text.
        var pad: [String: Int]?
        /// Link path -> target; `OUTSIDE` stands for a folder beside (not in) content/.
        var symlinks: [String: String]?
    }

    static let root: URL? = Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.appendingPathComponent("hostile")

    static let cases: [String] = {
        guard let root else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// Generous for a debug build on a busy two-core machine; the slowest case takes about a second alone.
    static let timeLimit: TimeInterval = 20

    static let secret = "TOP-SECRET-OUTSIDE-CONTENT"

    @Test func thereAreCases() {
        #expect(Self.cases.count >= 15, "found \(Self.cases)")
    }

    @Test(arguments: cases)
    func buildOfHostileTree(_ name: String) throws {
        let folder = try #require(Self.root).appendingPathComponent(name)
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))
        let workspace = try SiteTestSupport.Workspace("hostile-\(name)")
        defer { workspace.remove() }
        let content = workspace.url.appendingPathComponent("content")
        try SiteTestSupport.copyTree(try DiagnosticFixtures.content("valid"), into: content)

        // The site as published before this change.
        let site = workspace.path("site")
        let previous = try SiteTestSupport.build(content: content.path, output: site)
        #expect(previous.written)
        let before = try SiteTestSupport.snapshot(site)

        try SiteTestSupport.copyTree(folder.appendingPathComponent("content"), into: content)
        for (file, size) in expected.pad ?? [:] {
            let handle = try FileHandle(forWritingTo: content.appendingPathComponent(file))
            let current = Int(try handle.seekToEnd())
            let line = Data((String(repeating: "padding ", count: 127) + "padding\n").utf8)
            var remaining = size - current
            while remaining > 0 {
                let chunk = remaining >= line.count ? line : Data(repeating: UInt8(ascii: "x"), count: remaining)
                try handle.write(contentsOf: chunk)
                remaining -= chunk.count
            }
            try handle.close()
        }
        let outside = workspace.url.appendingPathComponent("outside")
        if let links = expected.symlinks {
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            let profile = "---\ntitle: \(Self.secret)\nsummary: \(Self.secret)\nareas:\n  - womens-health\n---\n\(Self.secret)\n"
            try Data(profile.utf8).write(to: outside.appendingPathComponent("secret.md"))
            for (link, target) in links {
                let url = content.appendingPathComponent(link)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target.replacingOccurrences(of: "OUTSIDE", with: outside.path))
            }
        }

        let started = Date()
        let result = try DiagnosticCLI.run(["build", "--content", "content", "--templates", SiteTestSupport.templates, "--output", "site"],
                                           in: workspace.url)
        let elapsed = Date().timeIntervalSince(started)
        let context = "\(name): \(expected.about)\nstderr:\n\(result.stderr)"

        #expect(result.status == expected.exit, "exit \(result.status), expected \(expected.exit)\n\(context)")
        #expect(elapsed < Self.timeLimit, "took \(elapsed) s\n\(context)")
        let printed = Set(Self.diagnostics(in: result.stderr))
        let wanted = Set(expected.diagnostics)
        #expect(printed == wanted, "missing: \(wanted.subtracting(printed).sorted { $0.description < $1.description }); unexpected: \(printed.subtracting(wanted).sorted { $0.description < $1.description })\n\(context)")

        let after = try SiteTestSupport.snapshot(site)
        if expected.exit != 0 {
            #expect(after == before, "a failed build changed the published site: \(after.difference(from: before))")
        } else {
            #expect(after.symbolicLinks.isEmpty, "links in the site: \(after.symbolicLinks.sorted())")
            let secret = Data(Self.secret.utf8), passwd = Data("root:x:0:0".utf8)
            for (path, data) in after.files {
                #expect(data.range(of: secret) == nil && data.range(of: passwd) == nil, "\(path) holds a file from outside content/")
            }
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.url.path).filter { $0.hasPrefix(".site.frontdoor-") }
        #expect(leftovers.isEmpty, "staging folders left: \(leftovers)")
    }

    /// `content/<file>:<line>:<column>: <severity>: [<code>] ...` lines of `frontdoor build`'s standard error.
    static func diagnostics(in stderr: String) -> [Expected.Entry] {
        stderr.split(separator: "\n").compactMap { line -> Expected.Entry? in
            guard line.hasPrefix("content/"), let bracket = line.range(of: ": ["), let close = line[bracket.upperBound...].firstIndex(of: "]") else { return nil }
            let head = line[line.index(line.startIndex, offsetBy: "content/".count)..<bracket.lowerBound]
            // <file>:<line>:<column>: <severity>; the file name itself may hold colons, so read from the right.
            let parts = head.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count >= 4, let number = Int(parts[parts.count - 3]) else { return nil }
            let file = parts[..<(parts.count - 3)].joined(separator: ":")
            let severity = parts[parts.count - 1].trimmingCharacters(in: .whitespaces)
            return Expected.Entry(file: file, line: number, code: String(line[bracket.upperBound..<close]), severity: severity)
        }
    }
}
