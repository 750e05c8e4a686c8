import Foundation

/// Maps the directory onto Open Referral HSDS 3.0 objects (docs/openreferral.md):
/// organisations become `organization`s, what each offers becomes its `service`s, areas
/// become the `taxonomy_term`s of one `taxonomy`, and both are linked to areas through
/// `attribute`s. Partnerships and areas have no HSDS organisation and are left out.
struct HSDSRecords: Sendable {
    static let taxonomyName = "FrontDoor areas of expertise"
    /// What an attribute linking a record to an area says (HSDS leaves the code list open).
    static let areaLinkType = "area_of_expertise"
    /// The organisation identifiers, as org-id.guide schemes.
    static let identifierSchemes: [(scheme: String, type: String, value: @Sendable (Profile) -> String?)] = [
        ("GB-NHS", "NHS ODS code", { $0.ods }),
        ("GB-UKPRN", "UK Provider Reference Number (UKPRN)", { $0.ukprn }),
        ("GB-COH", "Companies House number", { $0.companiesHouse }),
    ]

    let directory: Directory
    let origin: String
    /// ISO 639-1 code of the site's language (`en-GB` -> `en`).
    let language: String
    /// Each area's term, written once: every attribute nests it in full.
    let terms: [String: OpenDataJSON]
    let termIDs: [String: String]

    init(directory: Directory) {
        self.directory = directory
        let origin = directory.config.origin
        self.origin = origin
        let language = directory.config.language.split(separator: "-").first.map { $0.lowercased() } ?? "en"
        self.language = language
        var terms: [String: OpenDataJSON] = [:], termIDs: [String: String] = [:]
        for area in directory.profiles(of: .area) {
            let id = HSDSIdentifiers.taxonomyTerm(area.slug)
            termIDs[area.slug] = id
            terms[area.slug] = OpenDataJSON.object([
                "code": .string(area.slug),
                "description": .string(area.summary),
                "id": .string(id),
                "language": .string(language),
                "name": .string(area.title),
                "taxonomy": .string(Self.taxonomyName),
                "taxonomy_id": .string(HSDSIdentifiers.taxonomy),
                "term_uri": .string(origin + area.path),
            ]).encoded()
        }
        self.terms = terms
        self.termIDs = termIDs
    }

    // MARK: Taxonomy

    var taxonomy: OpenDataJSON {
        .object([
            "description": .string("The areas of expertise of \(directory.config.title): \(ProfileType.area.listDescription)"),
            "id": .string(HSDSIdentifiers.taxonomy),
            "name": .string(Self.taxonomyName),
            "uri": .string(origin + ProfileType.area.folder + "/"),
        ])
    }

    /// A term in full, with its taxonomy (`/taxonomy_terms/{id}`).
    func term(_ area: Profile) -> OpenDataJSON {
        .object([
            "code": .string(area.slug),
            "description": .string(area.summary),
            "id": .string(HSDSIdentifiers.taxonomyTerm(area.slug)),
            "language": .string(language),
            "name": .string(area.title),
            "taxonomy": .string(Self.taxonomyName),
            "taxonomy_detail": taxonomy,
            "taxonomy_id": .string(HSDSIdentifiers.taxonomy),
            "term_uri": .string(origin + area.path),
        ])
    }

    /// Links from a record to the terms of its areas.
    func attributes(linking id: String, entity: String, owner: String, areas: [String]) -> [OpenDataJSON] {
        areas.compactMap { area in
            guard let term = terms[area], let termID = termIDs[area] else { return nil }
            return .object([
                "id": .string(HSDSIdentifiers.attribute(owner: owner, area: area)),
                "link_entity": .string(entity),
                "link_id": .string(id),
                "link_type": .string(Self.areaLinkType),
                "taxonomy_term": term,
                "taxonomy_term_id": .string(termID),
            ])
        }
    }

    // MARK: Organizations

    /// The one-to-one fields (`/organizations` list items, and a service's `organization`).
    func organizationSummary(_ profile: Profile, id: String) -> OpenDataJSON {
        .object([
            "alternate_name": .text(profile.aliases.first),
            "description": .string(profile.summary),
            "email": .text(profile.email),
            "id": .string(id),
            "logo": .text(profile.logo.map { origin + "assets/" + PageContext.encodedPath($0) }),
            "name": .string(profile.title),
            "uri": .string(origin + profile.path),
            "website": .text(profile.website),
            "year_incorporated": profile.founded.map(OpenDataJSON.int),
        ])
    }

    /// The fully nested organisation (`/organizations/{id}`), with its services.
    func organization(_ profile: Profile, id: String, summary: OpenDataJSON, services: [OpenDataJSON]) -> OpenDataJSON {
        summary.adding([
            "attributes": .array(attributes(linking: id, entity: "organization", owner: "organization/\(profile.slug)", areas: profile.areas)),
            "locations": .array(location(profile, organizationID: id).map { [$0] } ?? []),
            "organization_identifiers": .array(identifiers(profile, organizationID: id)),
            "services": .array(services),
        ])
    }

    func identifiers(_ profile: Profile, organizationID: String) -> [OpenDataJSON] {
        Self.identifierSchemes.compactMap { entry in
            guard let value = entry.value(profile), !value.isEmpty else { return nil }
            return .object([
                "id": .string(HSDSIdentifiers.organizationIdentifier(profile.slug, scheme: entry.scheme)),
                "identifier": .string(value),
                "identifier_scheme": .string(entry.scheme),
                "identifier_type": .string(entry.type),
                "organization_id": .string(organizationID),
            ])
        }
    }

    /// Where the organisation is: a physical location named after its city and region,
    /// with a postal address when the city is known. The content has no street, so
    /// `address_1` repeats the city; a missing region or postcode is an empty string (the
    /// schema requires the keys).
    func location(_ profile: Profile, organizationID: String) -> OpenDataJSON? {
        guard let place = profile.location else { return nil }
        let city = place.city.flatMap { $0.isEmpty ? nil : $0 }
        let region = place.region.flatMap { $0.isEmpty ? nil : $0 }
        let name = [city, region].compactMap { $0 }.joined(separator: ", ")
        guard !name.isEmpty || place.postcode != nil else { return nil }
        let locationID = HSDSIdentifiers.location(profile.slug)
        var address: OpenDataJSON?
        if let city {
            address = .object([
                "address_1": .string(city),
                "address_type": .string("physical"),
                "city": .string(city),
                "country": .string("GB"),
                "id": .string(HSDSIdentifiers.address(profile.slug)),
                "location_id": .string(locationID),
                "postal_code": .string(place.postcode ?? ""),
                "state_province": .string(region ?? ""),
            ])
        }
        return .object([
            "addresses": .array(address.map { [$0] } ?? []),
            "id": .string(locationID),
            "location_type": .string("physical"),
            "name": .text(name.isEmpty ? place.postcode : name),
            "organization_id": .string(organizationID),
        ])
    }

    // MARK: Services

    /// One service per capability the organisation offers: the one-to-one fields (list
    /// items) and the nested form (with its area attributes).
    func services(_ profile: Profile, organizationID: String) -> [(id: String, summary: OpenDataJSON, nested: OpenDataJSON)] {
        var seen: Set<String> = []
        return profile.offers.compactMap { capability in
            guard seen.insert(capability).inserted else { return nil }
            let name = HSDSIdentifiers.serviceName(organization: profile.slug, capability: capability)
            let id = HSDSIdentifiers.id(name)
            let label = directory.config.capabilityLabel(capability)
            let summary = OpenDataJSON.object([
                "assured_date": .text(profile.updated),
                "description": .string("\(profile.title) offers \(Self.lowercasedLabel(label)) to companies and other organisations."),
                "email": .text(profile.email),
                "id": .string(id),
                "name": .string(label),
                "organization_id": .string(organizationID),
                "status": .string("active"),
                "url": .string(origin + profile.path),
            ])
            let nested = summary.adding([
                "attributes": OpenDataJSON.array(attributes(linking: id, entity: "service", owner: name, areas: profile.areas)).encoded(),
            ])
            return (id, summary, nested)
        }
    }

    /// `Clinical trials` -> `clinical trials`, leaving acronyms (`NHS access`) alone.
    static func lowercasedLabel(_ label: String) -> String {
        let characters = Array(label)
        guard characters.count > 1, characters[0].isUppercase, !characters[1].isUppercase else { return label }
        return characters[0].lowercased() + String(characters.dropFirst())
    }
}
