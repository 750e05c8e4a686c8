import Foundation

/// Everything computed from the directory that is not an HTML page: the search index,
/// the sitemap, robots.txt, the feeds, match.json, the partnership network picture and the
/// open data.
public struct SiteDeriver: Sendable {
    public init() {}

    /// The derived files in three independent parts, each handing its files over a group at
    /// a time; a build makes the three side by side and times each on its own.
    public enum Part: String, CaseIterable, Sendable {
        case searchIndex = "search index"
        case feeds
        case openData = "open data"
    }

    public func derive(_ directory: Directory, matches: MatchResults) -> [OutputFile] {
        var files: [OutputFile] = []
        for part in Part.allCases { derive(part, directory, matches: matches) { files += $0 } }
        return OutputFile.joiningPieces(files)
    }

    /// Hands one part's files to `sink` a group at a time (the search index in groups of
    /// shards, the open data in batches of organisations), so a build can write each group
    /// and let it go before the next is made.
    public func derive<Failure: Error>(_ part: Part, _ directory: Directory, matches: MatchResults, into sink: ([OutputFile]) throws(Failure) -> Void) throws(Failure) {
        switch part {
        case .searchIndex:
            let index = SearchIndex.build(from: directory)
            if index.documents.count <= SearchIndex.singleFileLimit {
                try sink([OutputFile(path: SearchIndexJSON.singleFile, data: SearchIndexJSON.encode(index))])
            } else {
                try SearchIndexShards.files(index, into: sink)
            }
        case .feeds:
            try sink([Sitemap.file(directory)])
            try sink([Sitemap.robots(origin: directory.config.origin), PartnershipFeed.build(directory), UpdatesFeed.build(directory),
                      NetworkSVG.file(PartnershipNetwork(directory: directory), directory: directory)])
            try MatchExport.files(matches, directory: directory, into: sink)
        case .openData:
            try OpenDataExport.files(directory, into: sink)
        }
    }
}
