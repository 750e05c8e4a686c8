import Foundation

/// Which pages link to each profile, read from the rendered pages, for the preview's
/// rebuilds: a page that shows anything of a profile (its card, its row on a match page, its
/// name in a list) links to it, so after an edit to what a profile's page and cards show
/// (`IncrementalBuilder.displayChange`), these pages are the ones to render again. Read from the
/// HTML rather than from the templates, so a site's own templates are followed too.
///
/// A class, recorded into in place: the preview's state holds it, and copying it at each
/// rebuild cost more than rendering a page. Used under the builder's lock only.
public final class ProfileLinks: @unchecked Sendable {
    /// Profile page folders (`companies/x`) -> slug.
    private let slugsByFolder: [String: String]
    private var pages: [String] = []
    private var pageNumbers: [String: Int32] = [:]
    private var linking: [String: Set<Int32>] = [:]

    init(_ directory: Directory) {
        var folders: [String: String] = [:]
        for type in ProfileType.allCases {
            for profile in directory.profiles(of: type) { folders[Self.folder(profile.path)] = profile.slug }
        }
        slugsByFolder = folders
    }

    /// The slugs of the profiles among the site paths a page links to (`InternalLinkChecker.scan`).
    func slugs(linkedBy paths: [String]) -> Set<String> {
        Set(paths.compactMap { slugsByFolder[Self.folder($0)] })
    }

    /// Records a page's links; a page recorded again keeps its earlier links too, which can
    /// only make a rebuild render a page more than it needs.
    func record(page: String, linking slugs: Set<String>) {
        let number: Int32
        if let known = pageNumbers[page] {
            number = known
        } else {
            number = Int32(pages.count)
            pageNumbers[page] = number
            pages.append(page)
        }
        for slug in slugs { linking[slug, default: []].insert(number) }
    }

    /// The pages that link to a profile, in path order.
    func pages(linkingTo slug: String) -> [String] {
        (linking[slug] ?? []).map { pages[Int($0)] }.sorted()
    }

    /// `companies/x/`, `companies/x/index.html` and `companies/x` -> `companies/x`.
    static func folder(_ path: String) -> String {
        var path = Substring(path)
        if path.hasSuffix("index.html") { path = path.dropLast("index.html".count) }
        while path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }
}
