/// A type's list, in pages of `size` profiles: the first at `companies/`, the others at
/// `companies/page/2/` and on (a profile's own page is one folder deep, so they cannot meet).
/// A page of every company helps nobody at national scale, and at 100,000 profiles that one
/// page was 50 MiB of HTML, held several times over while it rendered. An area's page lists
/// its organisations the same way (`areas/womens-health/page/2/`): at 10,000 profiles the
/// largest was 750 KB.
public enum ListPages {
    public static let size = 200

    /// How many pages a list of `items` profiles takes (one, even when empty).
    public static func count(_ items: Int) -> Int { max(1, (items + size - 1) / size) }

    /// The site-relative path of page `page` (from 1) of a type's list.
    public static func path(_ type: ProfileType, page: Int) -> String {
        path(type.folder + "/", page: page)
    }

    /// Page `page` (from 1) of a list whose first page is at `first` (`areas/womens-health/`):
    /// an area's page lists its organisations in pages too.
    public static func path(_ first: String, page: Int) -> String {
        page <= 1 ? first : first + "page/\(page)/"
    }

    /// The items on page `page` (from 1) of a list of `count`.
    public static func range(page: Int, of count: Int) -> Range<Int> {
        min((page - 1) * size, count)..<min(page * size, count)
    }
}
