import Foundation

/// The Open Referral HSDS 3.0 export (docs/openreferral.md): static JSON files under
/// `openreferral/` at the paths of the HSDS API (`/organizations`, `/organizations/{id}`,
/// `/services`, `/services/{id}`, `/taxonomy_terms`, `/taxonomy_terms/{id}`, `/taxonomies`,
/// `/taxonomies/{id}`), with `.json` added, and `index.json` for the API's `/`.
/// A static host cannot read query parameters, so each list is one page holding everything.
enum HSDSExport {
    static let folder = "openreferral"
    static let version = "3.0"
    static let schemaBase = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"

    static func files(_ directory: Directory) -> [OutputFile] {
        let records = HSDSRecords(directory: directory)
        let organisations = directory.organisations.parallelMap { organisation($0, records) }
        return listFiles(records, summaries: organisations.map(\.summary), services: organisations.flatMap(\.services))
            + organisations.flatMap(\.files)
    }

    /// What one organisation contributes: its file, its services' files, and its items in
    /// the lists.
    struct Organisation: Sendable {
        var files: [OutputFile]
        var summary: OpenDataJSON
        var services: [OpenDataJSON]
    }

    static func organisation(_ profile: Profile, _ records: HSDSRecords) -> Organisation {
        let id = HSDSIdentifiers.organization(profile.slug)
        // Parts shared by several files are written once.
        let summary = records.organizationSummary(profile, id: id)
        let encodedSummary = summary.encoded()
        let services = records.services(profile, organizationID: id)
        let organization = records.organization(profile, id: id, summary: summary, services: services.map { $0.nested.encoded() })
        var files = [OutputFile(path: "\(folder)/organizations/\(id).json", data: organization.data)]
        for service in services {
            files.append(OutputFile(path: "\(folder)/services/\(service.id).json",
                                    data: service.nested.adding(["organization": encodedSummary]).data))
        }
        return Organisation(files: files, summary: encodedSummary, services: services.map { $0.summary.encoded() })
    }

    /// The files that list every organisation, service and term, and the taxonomy's, given the
    /// organisations' summaries and their services' summaries in directory order.
    static func listFiles(_ records: HSDSRecords, summaries: [OpenDataJSON], services: [OpenDataJSON]) -> [OutputFile] {
        [OutputFile(path: organizationsPath, data: page(summaries).data), OutputFile(path: servicesPath, data: page(services).data)]
            + otherListFiles(records, organisations: summaries.count, services: services.count)
    }

    static let organizationsPath = "\(folder)/organizations.json"
    static let servicesPath = "\(folder)/services.json"

    /// The list files other than the organisations' and services', given their counts.
    static func otherListFiles(_ records: HSDSRecords, organisations: Int, services: Int) -> [OutputFile] {
        let directory = records.directory
        let areas = directory.profiles(of: .area)
        var files: [OutputFile] = []
        files.append(OutputFile(path: "\(folder)/taxonomy_terms.json", data: page(areas.compactMap { records.terms[$0.slug] }).data))
        files.append(OutputFile(path: "\(folder)/taxonomies.json", data: page([records.taxonomy]).data))
        files.append(OutputFile(path: "\(folder)/taxonomies/\(HSDSIdentifiers.taxonomy).json", data: records.taxonomy.data))
        for area in areas {
            files.append(OutputFile(path: "\(folder)/taxonomy_terms/\(HSDSIdentifiers.taxonomyTerm(area.slug)).json",
                                    data: records.term(area).data))
        }
        files.append(OutputFile(path: "\(folder)/index.json", data: index(directory, origin: records.origin,
                                                                          organisations: organisations,
                                                                          services: services, terms: areas.count).data))
        return files
    }

    /// A list response as the HSDS API pages it, here always one page with every item.
    static func page(_ contents: [OpenDataJSON]) -> OpenDataJSON {
        page(.array(contents), count: contents.count)
    }

    /// The page, given its contents' array and how many items it holds.
    static func page(_ contents: OpenDataJSON, count: Int) -> OpenDataJSON {
        .object([
            "contents": contents,
            "empty": .bool(count == 0),
            "first_page": .bool(true),
            "last_page": .bool(true),
            "page_number": .int(1),
            "size": .int(count),
            "total_items": .int(count),
            "total_pages": .int(1),
        ])
    }

    /// The API's `/`: the HSDS version, plus what this static export holds and where.
    static func index(_ directory: Directory, origin: String, organisations: Int, services: Int, terms: Int) -> OpenDataJSON {
        let base = origin + folder + "/"
        func endpoint(_ path: String, _ file: String, _ schema: String, count: Int? = nil) -> OpenDataJSON {
            .object([
                "path": .string(path),
                "schema": .string(schemaBase + schema),
                "total_items": count.map(OpenDataJSON.int),
                "url": .string(base + file),
            ])
        }
        return .object([
            "description": .string(directory.config.description),
            "endpoints": .array([
                endpoint("/", "index.json", "openapi.json"),
                endpoint("/organizations", "organizations.json", "compiled/organization_list.json", count: organisations),
                endpoint("/organizations/{id}", "organizations/{id}.json", "compiled/organization.json"),
                endpoint("/services", "services.json", "compiled/service_list.json", count: services),
                endpoint("/services/{id}", "services/{id}.json", "compiled/service.json"),
                endpoint("/taxonomy_terms", "taxonomy_terms.json", "taxonomy_term.json", count: terms),
                endpoint("/taxonomy_terms/{id}", "taxonomy_terms/{id}.json", "taxonomy_term.json"),
                endpoint("/taxonomies", "taxonomies.json", "taxonomy.json", count: 1),
                endpoint("/taxonomies/{id}", "taxonomies/{id}.json", "taxonomy.json"),
            ]),
            "id_namespace": .string(HSDSIdentifiers.namespace.uuidString.lowercased()),
            "notes": .string("A static export of the HSDS API: each path is a file with .json added; "
                + "query parameters are not read, so each list is one page with every item. "
                + "Organisations are the directory's institutions, NHS trusts, networks and companies; "
                + "services are what each offers; taxonomy terms are its areas of expertise."),
            "openapi_url": .string(schemaBase + "openapi.json"),
            "publisher_url": .string(origin),
            "title": .string(directory.config.title),
            "version": .string(version),
        ])
    }
}
