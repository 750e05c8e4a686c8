/// `feed.xml`: the profiles editors reviewed most recently (their `updated` date), newest
/// first, so that other sites and feed readers can follow what changes in the directory.
public enum UpdatesFeed {
    public static let path = "feed.xml"
    /// Entries in the feed; older reviews drop off the end.
    public static let limit = 50

    public static func build(_ directory: Directory) -> OutputFile {
        let origin = directory.config.origin
        let reviewed = ProfileType.allCases.flatMap { directory.profiles(of: $0) }
            .filter { $0.updated != nil }
            .sorted { ($0.updated!, $1.title, $1.slug) > ($1.updated!, $0.title, $0.slug) }
            .prefix(limit)
        let entries = reviewed.map { profile in
            AtomFeed.Entry(title: "\(profile.title) (\(profile.type.singularLabel))", url: origin + profile.path,
                           updated: profile.updated!, summary: profile.summary,
                           category: (profile.type.rawValue, profile.type.singularLabel))
        }
        return AtomFeed(path: path, title: directory.config.title + ": recently updated profiles", id: origin + path,
                        alternate: origin, updated: reviewed.first?.updated ?? "2000-01-01", entries: entries).file(directory)
    }
}
