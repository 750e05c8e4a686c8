/// A type's list, in pages of `size` profiles: the first at `companies/`, the others at
/// `companies/page/2/` and on (a profile's own page is one folder deep, so they cannot meet).
/// A page of every company helps nobody at national scale, and at 100,000 profiles that one
/// page was 50 MiB of HTML, held several times over while it rendered.
public enum ListPages {
    public static let size = 200

    /// How many pages a list of `items` profiles takes (one, even when empty).
    public static func count(_ items: Int) -> Int { max(1, (items + size - 1) / size) }

    /// The site-relative path of page `page` (from 1) of a type's list.
    public static func path(_ type: ProfileType, page: Int) -> String {
        page <= 1 ? type.folder + "/" : type.folder + "/page/\(page)/"
    }
}
