/// `/match/`: the coverage grid of areas against organisation types, and for each area (and
/// each area with a capability) a prebuilt page of the partners with expertise beside the
/// companies working in it, so the page works without JavaScript.
extension SiteRenderer {
    /// The companies column lists this many; the area's own page lists them all. Without a
    /// cap every capability page would repeat thousands of companies at national scale.
    static let companiesShown = 50
    /// The partners column lists the best this many, and links to the area's page for the
    /// rest: a longer list helps nobody choose, and every area page was repeated for each
    /// capability, so at 10,000 profiles these pages were a sixth of the build's work.
    static let partnersShown = 50
    static let gridTypes: [ProfileType] = [.institution, .trust, .network, .company]

    func matchJobs(_ context: PageContext) -> [PageJob] {
        let directory = context.directory
        let companiesInArea = Self.companiesInArea(directory)
        var jobs = [PageJob(path: "match/index.html") { matchIndex(context) }]
        for area in directory.profiles(of: .area) {
            let companies = companiesInArea[area.slug] ?? []
            jobs.append(PageJob(path: "match/\(area.slug)/index.html") { matchArea(area, capability: nil, companies: companies, context) })
            for capability in directory.config.capabilities.map(\.slug) {
                jobs.append(PageJob(path: "match/\(area.slug)/\(capability)/index.html") {
                    matchArea(area, capability: capability, companies: companies, context)
                })
            }
        }
        return jobs
    }

    /// Slugs of the companies in each area, in title order. Made once for all match pages:
    /// a page per area and capability would otherwise copy every profile in the area to find them.
    static func companiesInArea(_ directory: Directory) -> [String: [String]] {
        var companiesInArea: [String: [String]] = [:]
        let companies = directory.profiles(of: .company)
        for index in companies.indices {
            for area in companies[index].areas where directory.bySlug.contains(area) {
                companiesInArea[area, default: []].append(companies[index].slug)
            }
        }
        return companiesInArea
    }

    func matchIndex(_ context: PageContext) -> OutputFile {
        let directory = context.directory
        let areas = directory.profiles(of: .area)
        let counts = areas.map { area in
            Self.gridTypes.map { type in directory.inAreaCounts[area.slug]?[type] ?? 0 }
        }
        let highest = max(counts.joined().max() ?? 1, 1)
        let rows = zip(areas, counts).map { area, row -> [String: Any] in
            [
                "title": context.title(of: area),
                "url": context.url(area.path),
                "match_url": context.url("match/\(area.slug)/"),
                "cells": zip(Self.gridTypes, row).map { type, count -> [String: Any] in
                    // Five shades for the heat map; the number is always shown too.
                    let level: Int = count == 0 ? 0 : 1 + (count * 4 - 1) / highest
                    let cell: [String: Any] = ["count": count, "has_count": count > 0, "type": type.pluralLabel,
                                               "level": level, "url": context.url(area.path)]
                    return cell
                },
            ]
        }
        let html = templates.render("match", frame(context, title: "Find partners", description:
            "Which organisations in the directory have expertise in each area, and which companies work in it.",
            path: "match/", crumbs: [("Find partners", "match/")], [
                "columns": Self.gridTypes.map { ["title": $0.pluralLabel] },
                "rows": rows,
            ]))
        return OutputFile(path: "match/index.html", text: html)
    }

    /// `companies`: the slugs of the area's companies, in title order (`companiesInArea`).
    func matchArea(_ area: Profile, capability: String?, companies allCompanies: [String], _ context: PageContext) -> OutputFile {
        let directory = context.directory
        let config = directory.config
        let engine = context.matches.engine
        let base = engine.partners(in: area.slug)
        let ranked = capability == nil ? base : engine.partners(in: area.slug, offering: capability)
        let baseScores = Dictionary(uniqueKeysWithValues: base.map { ($0.partner, $0.score) })
        let baseOrder = Dictionary(uniqueKeysWithValues: base.enumerated().map { ($1.partner, $0) })
        let partners = ranked.prefix(Self.partnersShown).compactMap { suggestion -> [String: Any]? in
            guard let partner = directory.bySlug[suggestion.partner] else { return nil }
            var item = context.link(partner)
            item["summary"] = context.summary(of: partner)
            item["offers"] = context.capabilities(partner.offers)
            if let html = context.rendered.html("match-partner", for: partner.slug, values: { item }) { item["partner_html"] = html }
            item["score"] = context.scoreText(suggestion.score)
            item["base_score"] = String(baseScores[suggestion.partner] ?? suggestion.score)
            item["base_order"] = baseOrder[suggestion.partner] ?? 0
            item["offer_slugs"] = partner.offers.joined(separator: " ")
            item["offers_selected"] = capability.map { partner.offers.contains($0) } ?? false
            return item
        }
        let companies = allCompanies.prefix(Self.companiesShown).compactMap { directory.bySlug[$0] }
            .map { company -> [String: Any] in
                // No summary: the row names the company and what it seeks, and a summary here
                // would put every match page of its areas among the pages its edits re-render.
                var item = context.link(company)
                item["seeks"] = context.capabilities(company.seeks)
                item["maturity_label"] = company.maturity.map(ContentSchema.choiceLabel) ?? false
                if let html = context.rendered.html("match-company", for: company.slug, values: { item }) { item["company_html"] = html }
                return item
            }
        let areaURL = "match/\(area.slug)/"
        let path = capability.map { areaURL + "\($0)/" } ?? areaURL
        let choices: [[String: Any]] = [["label": "Any", "slug": "", "url": context.url(areaURL), "selected": capability == nil]]
            + config.capabilities.map { ["label": $0.label, "slug": $0.slug, "url": context.url(areaURL + "\($0.slug)/"), "selected": $0.slug == capability] }
        let capabilityLabel = capability.map(config.capabilityLabel)
        let areaTitle = context.title(of: area)
        let title = "Partners in \(areaTitle)" + (capabilityLabel.map { " offering \($0.lowercased())" } ?? "")
        let html = templates.render("match-area", frame(context, title: title,
            description: "Organisations with expertise in \(areaTitle.lowercased()), and the companies working in it.", path: path,
            crumbs: [("Find partners", "match/"), (areaTitle, areaURL)] + (capabilityLabel.map { [($0, path)] } ?? []), [
                "area": ["title": areaTitle, "url": context.url(area.path), "summary": context.summary(of: area), "match_url": context.url(areaURL)] as [String: Any],
                "capabilities": choices,
                "capability_label": capabilityLabel ?? false,
                "partners": partners,
                "partner_count": ranked.count,
                // A cut list cannot be re-ranked in place (match.js): the choices load their pages.
                "partners_complete": ranked.count <= Self.partnersShown,
                "more_partners": ranked.count > Self.partnersShown ? ranked.count - Self.partnersShown : false,
                "companies": Array(companies),
                "more_companies": allCompanies.count > Self.companiesShown ? allCompanies.count - Self.companiesShown : false,
            ]))
        return OutputFile(path: path + "index.html", text: html)
    }
}
