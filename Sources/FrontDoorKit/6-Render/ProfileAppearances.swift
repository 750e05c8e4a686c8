import Foundation

/// Where each profile appears away from its own page, for the preview's rebuilds: after an
/// edit to a summary or a title, these are the pages to render again.
///
/// The summary and the title are the keys of a profile's front matter that other pages show
/// most. Every such use reads them through `PageContext.summary(of:)` and
/// `PageContext.title(of:)` (a link, a card, a match row), which note the profile on the page
/// being rendered; the JSON-LD references and the partnership network, made from the profile
/// rather than the context, note its title themselves (`noteTitle`). Templates only see what
/// the context gives them, so a site's own templates are covered too.
///
/// A class, recorded into in place: the preview's state holds it, and copying it at each
/// rebuild cost more than rendering a page. Recorded into under the builder's lock, or from
/// one thread after each batch of a whole build.
public final class ProfileAppearances: @unchecked Sendable {
    /// What one page showed, noted while it renders on one thread.
    final class Reading: @unchecked Sendable {
        fileprivate(set) var summaries: Set<String> = []
        fileprivate(set) var titles: Set<String> = []
    }

    /// The page being rendered on this thread, when the build records.
    @TaskLocal static var reading: Reading?

    private var pages: [String] = []
    private var pageNumbers: [String: Int32] = [:]
    private var showingSummary: [String: Set<Int32>] = [:]
    private var showingTitle: [String: Set<Int32>] = [:]

    init() {}

    /// Renders a page, noting the profiles it shows.
    static func render(_ job: PageJob) -> (page: OutputFile, shown: Reading) {
        let reading = Reading()
        let page = $reading.withValue(reading) { job.render() }
        return (page, reading)
    }

    /// Notes that the page being rendered shows this profile's summary.
    static func noteSummary(_ slug: String) {
        reading?.summaries.insert(slug)
    }

    /// Notes that the page being rendered shows this profile's title.
    static func noteTitle(_ slug: String) {
        reading?.titles.insert(slug)
    }

    /// Records what a page showed. A page recorded again keeps what it showed before too,
    /// which can only make a rebuild render a page more than it needs.
    func record(page: String, showing shown: Reading) {
        guard !shown.summaries.isEmpty || !shown.titles.isEmpty else { return }
        let number: Int32
        if let known = pageNumbers[page] {
            number = known
        } else {
            number = Int32(pages.count)
            pageNumbers[page] = number
            pages.append(page)
        }
        for slug in shown.summaries { showingSummary[slug, default: []].insert(number) }
        for slug in shown.titles { showingTitle[slug, default: []].insert(number) }
    }

    /// The pages that show a profile's summary, in path order.
    func pages(showingSummaryOf slug: String) -> [String] {
        (showingSummary[slug] ?? []).map { pages[Int($0)] }.sorted()
    }

    /// The pages that show a profile's title, in path order.
    func pages(showingTitleOf slug: String) -> [String] {
        (showingTitle[slug] ?? []).map { pages[Int($0)] }.sorted()
    }
}
