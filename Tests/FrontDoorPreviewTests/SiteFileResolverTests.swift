import Foundation
import Testing
@testable import FrontDoorPreview

/// The preview's only way to the disk: a built site in a temporary folder, with a secret beside
/// it and symbolic links pointing out of it.
@Suite("Preview: resolving request paths")
struct SiteFileResolverTests {
    let folder: String
    let site: String
    let resolver: SiteFileResolver

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("frontdoor-resolver-\(UUID().uuidString)").path
        site = folder + "/site"
        let files = FileManager.default
        try files.createDirectory(atPath: site + "/companies/acme", withIntermediateDirectories: true)
        try files.createDirectory(atPath: site + "/.site.frontdoor-staging-1", withIntermediateDirectories: true)
        try Data("home".utf8).write(to: URL(fileURLWithPath: site + "/index.html"))
        try Data("acme".utf8).write(to: URL(fileURLWithPath: site + "/companies/acme/index.html"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: site + "/a b.txt"))
        try Data("staged".utf8).write(to: URL(fileURLWithPath: site + "/.site.frontdoor-staging-1/index.html"))
        try Data("secret".utf8).write(to: URL(fileURLWithPath: folder + "/secret.txt"))
        try files.createSymbolicLink(atPath: site + "/leak.txt", withDestinationPath: folder + "/secret.txt")
        try files.createSymbolicLink(atPath: site + "/outside", withDestinationPath: folder)
        try files.createSymbolicLink(atPath: site + "/inside.html", withDestinationPath: site + "/index.html")
        resolver = SiteFileResolver(root: site)
    }

    private var realSite: String { URL(fileURLWithPath: site).resolvingSymlinksInPath().path }

    @Test func pagesAndFoldersResolveInsideTheSite() {
        #expect(resolver.resolve("/") == .file(realSite + "/index.html"))
        #expect(resolver.resolve("/companies/acme/") == .file(realSite + "/companies/acme/index.html"))
        #expect(resolver.resolve("/a%20b.txt") == .file(realSite + "/a b.txt"))
        #expect(resolver.resolve("/inside.html") == .file(realSite + "/index.html"))
    }

    @Test func aFolderWithoutItsSlashRedirects() {
        #expect(resolver.resolve("/companies/acme") == .redirect("/companies/acme/"))
    }

    @Test func missingFilesAreNotFound() {
        #expect(resolver.resolve("/nothing/") == .notFound)
        #expect(resolver.resolve("/companies/none.html") == .notFound)
        // The writer's hidden staging folder is never served.
        #expect(resolver.resolve("/.site.frontdoor-staging-1/index.html") == .notFound)
        // `//host` would read as another host in a redirect.
        #expect(resolver.resolve("//companies") == .notFound)
    }

    @Test(arguments: [
        "/../secret.txt", "/%2e%2e/secret.txt", "/companies/..%2f..%2f..%2fsecret.txt", "/./index.html",
        "/companies/%2E%2E/%2E%2E/secret.txt", "/a%00b", "/..%5csecret.txt", "relative", "/%ZZ",
    ])
    func traversalIsForbidden(path: String) {
        #expect(resolver.resolve(path) == .forbidden)
    }

    @Test func symbolicLinksOutOfTheSiteAreForbidden() {
        #expect(resolver.resolve("/leak.txt") == .forbidden)
        #expect(resolver.resolve("/outside/secret.txt") == .forbidden)
    }

    @Test func overlongPathsAreForbidden() {
        #expect(resolver.resolve("/" + String(repeating: "a", count: SiteFileResolver.maximumPathLength)) == .forbidden)
    }
}
