/// `sitemap.xml`: every page, with `lastmod` from a profile's `updated` (or signed) date.
public enum Sitemap {
    /// The home, search and match pages, each type's list and every published profile, with
    /// the later pages of the lists and of the areas.
    public static func file(_ directory: Directory) -> OutputFile {
        var pages: [(path: String, lastmod: String?)] = [("", nil), ("search/", nil), ("match/", nil)]
        for type in ProfileType.allCases {
            for page in 1...ListPages.count(directory.profiles(of: type).count) {
                pages.append((ListPages.path(type, page: page), nil))
            }
            for profile in directory.profiles(of: type) {
                pages.append((profile.path, profile.updated ?? profile.signed))
                // An area's later pages (`ListPages`).
                pages += directory.laterPages(ofArea: profile.slug).map { (ListPages.path(profile.path, page: $0), nil) }
            }
        }
        return build(pages: pages, origin: directory.config.origin)
    }

    public static func build(pages: [(path: String, lastmod: String?)], origin: String) -> OutputFile {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted(by: { $0.path < $1.path }) {
            xml += "  <url><loc>\(XMLText.escape(origin + page.path))</loc>"
            if let lastmod = page.lastmod { xml += "<lastmod>\(lastmod)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: "sitemap.xml", text: xml)
    }

    public static func robots(origin: String) -> OutputFile {
        OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(origin)sitemap.xml\n")
    }
}
