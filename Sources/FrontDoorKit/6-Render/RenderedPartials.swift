import Foundation
import Mustache

/// A profile's fragments (its card, its rows on the match pages) rendered once from their
/// partials and reused. A card appears on its type's list, on the page of each of its areas
/// and beside its partnerships; a partner's row on every capability page of each of its
/// areas (about 680 match pages of up to 50 rows each at any size). Each Mustache lookup
/// costs the same however often its answer repeats.
///
/// A fragment's values set every key its partial reads (`PageContext.cardValues`), so the
/// fragment rendered alone is the same bytes as the partial rendered inside a page.
///
/// The fragments kept are capped at `budget` bytes; past it, a fragment is rendered each time
/// it is shown, as without the cache. At 10,000 profiles all of them fit; the cap keeps the
/// cache from growing with the directory at national scale, where the build must stay under
/// 1 GiB (at 100,000 profiles it peaks at 859 MiB, while links are checked).
final class RenderedPartials: @unchecked Sendable {
    static let budget = 48 << 20
    private let templates: TemplateSet?
    private let lock = NSLock()
    /// Partial name -> profile slug -> HTML.
    private var fragments: [String: [String: String]] = [:]
    private var bytes = 0
    /// Section (a type's raw value, or "" for none) -> the templates with the partials of
    /// `TemplateSet.sectionPartials` rendered for that section.
    private var sectionLibraries: [String: MustacheLibrary] = [:]

    /// No templates: nothing rendered, and the `*_html` keys are left out.
    init(templates: TemplateSet?) {
        self.templates = templates
    }

    /// `partials/<partial>` rendered for the profile with this slug; `values` makes its
    /// context the first time. Nil when the templates have no such partial.
    func html(_ partial: String, for slug: String, values: () -> [String: Any]) -> String? {
        guard let templates, templates.hasPartial(partial) else { return nil }
        if let cached = lock.withLock({ fragments[partial]?[slug] }) { return cached }
        let html = templates.renderPartial(partial, values())
        lock.withLock {
            guard bytes + html.utf8.count <= Self.budget, fragments[partial]?[slug] == nil else { return }
            fragments[partial, default: [:]][slug] = html
            bytes += html.utf8.count
        }
        return html
    }

    /// The templates to render a page of `section` with: the partials that are the same on
    /// every page of the section already rendered, from `values` (any such page's values)
    /// the first time. Nil when there are none (`SectionPartials`).
    func library(section: ProfileType?, values: () -> [String: Any]) -> MustacheLibrary? {
        guard let templates, !templates.sectionPartials.isEmpty else { return nil }
        let key = section?.rawValue ?? ""
        if let library = lock.withLock({ sectionLibraries[key] }) { return library }
        let library = templates.withFixed(sectionPartialsFor: values())
        return lock.withLock {
            if let first = sectionLibraries[key] { return first }
            sectionLibraries[key] = library
            return library
        }
    }

    /// Drops a profile's fragments, after an edit to it (`IncrementalBuilder`).
    func forget(_ slug: String) {
        lock.withLock {
            for partial in fragments.keys {
                if let html = fragments[partial]?.removeValue(forKey: slug) { bytes -= html.utf8.count }
            }
        }
    }
}
