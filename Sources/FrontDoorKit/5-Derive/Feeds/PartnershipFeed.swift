/// The Atom feed of partnerships, newest first. Its `updated` is the newest signing date,
/// not the build time, so the same content always gives the same bytes.
public enum PartnershipFeed {
    public static let path = "partnerships/feed.xml"

    public static func build(_ directory: Directory) -> OutputFile {
        let origin = directory.config.origin
        let partnerships = directory.profiles(of: .partnership)
        let newest = partnerships.compactMap(\.signed).max() ?? "2000-01-01"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(directory.config.language))">
          <title>\(XMLText.escape(directory.config.title)): partnerships</title>
          <id>\(XMLText.escape(origin))partnerships/</id>
          <link rel="self" href="\(XMLText.escape(origin + path))"/>
          <link rel="alternate" type="text/html" href="\(XMLText.escape(origin))partnerships/"/>
          <updated>\(newest)T00:00:00Z</updated>
          <author><name>\(XMLText.escape(directory.config.title))</name></author>

        """
        for partnership in partnerships {
            let url = origin + partnership.path
            let parties = partnership.parties.compactMap { directory.bySlug[$0]?.title }.joined(separator: ", ")
            xml += """
              <entry>
                <title>\(XMLText.escape(partnership.title))</title>
                <id>\(XMLText.escape(url))</id>
                <link rel="alternate" type="text/html" href="\(XMLText.escape(url))"/>
                <updated>\(partnership.signed ?? newest)T00:00:00Z</updated>
                <summary>\(XMLText.escape(partnership.summary + (parties.isEmpty ? "" : " Parties: " + parties + ".")))</summary>
              </entry>

            """
        }
        xml += "</feed>\n"
        return OutputFile(path: path, text: xml)
    }
}
