import Foundation
import Testing
@testable import FrontDoorKit

@Suite("Write: atomic output")
struct SiteWriterTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("fd-write-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func contents(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for entry in try FileSystem().listFiles(under: folder.path) {
            files[entry.relativePath] = try Data(contentsOf: folder.appendingPathComponent(entry.relativePath))
        }
        return files
    }

    @Test func writesANewFolderThenReplacesItWhole() throws {
        let output = root.appendingPathComponent("site")
        let writer = SiteWriter(output: output.path)
        try writer.write([OutputFile(path: "index.html", text: "one"), OutputFile(path: "a/b/index.html", text: "two")])
        #expect(try contents(output) == ["index.html": Data("one".utf8), "a/b/index.html": Data("two".utf8)])
        try writer.write([OutputFile(path: "index.html", text: "three")])
        #expect(try contents(output) == ["index.html": Data("three".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["site"])
        try? FileManager.default.removeItem(at: root)
    }

    @Test func aWriteThatFailsPartWayLeavesTheOldSiteAndNoStagingFolder() throws {
        let output = root.appendingPathComponent("site")
        let writer = SiteWriter(output: output.path)
        try writer.write([OutputFile(path: "index.html", text: "old")])
        #expect(throws: WriteError.self) {
            try writer.write([OutputFile(path: "index.html", text: "new"), OutputFile(path: "../escape.html", text: "x")])
        }
        #expect(try contents(output) == ["index.html": Data("old".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["site"])
        try? FileManager.default.removeItem(at: root)
    }

    @Test func stagingLeftByAKilledBuildIsCleanedUp() throws {
        let output = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".site.frontdoor-staging-99999/x"), withIntermediateDirectories: true)
        try SiteWriter(output: output.path).write([OutputFile(path: "index.html", text: "ok")])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["site"])
        try? FileManager.default.removeItem(at: root)
    }

    @Test func copiesAssetsAsTheyAre() throws {
        let source = root.appendingPathComponent("logo.svg")
        try Data("<svg/>".utf8).write(to: source)
        let output = root.appendingPathComponent("site")
        try SiteWriter(output: output.path).write([], copies: [.init(sourcePath: source.path, destination: "assets/logos/logo.svg")])
        #expect(try contents(output) == ["assets/logos/logo.svg": Data("<svg/>".utf8)])
        try? FileManager.default.removeItem(at: root)
    }

    @Test func aSecondWriteToALinkedFileNeverChangesThePublishedSite() throws {
        let output = root.appendingPathComponent("site")
        let writer = SiteWriter(output: output.path)
        try writer.write([OutputFile(path: "index.html", text: "published")])
        let staging = try writer.begin()
        // Same bytes: hard-linked from the published site; then the same path again, changed.
        try staging.write(OutputFile(path: "index.html", text: "published"))
        #expect(staging.counts.reused == 1)
        try staging.write(OutputFile(path: "index.html", text: "changed"))
        #expect(try contents(output) == ["index.html": Data("published".utf8)], "the write went through the link into the live site")
        writer.discard(staging)
        try? FileManager.default.removeItem(at: root)
    }

    /// A file written as pieces ends as the pieces joined, and when its bytes equal the
    /// published copy's it is linked from it, as a whole file would be.
    @Test func piecesMakeOneFileAndAnUnchangedOneIsLinked() throws {
        let output = root.appendingPathComponent("site")
        let writer = SiteWriter(output: output.path)
        func pieces(_ middle: String) -> [OutputFile] {
            [OutputFile(path: "list.json", data: Data("[".utf8), piece: .first),
             OutputFile(path: "list.json", data: Data(middle.utf8), piece: .next),
             OutputFile(path: "list.json", data: Data("3".utf8), piece: .next),
             OutputFile(path: "list.json", data: Data("]".utf8), piece: .last)]
        }
        #expect(OutputFile.joiningPieces(pieces("1,2,")) == [OutputFile(path: "list.json", text: "[1,2,3]")])
        try writer.write(OutputFile.joiningPieces(pieces("1,2,")))
        let published = try FileManager.default.attributesOfItem(atPath: output.path + "/list.json")[.systemFileNumber] as? Int

        var staging = try writer.begin()
        for piece in pieces("1,2,") { try staging.write(piece) }
        #expect(staging.counts == (written: 0, reused: 1))
        try writer.commit(staging)
        #expect(try contents(output) == ["list.json": Data("[1,2,3]".utf8)])
        #expect(try FileManager.default.attributesOfItem(atPath: output.path + "/list.json")[.systemFileNumber] as? Int == published,
                "the unchanged file is the published one, linked")

        staging = try writer.begin()
        for piece in pieces("1,9,") { try staging.write(piece) }
        #expect(staging.counts == (written: 1, reused: 0))
        try writer.commit(staging)
        #expect(try contents(output) == ["list.json": Data("[1,9,3]".utf8)])
        try? FileManager.default.removeItem(at: root)
    }

    @Test func anAssetThatBecameASymbolicLinkIsNotCopied() throws {
        let secret = root.appendingPathComponent("secret.txt")
        try Data("secret".utf8).write(to: secret)
        let source = root.appendingPathComponent("logo.svg")
        try FileManager.default.createSymbolicLink(at: source, withDestinationURL: secret)
        let output = root.appendingPathComponent("site")
        #expect(throws: WriteError.self) {
            try SiteWriter(output: output.path).write([], copies: [.init(sourcePath: source.path, destination: "assets/logo.svg")])
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
        try? FileManager.default.removeItem(at: root)
    }

    @Test func refusesAFileWhereTheOutputFolderShouldBe() throws {
        let output = root.appendingPathComponent("site")
        try Data("not a folder".utf8).write(to: output)
        #expect(throws: WriteError.self) { try SiteWriter(output: output.path).write([OutputFile(path: "index.html", text: "x")]) }
        #expect(try String(contentsOf: output, encoding: .utf8) == "not a folder")
        try? FileManager.default.removeItem(at: root)
    }

    @Test func outputGuardRefusesDangerousFolders() throws {
        let content = root.appendingPathComponent("content").path
        let templates = root.appendingPathComponent("templates").path
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        for bad in ["/", NSHomeDirectory(), content, templates, root.path, content + "/../content"] {
            #expect(throws: WriteError.self, "\(bad)") { try OutputGuard.check(output: bad, protecting: [content, templates]) }
        }
        try OutputGuard.check(output: root.appendingPathComponent("site").path, protecting: [content, templates])
        try? FileManager.default.removeItem(at: root)
    }
}
