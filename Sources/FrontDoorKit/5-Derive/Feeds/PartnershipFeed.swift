/// The Atom feed of partnerships, newest first. Its `updated` is the newest signing date.
public enum PartnershipFeed {
    public static let path = "partnerships/feed.xml"

    public static func build(_ directory: Directory) -> OutputFile {
        let origin = directory.config.origin
        let partnerships = directory.profiles(of: .partnership)
        let newest = partnerships.compactMap(\.signed).max() ?? "2000-01-01"
        let entries = partnerships.map { partnership in
            let parties = partnership.parties.compactMap { directory.bySlug[$0]?.title }.joined(separator: ", ")
            return AtomFeed.Entry(title: partnership.title, url: origin + partnership.path, updated: partnership.signed ?? newest,
                                  summary: partnership.summary + (parties.isEmpty ? "" : " Parties: " + parties + "."))
        }
        return AtomFeed(path: path, title: directory.config.title + ": partnerships", id: origin + "partnerships/",
                        alternate: origin + "partnerships/", updated: newest, entries: entries).file(directory)
    }
}
