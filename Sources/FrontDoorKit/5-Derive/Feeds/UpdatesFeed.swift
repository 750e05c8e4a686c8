/// `feed.xml`: the profiles editors reviewed most recently (their `updated` date), newest
/// first, as an Atom feed, so that other sites and feed readers can follow what changes.
/// Like the partnership feed, its dates come from the content, never the clock.
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
        let newest = reviewed.first?.updated ?? "2000-01-01"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(directory.config.language))">
          <title>\(XMLText.escape(directory.config.title)): recently updated profiles</title>
          <id>\(XMLText.escape(origin + path))</id>
          <link rel="self" href="\(XMLText.escape(origin + path))"/>
          <link rel="alternate" type="text/html" href="\(XMLText.escape(origin))"/>
          <updated>\(newest)T00:00:00Z</updated>
          <author><name>\(XMLText.escape(directory.config.title))</name></author>

        """
        for profile in reviewed {
            let url = origin + profile.path
            xml += """
              <entry>
                <title>\(XMLText.escape(profile.title)) (\(XMLText.escape(profile.type.singularLabel)))</title>
                <id>\(XMLText.escape(url))</id>
                <link rel="alternate" type="text/html" href="\(XMLText.escape(url))"/>
                <updated>\(profile.updated!)T00:00:00Z</updated>
                <category term="\(profile.type.rawValue)" label="\(XMLText.escape(profile.type.singularLabel))"/>
                <summary>\(XMLText.escape(profile.summary))</summary>
              </entry>

            """
        }
        xml += "</feed>\n"
        return OutputFile(path: path, text: xml)
    }
}
