import Foundation

/// Everything computed from the directory that is not an HTML page: the search index,
/// the sitemap, robots.txt, the feeds, the open data and the partnership network picture.
public struct SiteDeriver: Sendable {
    public init() {}

    public func derive(_ directory: Directory, matches: MatchResults) -> [OutputFile] {
        let config = directory.config
        var files: [OutputFile] = []
        let index = SearchIndex.build(from: directory)
        if index.documents.count <= SearchIndex.singleFileLimit {
            files.append(OutputFile(path: SearchIndexJSON.singleFile, data: SearchIndexJSON.encode(index)))
        } else {
            files += SearchIndexShards.files(index)
        }
        var pages: [(path: String, lastmod: String?)] = [("", nil), ("search/", nil), ("match/", nil)]
        for type in ProfileType.allCases {
            pages.append((type.folder + "/", nil))
            for profile in directory.profiles(of: type) {
                pages.append((profile.path, profile.updated ?? profile.signed))
            }
        }
        files.append(Sitemap.build(pages: pages, origin: config.origin))
        files.append(Sitemap.robots(origin: config.origin))
        files.append(PartnershipFeed.build(directory))
        files.append(UpdatesFeed.build(directory))
        files.append(NetworkSVG.file(PartnershipNetwork(directory: directory), directory: directory))
        files.append(MatchExport.file(matches, directory: directory))
        files += OpenDataExport.files(directory)
        return files
    }
}
