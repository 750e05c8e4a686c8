import Foundation

/// Renders every HTML page of the site from the directory and the compiled templates.
public struct SiteRenderer: Sendable {
    public var templates: TemplateSet
    public var assets: AssetSet

    public init(templates: TemplateSet, assets: AssetSet) {
        self.templates = templates
        self.assets = assets
    }

    /// What every page is rendered with. `rendered`: the fragments already rendered, kept
    /// by the preview between rebuilds.
    func context(_ directory: Directory, matches: MatchResults, rendered: RenderedPartials? = nil) -> PageContext {
        PageContext(directory: directory, assets: assets, matches: matches,
                    markdown: MarkdownRenderer(basePath: directory.config.basePath, reservedIDs: templates.declaredIDs),
                    rendered: rendered ?? RenderedPartials(templates: templates))
    }

    /// One page per profile, a list per type, the home page and the 404 page, in path order.
    public func render(_ directory: Directory, matches: MatchResults? = nil) -> [OutputFile] {
        jobs(directory, matches: matches).parallelMap { $0.render() }
    }

    /// Every page of the site, not yet rendered, in path order.
    public func jobs(_ directory: Directory, matches: MatchResults? = nil) -> [PageJob] {
        jobs(context(directory, matches: matches ?? MatchResults(directory: directory)))
    }

    /// `only`: just the pages at these paths (a preview rebuild); the others are not even listed.
    func jobs(_ context: PageContext, only paths: Set<String>? = nil) -> [PageJob] {
        let directory = context.directory
        var jobs: [PageJob] = []
        func add(_ path: String, _ make: @escaping @Sendable () -> OutputFile) {
            if paths?.contains(path) ?? true { jobs.append(PageJob(path: path, make)) }
        }
        add("index.html") { home(context) }
        add("404.html") { notFound(context) }
        if templates.has("search") { add("search/index.html") { search(context) } }
        if templates.has("match"), paths?.contains(where: { $0.hasPrefix("match/") }) ?? true {
            jobs += matchJobs(context).filter { paths?.contains($0.path) ?? true }
        }
        // The job holds the slug, not a copy of the profile: at 100,000 profiles the copies
        // held by the listed jobs were a tenth of the memory before rendering.
        func addPage(_ type: ProfileType, _ slug: String) {
            add(Profile.path(type, slug) + "index.html") { page(for: context.directory.bySlug[slug]!, context) }
        }
        func addAreaPage(_ slug: String, _ page: Int) {
            add(ListPages.path(Profile.path(.area, slug), page: page) + "index.html") { areaPage(context.directory.bySlug[slug]!, page: page, context) }
        }
        for type in ProfileType.allCases {
            let profiles = directory.profiles(of: type)
            for page in 1...ListPages.count(profiles.count) {
                add(ListPages.path(type, page: page) + "index.html") { list(type, page: page, context) }
            }
            // A preview rebuild's few profile pages are found from their paths, below, not by
            // going through every profile, which took longer than rendering them.
            guard paths == nil else { continue }
            for index in profiles.indices {
                let slug = profiles[index].slug
                addPage(type, slug)
                for page in directory.laterPages(ofArea: slug) { addAreaPage(slug, page) }
            }
        }
        // `companies/x/index.html`, and an area's later pages, `areas/x/page/2/index.html`.
        for path in paths ?? [] {
            let parts = path.split(separator: "/")
            guard parts.last == "index.html", parts.count >= 3, let type = ProfileType(folder: String(parts[0])),
                  let profile = directory.bySlug[String(parts[1])], profile.type == type else { continue }
            if parts.count == 3 {
                addPage(type, profile.slug)
            } else if type == .area, parts.count == 5, parts[2] == "page", let page = Int(parts[3]), page > 1,
                      page <= directory.pageCount(ofArea: profile.slug) {
                addAreaPage(profile.slug, page)
            }
        }
        return jobs.sorted { $0.path < $1.path }
    }

    func page(for profile: Profile, _ context: PageContext) -> OutputFile {
        let html: String
        switch profile.type {
        case .area: html = area(profile, context)
        case .partnership: html = partnership(profile, context)
        default: html = organisation(profile, context)
        }
        return OutputFile(path: profile.path + "index.html", text: html)
    }

    func frame(_ context: PageContext, title: String, description: String, path: String,
                       crumbs: [(String, String)] = [], section: ProfileType? = nil, jsonLD: String? = nil,
                       _ extra: [String: Any]) -> PageValues {
        let values = context.page(title: title, description: description, path: path, breadcrumbs: crumbs, section: section, jsonLD: jsonLD)
            .merging(extra) { _, new in new }
        return PageValues(values: values, library: context.rendered.library(section: section) { values })
    }

    /// A profile's schema.org JSON-LD, for the head of its page.
    func jsonLD(_ profile: Profile, _ context: PageContext) -> String {
        StructuredData(directory: context.directory).jsonLD(for: profile)
    }

    func home(_ context: PageContext) -> OutputFile {
        let directory = context.directory
        let types = ProfileType.allCases.filter { $0 != .area }.map { type -> [String: Any] in
            ["title": type.pluralLabel, "url": context.url(type.folder + "/"), "count": directory.profiles(of: type).count,
             "description": type.listDescription]
        }
        let areas = directory.profiles(of: .area).map { area -> [String: Any] in
            var card = context.card(area)
            card["count"] = (directory.inArea[area.slug] ?? []).count
            return card
        }
        let html = templates.render("home", frame(context, title: directory.config.title, description: directory.config.description, path: "", [
            "types": types,
            "areas": areas,
            "recent_partnerships": directory.profiles(of: .partnership).prefix(3).map(context.card),
            "organisation_count": directory.organisations.count,
        ]))
        return OutputFile(path: "index.html", text: html)
    }

    /// Page `page` (from 1) of a type's list (`ListPages`).
    func list(_ type: ProfileType, page: Int = 1, _ context: PageContext) -> OutputFile {
        let directory = context.directory
        let all = directory.profiles(of: type)
        let pages = ListPages.count(all.count)
        let shown = ListPages.range(page: page, of: all.count)
        let items = all[shown].map { profile -> [String: Any] in
            var card = context.card(profile)
            if type == .area { card["count"] = (directory.inArea[profile.slug] ?? []).count }
            return card
        }
        var values: [String: Any] = [
            "type": ["title": type.pluralLabel, "singular": type.singularLabel, "description": type.listDescription,
                     "is_partnerships": type == .partnership] as [String: Any],
            "items": items,
            "count": all.count,
        ]
        if pages > 1 {
            values["pagination"] = pagination(page, of: pages, shown: shown, count: all.count, first: type.folder + "/",
                                              label: "Pages of \(type.pluralLabel)", context)
        }
        if type == .partnership, page == 1, let network = context.networkContext() { values["network"] = network }
        let path = ListPages.path(type, page: page)
        let title = page == 1 ? type.pluralLabel : "\(type.pluralLabel), page \(page) of \(pages)"
        let html = templates.render("list", frame(context, title: title, description: type.listDescription, path: path,
            crumbs: [(type.pluralLabel, type.folder + "/")] + (page == 1 ? [] : [("Page \(page)", path)]), section: type, values))
        return OutputFile(path: path + "index.html", text: html)
    }

    /// The `pagination` values of page `page` of a list shown in pages (`ListPages`) whose
    /// first page is at `first`, for `partials/pagination`; `label` names the navigation.
    func pagination(_ page: Int, of pages: Int, shown: Range<Int>, count: Int, first: String, label: String,
                    _ context: PageContext) -> [String: Any] {
        func neighbour(_ number: Int) -> Any {
            (1...pages).contains(number) ? ["url": context.url(ListPages.path(first, page: number)), "number": number] as [String: Any] : false
        }
        return ["page": page, "pages": pages, "first_item": shown.lowerBound + 1, "last_item": shown.upperBound, "count": count,
                "label": label, "previous": neighbour(page - 1), "next": neighbour(page + 1)]
    }

    func organisation(_ profile: Profile, _ context: PageContext) -> String {
        let directory = context.directory
        var data: [String: Any] = [
            "title": profile.title,
            "summary": profile.summary,
            "type_label": profile.type.singularLabel,
            "body_html": context.bodyHTML(profile),
            "areas": context.links(profile.areas),
            "offers": context.capabilities(profile.offers),
            "seeks": context.capabilities(profile.seeks),
            "tags": profile.tags,
            "aliases": profile.aliases,
            "facts": context.facts(profile),
            "partners": context.links(directory.partners[profile.slug] ?? []),
            "members": context.links(profile.members),
            "member_of": context.links(directory.memberOf[profile.slug] ?? []),
            "partnerships": (directory.partnershipsOf[profile.slug] ?? []).compactMap { directory.bySlug[$0] }.map(context.card),
        ]
        if let website = profile.website { data["website"] = website }
        if let email = profile.email { data["email"] = email }
        if let logo = profile.logo { data["logo_url"] = context.fileURL("assets/" + logo) }
        data.merge(context.matchContext(for: profile)) { _, new in new }
        return templates.render("organisation", frame(context, title: profile.title, description: profile.summary, path: profile.path,
            crumbs: [(profile.type.pluralLabel, profile.type.folder + "/"), (profile.title, profile.path)], section: profile.type,
            jsonLD: jsonLD(profile, context), ["profile": data]))
    }

    /// An area's page: its own text, then its organisations and partnerships grouped by type,
    /// 200 to a page (`ListPages`); the later pages (`areaPage`) list only the rest.
    func area(_ profile: Profile, page: Int = 1, _ context: PageContext) -> String {
        let directory = context.directory
        let all = directory.inArea[profile.slug] ?? []
        let pages = ListPages.count(all.count)
        let shown = ListPages.range(page: page, of: all.count)
        let members = all[shown].compactMap { directory.bySlug[$0] }
        let counts = directory.inAreaCounts[profile.slug] ?? [:]
        let groups = ProfileType.allCases.compactMap { type -> [String: Any]? in
            let items = members.filter { $0.type == type }
            return items.isEmpty ? nil : ["title": type.pluralLabel, "count": counts[type] ?? items.count, "items": items.map(context.card)]
        }
        let first = page == 1
        var data: [String: Any] = [
            "title": profile.title,
            "url": context.url(profile.path),
            "first_page": first,
            "groups": groups,
            "count": all.count,
        ]
        if first {
            data["summary"] = profile.summary
            data["body_html"] = context.bodyHTML(profile)
            data["synonyms"] = profile.synonyms
            data["related"] = context.links(directory.relatedAreas[profile.slug] ?? [])
        }
        if pages > 1 {
            data["pagination"] = pagination(page, of: pages, shown: shown, count: all.count, first: profile.path,
                                            label: "Pages of \(profile.title)", context)
        }
        let path = ListPages.path(profile.path, page: page)
        // A later page describes itself with the area's summary and title too, read so the
        // preview renders it again after an edit to them (`ProfileAppearances`); the JSON-LD
        // is the first page's.
        return templates.render("area", frame(context, title: first ? profile.title : "\(context.title(of: profile)), page \(page) of \(pages)",
            description: first ? profile.summary : context.summary(of: profile), path: path,
            crumbs: [(ProfileType.area.pluralLabel, "areas/"), (profile.title, profile.path)] + (first ? [] : [("Page \(page)", path)]),
            section: .area, jsonLD: first ? jsonLD(profile, context) : nil, ["area": data]))
    }

    /// Page `page` (from 2) of an area's page.
    func areaPage(_ profile: Profile, page: Int, _ context: PageContext) -> OutputFile {
        OutputFile(path: ListPages.path(profile.path, page: page) + "index.html", text: area(profile, page: page, context))
    }

    func partnership(_ profile: Profile, _ context: PageContext) -> String {
        var data: [String: Any] = [
            "title": profile.title,
            "summary": profile.summary,
            "body_html": context.bodyHTML(profile),
            "signed": profile.signed ?? "",
            "signed_display": DisplayDate.long(profile.signed ?? ""),
            "kind_label": ContentSchema.choiceLabel(profile.kind ?? "mou"),
            "status_label": ContentSchema.choiceLabel(profile.status ?? "active"),
            "is_ended": profile.status == "ended",
            "parties": profile.parties.compactMap { context.directory.bySlug[$0] }.map(context.card),
            "areas": context.links(profile.areas),
            "priorities": profile.priorities,
        ]
        if let website = profile.website { data["website"] = website }
        return templates.render("partnership", frame(context, title: profile.title, description: profile.summary, path: profile.path,
            crumbs: [(ProfileType.partnership.pluralLabel, "partnerships/"), (profile.title, profile.path)], section: .partnership,
            jsonLD: jsonLD(profile, context), ["partnership": data]))
    }

    /// The search page; its script fills the results, and the filter lists here also serve
    /// readers without JavaScript.
    func search(_ context: PageContext) -> OutputFile {
        let directory = context.directory
        let config = directory.config
        let regions = config.regions ?? Array(Set(directory.organisations.compactMap { $0.location?.region })).sorted()
        let html = templates.render("search", frame(context, title: "Search", description: "Search the directory by name, area of expertise or what an organisation offers.",
            path: "search/", crumbs: [("Search", "search/")], [
                "search_filters": [
                    "types": ProfileType.allCases.map { ["value": $0.rawValue, "label": $0.singularLabel] },
                    "areas": directory.profiles(of: .area).map { ["value": $0.slug, "label": context.title(of: $0)] },
                    "regions": regions.map { ["value": $0, "label": $0] },
                    "capabilities": config.capabilities.map { ["value": $0.slug, "label": $0.label] },
                ] as [String: Any],
            ]))
        return OutputFile(path: "search/index.html", text: html)
    }

    func notFound(_ context: PageContext) -> OutputFile {
        let html = templates.render("not-found", frame(context, title: "Page not found",
            description: "The page you asked for is not in the directory.", path: "404.html", [
                "types": ProfileType.allCases.map { ["title": $0.pluralLabel, "url": context.url($0.folder + "/")] },
            ]))
        return OutputFile(path: "404.html", text: html)
    }
}
