import Foundation

/// Builds the plain dictionaries that templates see. Every key a template may use is made
/// here; `docs/templates.md` lists them. Absent values are left out, so `{{#key}}` hides them.
struct PageContext {
    let directory: Directory
    let assets: [String: String]
    let basePath: String
    let matches: MatchResults
    let openGraphLocale: String
    /// The renderer the parse stage checked the bodies with, so a body becomes the same HTML.
    let markdown: MarkdownRenderer
    let rendered: RenderedPartials
    private let fixed: FixedValues

    init(directory: Directory, assets: AssetSet, matches: MatchResults, markdown: MarkdownRenderer,
         rendered: RenderedPartials = RenderedPartials(templates: nil)) {
        self.directory = directory
        self.rendered = rendered
        self.matches = matches
        self.markdown = markdown
        self.openGraphLocale = Self.openGraphLocale(directory.config.language)
        self.basePath = directory.config.basePath
        self.assets = assets.paths.mapValues { directory.config.basePath + $0 }
        self.fixed = FixedValues(config: directory.config, openGraphLocale: openGraphLocale)
    }

    func url(_ path: String) -> String { basePath + path }

    /// The body as HTML: kept from the parse stage in builds small enough to afford it
    /// (`SiteBuilder.bodyHTMLKeptUpTo`), made again here otherwise.
    func bodyHTML(_ profile: Profile) -> String { profile.bodyHTML ?? markdown.render(profile.body).html }

    /// A URL for a file whose name an editor chose (`logos/Lab logo #2.svg`): each segment
    /// percent-encoded, so spaces, `#` and `?` stay part of the path.
    func fileURL(_ path: String) -> String {
        basePath + Self.encodedPath(path)
    }

    /// A site-relative file path with each segment percent-encoded (see `fileURL`).
    static func encodedPath(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#;")
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }
            .joined(separator: "/")
    }

    /// `og:locale` from the site's BCP 47 language: `en-GB` -> `en_GB`, `cy` -> `cy`. A script
    /// subtag is dropped (`zh-Hant-TW` -> `zh_TW`): Open Graph locales are language_TERRITORY.
    static func openGraphLocale(_ language: String) -> String {
        let parts = language.split(separator: "-").map(String.init)
        guard let primary = parts.first?.lowercased(), !primary.isEmpty else { return "en_GB" }
        let region = parts.dropFirst().first { $0.count == 2 && $0.allSatisfy(\.isLetter) }
        return region.map { "\(primary)_\($0.uppercased())" } ?? primary
    }

    /// The keys every page has: site, page, nav, assets. `jsonLD` is a profile's schema.org
    /// JSON-LD, already serialised and safe inside `<script>` (see `StructuredData`).
    func page(title: String, description: String, path: String, breadcrumbs: [(String, String)], section: ProfileType? = nil,
              jsonLD: String? = nil) -> [String: Any] {
        let config = directory.config
        var crumbs: [[String: Any]] = [["title": "Home", "url": url("")]]
        crumbs += breadcrumbs.map { ["title": $0.0, "url": url($0.1)] }
        // The last crumb is the page itself: shown, not linked.
        if crumbs.count > 1 { crumbs[crumbs.count - 1]["current"] = true }
        var page: [String: Any] = [
            "title": title,
            "description": description,
            "canonical": path == "404.html" ? false : config.origin + path,
            "is_home": path.isEmpty,
            "breadcrumbs": path.isEmpty ? [] : crumbs,
        ]
        if let jsonLD { page["json_ld"] = jsonLD }
        return ["site": fixed.site, "page": page, "nav": fixed.nav[section] ?? [], "assets": assets]
    }

    func link(_ profile: Profile) -> [String: Any] {
        ["title": title(of: profile), "url": url(profile.path), "type_label": profile.type.singularLabel, "slug": profile.slug]
    }

    func links(_ slugs: [String]) -> [[String: Any]] {
        slugs.compactMap { directory.bySlug[$0] }.map(link)
    }

    /// A profile's summary shown on another page than its own: noted for the preview's
    /// rebuilds (`ProfileAppearances`), so the pages showing it are found after an edit to it.
    func summary(of profile: Profile) -> String {
        ProfileAppearances.noteSummary(profile.slug)
        return profile.summary
    }

    /// A profile's title shown on another page than its own, noted as `summary(of:)` is.
    func title(of profile: Profile) -> String {
        ProfileAppearances.noteTitle(profile.slug)
        return profile.title
    }

    /// A profile as a card in a list: its values, and `card_html`, the card partial already
    /// rendered with them (`RenderedPartials`), which the bundled pages write.
    func card(_ profile: Profile) -> [String: Any] {
        var card = cardValues(profile)
        if let html = rendered.html("card", for: profile.slug, values: { card }) { card["card_html"] = html }
        return card
    }

    /// Every key the card partial reads is set, `false` when absent, so a card never picks up
    /// a value from the page around it.
    func cardValues(_ profile: Profile) -> [String: Any] {
        var card = link(profile)
        card["summary"] = summary(of: profile)
        card["areas"] = links(profile.areas)
        card["signed"] = profile.signed ?? false
        card["signed_display"] = profile.signed.map(DisplayDate.long) ?? false
        card["parties"] = profile.type == .partnership ? links(profile.parties) : []
        card["is_ended"] = profile.status == "ended"
        card["city"] = profile.location?.city ?? false
        return card
    }

    func capabilities(_ slugs: [String]) -> [[String: Any]] {
        slugs.map { ["slug": $0, "label": directory.config.capabilityLabel($0)] }
    }

    /// The summary-list rows of an organisation's facts, in a fixed order.
    func facts(_ profile: Profile) -> [[String: Any]] {
        var rows: [(String, String)] = [("Type", profile.type.singularLabel)]
        if let kind = profile.kind { rows.append(("Kind", ContentSchema.choiceLabel(kind))) }
        if let stage = profile.stage { rows.append(("Stage", ContentSchema.choiceLabel(stage))) }
        if let founded = profile.founded { rows.append(("Founded", String(founded))) }
        if let maturity = profile.maturity { rows.append(("Maturity", ContentSchema.choiceLabel(maturity))) }
        if let tier = profile.evidenceTier { rows.append(("NICE evidence tier", ContentSchema.choiceLabel(tier))) }
        if let ods = profile.ods { rows.append(("NHS ODS code", ods)) }
        if let ukprn = profile.ukprn { rows.append(("UKPRN", ukprn)) }
        if let number = profile.companiesHouse { rows.append(("Companies House number", number)) }
        if let location = profile.location {
            let place = [location.city, location.region, location.postcode].compactMap { $0 }.joined(separator: ", ")
            if !place.isEmpty { rows.append(("Location", place)) }
        }
        if let updated = profile.updated { rows.append(("Profile reviewed", DisplayDate.long(updated))) }
        return rows.map { ["label": $0.0, "value": $0.1] }
    }
}

/// Dates as people read them: 2025-06-12 -> 12 June 2025.
enum DisplayDate {
    static let months = ["January", "February", "March", "April", "May", "June", "July",
                         "August", "September", "October", "November", "December"]

    static func long(_ date: String) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return date }
        return "\(parts[2]) \(months[parts[1] - 1]) \(parts[0])"
    }
}

/// The `site` values and each section's `nav`: the same on every page, so made once rather
/// than for each of them. Unchecked: dictionaries of strings and booleans, never changed
/// after `init`, read by the render threads.
private struct FixedValues: @unchecked Sendable {
    let site: [String: Any]
    let nav: [ProfileType?: [[String: Any]]]

    init(config: SiteConfig, openGraphLocale: String) {
        let basePath = config.basePath
        self.site = [
            "title": config.title,
            "description": config.description,
            "language": config.language,
            "og_locale": openGraphLocale,
            "home_url": basePath,
            "base_path": basePath,
            "search_url": basePath + "search/",
            "match_url": basePath + "match/",
            "feed_url": basePath + PartnershipFeed.path,
        ]
        let sections: [ProfileType?] = [nil] + ProfileType.allCases
        self.nav = Dictionary(uniqueKeysWithValues: sections.map { section in
            (section, ProfileType.allCases.map { type -> [String: Any] in
                ["title": type.pluralLabel, "url": basePath + type.folder + "/", "current": type == section]
            })
        })
    }
}
