import Foundation

/// `directory.json` (docs/directory-json.md): the whole published directory in one file,
/// for people and programs that want every field: site settings and vocabularies, areas,
/// organisations and partnerships, with links resolved both ways. No build time, so the
/// same content always gives the same bytes.
enum DirectoryJSON {
    static let path = "directory.json"
    static let format = "frontdoor-directory"
    /// Raised when a key is renamed or removed, or its meaning changes; new keys keep it.
    static let version = 1

    static func file(_ directory: Directory) -> OutputFile {
        let organisations = directory.organisations.parallelMap { organisation($0, directory).encoded() }
        return file(directory, organisations: organisations)
    }

    /// The file, given each organisation's entry (`organisation`) in directory order: they
    /// are written in parallel, and the document only joins them.
    static func file(_ directory: Directory, organisations: [OpenDataJSON]) -> OutputFile {
        OutputFile(path: path, data: document(directory, organisations: .array(organisations), count: organisations.count).data)
    }

    /// The document, given the organisations' array and how many it holds.
    static func document(_ directory: Directory, organisations: OpenDataJSON, count: Int) -> OpenDataJSON {
        let config = directory.config
        let origin = config.origin
        return .object([
            "areas": .array(directory.profiles(of: .area).parallelMap { area($0, directory, origin: origin).encoded() }),
            "capabilities": .array(config.capabilities.map { .object(["slug": .string($0.slug), "label": .string($0.label)]) }),
            "counts": .object([
                "areas": .int(directory.profiles(of: .area).count),
                "companies": .int(directory.profiles(of: .company).count),
                "institutions": .int(directory.profiles(of: .institution).count),
                "networks": .int(directory.profiles(of: .network).count),
                "organisations": .int(count),
                "partnerships": .int(directory.profiles(of: .partnership).count),
                "trusts": .int(directory.profiles(of: .trust).count),
            ]),
            "format": .string(format),
            "generated_from": .string(config.baseURL),
            "organisations": organisations,
            "partnerships": .array(directory.profiles(of: .partnership).parallelMap { partnership($0, directory, origin: origin).encoded() }),
            "regions": config.regions.map(OpenDataJSON.strings) ?? .null,
            "site": .object([
                "base_url": .string(config.baseURL),
                "description": .string(config.description),
                "language": .string(config.language),
                "title": .string(config.title),
            ]),
            "version": .int(version),
        ])
    }

    /// The keys every profile has.
    private static func common(_ profile: Profile, origin: String) -> OpenDataJSON {
        .object([
            "body": .string(profile.body),
            "draft": .bool(profile.draft),
            "slug": .string(profile.slug),
            "summary": .string(profile.summary),
            "title": .string(profile.title),
            "type": .string(profile.type.rawValue),
            "url": .string(origin + profile.path),
        ])
    }

    static func area(_ profile: Profile, _ directory: Directory, origin: String) -> OpenDataJSON {
        common(profile, origin: origin).adding([
            "profiles": .strings(directory.inArea[profile.slug] ?? []),
            "related": .strings(directory.relatedAreas[profile.slug] ?? []),
            "related_listed": .strings(profile.related),
            "synonyms": .strings(profile.synonyms),
        ])
    }

    static func organisation(_ profile: Profile, _ directory: Directory) -> OpenDataJSON {
        let origin = directory.config.origin
        let location: OpenDataJSON = profile.location.map { place in
            .object([
                "city": place.city.map(OpenDataJSON.string) ?? .null,
                "postcode": place.postcode.map(OpenDataJSON.string) ?? .null,
                "region": place.region.map(OpenDataJSON.string) ?? .null,
            ])
        } ?? .null
        func optional(_ text: String?) -> OpenDataJSON { text.map(OpenDataJSON.string) ?? .null }
        let shared = common(profile, origin: origin).adding([
            "aliases": .strings(profile.aliases),
            "areas": .strings(profile.areas),
            "email": optional(profile.email),
            "location": location,
            "logo": optional(profile.logo),
            "logo_url": optional(profile.logo.map { origin + "assets/" + PageContext.encodedPath($0) }),
            "member_of": .strings(directory.memberOf[profile.slug] ?? []),
            "offers": .strings(profile.offers),
            "partners": .strings(directory.partners[profile.slug] ?? []),
            "partners_listed": .strings(profile.partners),
            "partnerships": .strings(directory.partnershipsOf[profile.slug] ?? []),
            "seeks": .strings(profile.seeks),
            "tags": .strings(profile.tags),
            "updated": optional(profile.updated),
            "website": optional(profile.website),
        ])
        switch profile.type {
        case .institution:
            return shared.adding(["kind": optional(profile.kind), "ukprn": optional(profile.ukprn)])
        case .trust:
            return shared.adding(["kind": optional(profile.kind), "ods": optional(profile.ods)])
        case .network:
            return shared.adding(["members": .strings(profile.members)])
        case .company:
            return shared.adding([
                "companies_house": optional(profile.companiesHouse),
                "evidence_tier": optional(profile.evidenceTier),
                "founded": profile.founded.map(OpenDataJSON.int) ?? .null,
                "maturity": optional(profile.maturity),
                "stage": optional(profile.stage),
            ])
        case .partnership, .area:
            return shared
        }
    }

    static func partnership(_ profile: Profile, _ directory: Directory, origin: String) -> OpenDataJSON {
        common(profile, origin: origin).adding([
            "areas": .strings(profile.areas),
            "kind": .string(profile.kind ?? "mou"),
            "parties": .strings(profile.parties),
            "priorities": .strings(profile.priorities),
            "signed": profile.signed.map(OpenDataJSON.string) ?? .null,
            "status": .string(profile.status ?? "active"),
            "website": profile.website.map(OpenDataJSON.string) ?? .null,
        ])
    }
}
