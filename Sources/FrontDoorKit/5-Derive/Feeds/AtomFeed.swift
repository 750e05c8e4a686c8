/// An Atom feed (RFC 4287) with dates from the content, never the clock, so the same
/// content always gives the same bytes. The feeds of the site fill in its entries.
struct AtomFeed {
    struct Entry {
        var title: String
        var url: String
        /// `YYYY-MM-DD`.
        var updated: String
        var summary: String
        var category: (term: String, label: String)? = nil
    }

    var path: String
    var title: String
    var id: String
    /// The page the feed stands for.
    var alternate: String
    /// `YYYY-MM-DD`: the newest entry's date.
    var updated: String
    var entries: [Entry]

    func file(_ directory: Directory) -> OutputFile {
        let origin = directory.config.origin
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(directory.config.language))">
          <title>\(XMLText.escape(title))</title>
          <id>\(XMLText.escape(id))</id>
          <link rel="self" href="\(XMLText.escape(origin + path))"/>
          <link rel="alternate" type="text/html" href="\(XMLText.escape(alternate))"/>
          <updated>\(updated)T00:00:00Z</updated>
          <author><name>\(XMLText.escape(directory.config.title))</name></author>

        """
        for entry in entries {
            xml += """
              <entry>
                <title>\(XMLText.escape(entry.title))</title>
                <id>\(XMLText.escape(entry.url))</id>
                <link rel="alternate" type="text/html" href="\(XMLText.escape(entry.url))"/>
                <updated>\(entry.updated)T00:00:00Z</updated>

            """
            if let category = entry.category {
                xml += "    <category term=\"\(XMLText.escape(category.term))\" label=\"\(XMLText.escape(category.label))\"/>\n"
            }
            xml += """
                <summary>\(XMLText.escape(entry.summary))</summary>
              </entry>

            """
        }
        xml += "</feed>\n"
        return OutputFile(path: path, text: xml)
    }
}
