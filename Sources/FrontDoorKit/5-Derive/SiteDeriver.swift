import Foundation

/// Everything computed from the directory that is not an HTML page: the search index,
/// the sitemap, robots.txt and the partnership feed.
public struct SiteDeriver: Sendable {
    public static let searchIndexPath = "search-index.json"

    public init() {}

    public func derive(_ directory: Directory) -> [OutputFile] {
        let config = directory.config
        var files: [OutputFile] = []
        if let index = try? SearchIndex.build(from: directory).encoded() {
            files.append(OutputFile(path: Self.searchIndexPath, data: index))
        }
        var pages: [(path: String, lastmod: String?)] = [("", nil)]
        for type in ProfileType.allCases {
            pages.append((type.folder + "/", nil))
            for profile in directory.profiles(of: type) {
                pages.append((profile.path, profile.updated ?? profile.signed))
            }
        }
        files.append(Sitemap.build(pages: pages, origin: config.origin))
        files.append(Sitemap.robots(origin: config.origin))
        files.append(PartnershipFeed.build(directory))
        return files
    }
}
