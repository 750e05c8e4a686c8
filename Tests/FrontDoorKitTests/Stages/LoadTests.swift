import Foundation
import Testing
@testable import FrontDoorKit

@Suite("Load")
struct LoadTests {
    /// Writes `files` (path -> text) under a new temporary folder.
    func tree(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fd-load-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    @Test func sortsFilesIntoSiteConfigProfilesAssetsAndStrays() throws {
        let root = try tree([
            "site.yml": "title: x",
            "companies/b.md": "b", "companies/a.md": "a", "areas/x.md": "x",
            "assets/logos/a.svg": "<svg/>",
            "notes.md": "stray", "companies/sub/deep.md": "stray", "README.txt": "ignored",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let source = try ContentLoader().load(contentDirectory: root.path)
        #expect(source.siteConfig?.relativePath == "site.yml")
        #expect(source.profiles.map(\.relativePath) == ["areas/x.md", "companies/a.md", "companies/b.md"])
        #expect(source.assets.map(\.relativePath) == ["logos/a.svg"])
        #expect(source.diagnostics.map(\.code) == ["stray-markdown", "stray-markdown"])
        #expect(source.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(source.diagnostics.map(\.path) == [root.path + "/companies/sub/deep.md", root.path + "/notes.md"])
    }

    @Test func aMissingSiteConfigIsAnError() throws {
        let root = try tree(["areas/x.md": "x"])
        defer { try? FileManager.default.removeItem(at: root) }
        let source = try ContentLoader().load(contentDirectory: root.path)
        #expect(source.diagnostics.map(\.code) == ["missing-site-config"])
        #expect(source.diagnostics.first?.path.hasSuffix("site.yml") == true)
    }

    @Test func symbolicLinksAreNotFollowed() throws {
        let outside = try tree(["secret.md": "---\ntitle: secret\n---\n"])
        let root = try tree(["site.yml": "title: x"])
        defer { try? FileManager.default.removeItem(at: root); try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("companies"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("companies/secret.md"), withDestinationURL: outside.appendingPathComponent("secret.md"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("areas"), withDestinationURL: outside)
        let source = try ContentLoader().load(contentDirectory: root.path)
        #expect(source.profiles.isEmpty)
        #expect(source.diagnostics.map(\.code) == ["symbolic-link", "symbolic-link"])
    }

    @Test func oversizedFilesAreRefusedUnread() throws {
        let root = try tree(["site.yml": "title: x", "companies/big.md": String(repeating: "x", count: ContentLoader.maxFileSize + 1)])
        defer { try? FileManager.default.removeItem(at: root) }
        let source = try ContentLoader().load(contentDirectory: root.path)
        #expect(source.profiles.isEmpty)
        #expect(source.diagnostics.map(\.code) == ["file-too-large"])
    }

    @Test func aMissingContentFolderThrows() {
        #expect(throws: LoadError.self) { try ContentLoader().load(contentDirectory: "/nonexistent/fd-content") }
    }

    @Test func templatesAreReadByNameWithTheirAssets() throws {
        let root = try tree(["layout.mustache": "L", "pages/home.mustache": "H", "assets/style.css": "body{}", "notes.txt": "x"])
        defer { try? FileManager.default.removeItem(at: root) }
        let source = try TemplateLoader().load(templatesDirectory: root.path)
        #expect(source.templates == ["layout": "L", "pages/home": "H"])
        #expect(source.assets.map(\.path) == ["style.css"])
    }
}
