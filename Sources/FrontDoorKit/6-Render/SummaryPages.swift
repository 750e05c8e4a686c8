import Foundation

/// Which pages show each profile's summary away from the profile's own page, for the
/// preview's rebuilds: after an edit to a summary, these are the pages to render again.
///
/// The summary is the one key of a profile's front matter that other pages show and that
/// changes nothing else (its card, a partner's rows on the match pages, an area's match pages
/// and the later pages of its own; see `IncrementalBuilder.displayChange`). Every such use
/// reads it through `PageContext.summary(of:)`, which notes the profile on the page being
/// rendered. Templates only see what the context gives them, so a site's own templates are
/// covered too.
///
/// A class, recorded into in place: the preview's state holds it, and copying it at each
/// rebuild cost more than rendering a page. Recorded into under the builder's lock, or from
/// one thread after each batch of a whole build.
public final class SummaryPages: @unchecked Sendable {
    /// The summaries one page showed, noted while it renders on one thread.
    final class Reading: @unchecked Sendable {
        fileprivate(set) var slugs: Set<String> = []
    }

    /// The page being rendered on this thread, when the build records.
    @TaskLocal static var reading: Reading?

    private var pages: [String] = []
    private var pageNumbers: [String: Int32] = [:]
    private var showing: [String: Set<Int32>] = [:]

    init() {}

    /// Renders a page, noting the summaries it shows.
    static func render(_ job: PageJob) -> (page: OutputFile, shown: Set<String>) {
        let reading = Reading()
        let page = $reading.withValue(reading) { job.render() }
        return (page, reading.slugs)
    }

    /// Notes that the page being rendered shows this profile's summary.
    static func note(_ slug: String) {
        reading?.slugs.insert(slug)
    }

    /// Records the summaries a page showed. A page recorded again keeps what it showed
    /// before too, which can only make a rebuild render a page more than it needs.
    func record(page: String, showing slugs: Set<String>) {
        guard !slugs.isEmpty else { return }
        let number: Int32
        if let known = pageNumbers[page] {
            number = known
        } else {
            number = Int32(pages.count)
            pageNumbers[page] = number
            pages.append(page)
        }
        for slug in slugs { showing[slug, default: []].insert(number) }
    }

    /// The pages that show a profile's summary, in path order.
    func pages(showing slug: String) -> [String] {
        (showing[slug] ?? []).map { pages[Int($0)] }.sorted()
    }
}
