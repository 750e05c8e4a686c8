import Foundation

/// Everything computed from the directory that is not an HTML page: the search index,
/// the sitemap, robots.txt, the feeds, match.json, the partnership network picture and the
/// open data.
public struct SiteDeriver: Sendable {
    public init() {}

    public func derive(_ directory: Directory, matches: MatchResults) -> [OutputFile] {
        var files: [OutputFile] = []
        derive(directory, matches: matches) { files += $0 }
        return files
    }

    /// Hands the files to `sink` a group at a time (the search index, then the sitemap and
    /// feeds, then the open data in batches), so a build can write each group and let it go
    /// before the next is made.
    public func derive(_ directory: Directory, matches: MatchResults, into sink: ([OutputFile]) throws -> Void) rethrows {
        let config = directory.config
        do {
            let index = SearchIndex.build(from: directory)
            if index.documents.count <= SearchIndex.singleFileLimit {
                try sink([OutputFile(path: SearchIndexJSON.singleFile, data: SearchIndexJSON.encode(index))])
            } else {
                try SearchIndexShards.files(index, into: sink)
            }
        }
        var files: [OutputFile] = []
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
        try sink(files)
        try OpenDataExport.files(directory, into: sink)
    }
}
