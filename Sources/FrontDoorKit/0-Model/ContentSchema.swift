import Foundation

/// The content model of `shared/spec/content-model.md` as data: which keys each type
/// has, of what kind, and which are required. Validation and `frontdoor schema` both
/// read this table, so the two cannot disagree.
public struct FieldSpec: Sendable {
    public enum Kind: Sendable, Equatable {
        /// A single-line string with a length range in characters.
        case text(min: Int, max: Int?)
        case textList
        case references(ReferenceTarget, minCount: Int)
        case url
        case email
        /// `YYYY-MM-DD`
        case date
        /// A whole year from 1800 to the current year.
        case year
        case bool
        case choice([String])
        case identifier(IdentifierFormat)
        case location
        /// A path under `content/assets/`.
        case asset
    }

    public var key: String
    public var kind: Kind
    public var required: Bool
    public var description: String

    public init(_ key: String, _ kind: Kind, required: Bool = false, _ description: String) {
        self.key = key
        self.kind = kind
        self.required = required
        self.description = description
    }
}

/// What a list of slugs may point at.
public enum ReferenceTarget: Sendable, Equatable {
    case area
    case capability
    /// Institutions, trusts, networks and companies.
    case organisation
}

/// Official identifiers, each with its own format check.
public enum IdentifierFormat: String, Sendable, CaseIterable {
    case ukprn, ods, companiesHouse, postcode

    /// An ICU regular expression, also emitted into the JSON Schema.
    public var pattern: String {
        switch self {
        case .ukprn: "^1[0-9]{7}$"
        case .ods: "^[A-Z0-9]{3,5}$"
        case .companiesHouse: "^([0-9]{8}|[A-Z]{2}[0-9]{6})$"
        case .postcode: "^(GIR ?0AA|[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2})$"
        }
    }

    public var label: String {
        switch self {
        case .ukprn: "UKPRN (8 digits starting with 1)"
        case .ods: "NHS ODS code (3 to 5 capital letters and digits)"
        case .companiesHouse: "Companies House number (8 digits, or 2 capital letters and 6 digits)"
        case .postcode: "UK postcode, e.g. B15 2TH"
        }
    }

    public func matches(_ value: String) -> Bool {
        value.range(of: pattern, options: .regularExpression) != nil
    }
}


public enum ContentSchema {
    static let title = FieldSpec("title", .text(min: 1, max: 120), required: true, "Display name.")
    static let summary = FieldSpec(
        "summary", .text(min: 1, max: 300), required: true,
        "Plain-text one-liner, shown on cards and in search results (at most 300 characters).")
    static let draft = FieldSpec("draft", .bool, "Drafts are left out unless the build is run with --drafts.")
    static let website = FieldSpec("website", .url, "Absolute http(s) URL.")

    static let organisationFields: [FieldSpec] = [
        title, summary,
        FieldSpec("areas", .references(.area, minCount: 1), required: true, "Slugs of expertise or focus areas."),
        FieldSpec("offers", .references(.capability, minCount: 0), "Capabilities offered to others (slugs from site.yml)."),
        FieldSpec("seeks", .references(.capability, minCount: 0), "Capabilities sought (slugs from site.yml)."),
        FieldSpec("location", .location, "city, region and optional UK postcode."),
        website,
        FieldSpec("email", .email, "Public contact address."),
        FieldSpec("tags", .textList, "Free keywords, searchable."),
        FieldSpec("aliases", .textList, "Other names and acronyms people search by."),
        FieldSpec("partners", .references(.organisation, minCount: 0), "Slugs of organisations it works with (shown both ways)."),
        FieldSpec("updated", .date, "Date of the last review, YYYY-MM-DD."),
        draft,
        FieldSpec("logo", .asset, "Path relative to content/assets/."),
    ]

    /// The keys each type accepts, in the order editors are shown them.
    public static func fields(for type: ProfileType) -> [FieldSpec] {
        switch type {
        case .area:
            return [
                title, summary,
                FieldSpec("synonyms", .textList, "Words and phrases a searcher may use instead."),
                FieldSpec("related", .references(.area, minCount: 0), "Slugs of other areas shown beside this one."),
            ]
        case .institution:
            return organisationFields + [
                FieldSpec("kind", .choice(["university", "medical-school", "research-institute", "other"]), "What sort of institution."),
                FieldSpec("ukprn", .identifier(.ukprn), "UK Provider Reference Number."),
            ]
        case .trust:
            return organisationFields + [
                FieldSpec("ods", .identifier(.ods), "NHS ODS code, e.g. RRK."),
                FieldSpec("kind", .choice(["acute", "mental-health", "community", "specialist", "integrated-care-system", "other"]), "What sort of trust."),
            ]
        case .network:
            return organisationFields + [
                FieldSpec("members", .references(.organisation, minCount: 0), "Slugs of organisations in the network."),
            ]
        case .company:
            return organisationFields + [
                FieldSpec("stage", .choice(["startup", "sme", "scale-up", "multinational"]), "Company stage."),
                FieldSpec("founded", .year, "Year founded."),
                FieldSpec("companies_house", .identifier(.companiesHouse), "Companies House number."),
                FieldSpec("maturity", .choice(["discovery", "advanced", "ready"]), "Product maturity (ready = ready to deploy in the NHS)."),
                FieldSpec("evidence_tier", .choice(["a", "b", "c"]), "NICE evidence standards framework tier of the main product."),
            ]
        case .partnership:
            return [
                FieldSpec("title", .text(min: 1, max: 120), required: true, "Name of the agreement."),
                summary,
                FieldSpec("parties", .references(.organisation, minCount: 2), required: true, "Slugs of the organisations that signed (at least two)."),
                FieldSpec("signed", .date, required: true, "Date signed, YYYY-MM-DD."),
                FieldSpec("kind", .choice(["mou", "collaboration", "contract", "other"]), "Kind of agreement (default mou)."),
                FieldSpec("status", .choice(["active", "ended"]), "active (default) or ended."),
                FieldSpec("areas", .references(.area, minCount: 0), "Focus areas named in the agreement."),
                FieldSpec("priorities", .textList, "What success is measured against."),
                website,
                draft,
            ]
        }
    }

    /// `early-stage` -> `Early stage`. Without Foundation's string replacing: pages ask for
    /// these labels thousands of times.
    static func sentenceCase(_ value: String) -> String {
        let spaced = String(value.map { $0 == "-" ? " " : $0 })
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }

    /// Human labels for choice values shown on pages.
    public static func choiceLabel(_ value: String) -> String {
        switch value {
        case "mou": "Memorandum of understanding"
        case "sme": "SME"
        case "integrated-care-system": "Integrated care system"
        case "a", "b", "c": "Tier " + value.uppercased()
        default: sentenceCase(value)
        }
    }
}
