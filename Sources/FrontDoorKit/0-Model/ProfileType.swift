/// The six kinds of file under `content/`, one per folder. Order here is display order.
public enum ProfileType: String, CaseIterable, Sendable, Codable, Comparable {
    case institution, trust, network, company, partnership, area

    /// The folder under `content/` and the first segment of the URL.
    public var folder: String {
        switch self {
        case .institution: "institutions"
        case .trust: "trusts"
        case .network: "networks"
        case .company: "companies"
        case .partnership: "partnerships"
        case .area: "areas"
        }
    }

    public var singularLabel: String {
        switch self {
        case .institution: "Institution"
        case .trust: "NHS trust"
        case .network: "Network"
        case .company: "Company"
        case .partnership: "Partnership"
        case .area: "Area"
        }
    }

    public var pluralLabel: String {
        switch self {
        case .institution: "Institutions"
        case .trust: "NHS trusts"
        case .network: "Networks"
        case .company: "Companies"
        case .partnership: "Partnerships"
        case .area: "Areas of expertise"
        }
    }

    public var listDescription: String {
        switch self {
        case .institution: "Universities, medical schools and research institutes."
        case .trust: "NHS trusts and integrated care systems."
        case .network: "Networks, hubs, associations and partnership bodies."
        case .company: "Healthtech and life-science companies."
        case .partnership: "Memoranda of understanding and other formal partnerships, newest first."
        case .area: "The areas of expertise that organisations in the directory work in."
        }
    }

    /// Institutions, trusts, networks and companies share one set of keys.
    public var isOrganisation: Bool {
        switch self {
        case .institution, .trust, .network, .company: true
        case .partnership, .area: false
        }
    }

    public static let organisations: [ProfileType] = allCases.filter(\.isOrganisation)

    /// Accepts a folder name or a singular name, as `new TYPE` and `schema --type T` do.
    public init?(name: String) {
        let lowered = name.lowercased()
        guard let match = ProfileType.allCases.first(where: { $0.rawValue == lowered || $0.folder == lowered }) else {
            return nil
        }
        self = match
    }

    public init?(folder: String) {
        guard let match = ProfileType.allCases.first(where: { $0.folder == folder }) else { return nil }
        self = match
    }

    public static func < (lhs: ProfileType, rhs: ProfileType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
