/// A profile as schema.org JSON-LD, serialised for a `<script type="application/ld+json">`
/// block in the page's head, so search engines and other machines read the directory's facts
/// (type, name, address, official identifiers, areas, members) without scraping the HTML.
///
/// Every URL is absolute (the site's `base_url`), and every node has an `@id` (the page URL
/// and a fragment), so the nodes of different pages join into one graph:
///
/// | folder | `@type` |
/// |---|---|
/// | institutions | `CollegeOrUniversity` (kind `university` or `medical-school`, or kind `other`/none and a title that says university), else `ResearchOrganization` |
/// | trusts | `MedicalOrganization`: a trust runs hospitals, it is not one (`Hospital` is a place) |
/// | networks | `Organization` |
/// | companies | `Corporation` |
/// | partnerships | `Project` (an `Organization` subtype) with the parties as `member` |
/// | areas | `DefinedTerm` in the directory's `DefinedTermSet` |
///
/// Identifiers are `PropertyValue`s whose `propertyID` is the org-id.guide list code:
/// `GB-NHS` (ODS code), `GB-UKPRN`, `GB-COH` (Companies House).
///
/// The text is safe inside `<script>`: `<`, `>`, `&`, U+2028 and U+2029 are written as `\uXXXX`
/// escapes (still the same JSON), so no title can close the script or open a comment. Keys are
/// sorted, so a build is byte for byte repeatable.
struct StructuredData {
    let directory: Directory

    /// The JSON-LD text for a profile's page.
    func jsonLD(for profile: Profile) -> String {
        var node = self.node(for: profile)
        node["@context"] = .string("https://schema.org")
        return JSON.object(node).serialised
    }

    // MARK: Nodes

    func node(for profile: Profile) -> [String: JSON] {
        switch profile.type {
        case .area: areaNode(profile)
        case .partnership: partnershipNode(profile)
        default: organisationNode(profile)
        }
    }

    func organisationNode(_ profile: Profile) -> [String: JSON] {
        var node = reference(to: profile)
        node["description"] = .string(profile.summary)
        if let website = profile.website { node["sameAs"] = .string(website) }
        if let email = profile.email { node["email"] = .string(email) }
        if let address = address(profile.location) { node["address"] = address }
        if !profile.aliases.isEmpty { node["alternateName"] = .array(profile.aliases.map(JSON.string)) }
        if let founded = profile.founded { node["foundingDate"] = .string(String(founded)) }
        if let logo = profile.logo { node["logo"] = .string(absolute(PageContext.encodedPath("assets/" + logo))) }
        let identifiers = identifiers(profile)
        if !identifiers.isEmpty { node["identifier"] = .array(identifiers) }
        if let areas = areaReferences(profile.areas) { node["knowsAbout"] = areas }
        if let members = references(profile.members) { node["member"] = members }
        if let networks = references(directory.memberOf[profile.slug] ?? []) { node["memberOf"] = networks }
        return node
    }

    func partnershipNode(_ profile: Profile) -> [String: JSON] {
        var node = reference(to: profile)
        node["description"] = .string(profile.summary)
        if let website = profile.website { node["sameAs"] = .string(website) }
        // schema.org defines `startDate` for events and roles, not for organisations or projects;
        // an organisation's start is its `foundingDate`.
        if let signed = profile.signed { node["foundingDate"] = .string(signed) }
        if let parties = references(profile.parties) { node["member"] = parties }
        if let areas = areaReferences(profile.areas) { node["knowsAbout"] = areas }
        return node
    }

    func areaNode(_ profile: Profile) -> [String: JSON] {
        var node = reference(to: profile)
        node["description"] = .string(profile.summary)
        node["termCode"] = .string(profile.slug)
        let list = absolute(ProfileType.area.folder + "/")
        node["inDefinedTermSet"] = .object([
            "@id": .string(list + "#terms"),
            "@type": .string("DefinedTermSet"),
            "name": .string(ProfileType.area.pluralLabel),
            "url": .string(list),
        ])
        return node
    }

    // MARK: Parts

    /// `@id`, `@type`, `name` and `url`: the whole node of a profile named from another page.
    func reference(to profile: Profile) -> [String: JSON] {
        // Noted for the preview's rebuilds, as `PageContext.title(of:)` notes a link.
        ProfileAppearances.noteTitle(profile.slug)
        let url = absolute(profile.path)
        return [
            "@id": .string(url + Self.fragment(profile.type)),
            "@type": .string(Self.schemaType(profile)),
            "name": .string(profile.title),
            "url": .string(url),
        ]
    }

    /// References to the published profiles among `slugs`, in their order; nil when none is.
    func references(_ slugs: [String]) -> JSON? {
        let found = slugs.compactMap { directory.bySlug[$0] }.map { JSON.object(reference(to: $0)) }
        return found.isEmpty ? nil : .array(found)
    }

    func areaReferences(_ slugs: [String]) -> JSON? {
        references(slugs.filter { directory.bySlug[$0]?.type == .area })
    }

    func address(_ location: Location?) -> JSON? {
        guard let location else { return nil }
        var address: [String: JSON] = [:]
        if let city = location.city { address["addressLocality"] = .string(city) }
        if let region = location.region { address["addressRegion"] = .string(region) }
        if let postcode = location.postcode { address["postalCode"] = .string(postcode) }
        guard !address.isEmpty else { return nil }
        address["@type"] = .string("PostalAddress")
        address["addressCountry"] = .string("GB")
        return .object(address)
    }

    /// Official identifiers, each with its org-id.guide list code.
    func identifiers(_ profile: Profile) -> [JSON] {
        let schemes: [(String, String?)] = [
            (Self.odsScheme, profile.ods),
            (Self.ukprnScheme, profile.ukprn),
            (Self.companiesHouseScheme, profile.companiesHouse),
        ]
        return schemes.compactMap { scheme, value in
            value.map { .object(["@type": .string("PropertyValue"), "propertyID": .string(scheme), "value": .string($0)]) }
        }
    }

    func absolute(_ sitePath: String) -> String { directory.config.origin + sitePath }

    // MARK: Vocabulary

    /// org-id.guide codes: https://org-id.guide/list/GB-NHS, /GB-UKPRN, /GB-COH.
    static let odsScheme = "GB-NHS"
    static let ukprnScheme = "GB-UKPRN"
    static let companiesHouseScheme = "GB-COH"

    static func schemaType(_ profile: Profile) -> String {
        switch profile.type {
        case .institution:
            switch profile.kind {
            case "university", "medical-school": return "CollegeOrUniversity"
            case "research-institute": return "ResearchOrganization"
            default:
                let title = profile.title.lowercased()
                return title.contains("university") ? "CollegeOrUniversity" : "ResearchOrganization"
            }
        case .trust: return "MedicalOrganization"
        case .network: return "Organization"
        case .company: return "Corporation"
        case .partnership: return "Project"
        case .area: return "DefinedTerm"
        }
    }

    static func fragment(_ type: ProfileType) -> String {
        switch type {
        case .area: "#term"
        case .partnership: "#project"
        default: "#organization"
        }
    }
}

extension StructuredData {
    /// The JSON that JSON-LD here needs: strings, arrays and objects.
    enum JSON {
        case string(String)
        case array([JSON])
        case object([String: JSON])

        /// Compact JSON with sorted keys, safe inside an HTML `<script>` element.
        var serialised: String {
            var output = ""
            write(to: &output)
            return output
        }

        func write(to output: inout String) {
            switch self {
            case .string(let text):
                Self.writeString(text, to: &output)
            case .array(let items):
                output += "["
                for (index, item) in items.enumerated() {
                    if index > 0 { output += "," }
                    item.write(to: &output)
                }
                output += "]"
            case .object(let members):
                output += "{"
                for (index, key) in members.keys.sorted().enumerated() {
                    if index > 0 { output += "," }
                    Self.writeString(key, to: &output)
                    output += ":"
                    members[key]!.write(to: &output)
                }
                output += "}"
            }
        }

        /// A JSON string literal. Beyond what JSON requires (`"`, `\` and controls), `<`, `>` and
        /// `&` are escaped so the text can neither end the script (`</script`) nor start a comment
        /// (`<!--`), and U+2028 and U+2029 so it is also valid JavaScript.
        static func writeString(_ text: String, to output: inout String) {
            output += "\""
            guard text.unicodeScalars.contains(where: needsEscape) else {
                output += text
                output += "\""
                return
            }
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": output += "\\\""
                case "\\": output += "\\\\"
                case "\n": output += "\\n"
                case "\r": output += "\\r"
                case "\t": output += "\\t"
                case "<", ">", "&", "\u{2028}", "\u{2029}":
                    output += unicodeEscape(scalar)
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F {
                        output += unicodeEscape(scalar)
                    } else {
                        output.unicodeScalars.append(scalar)
                    }
                }
            }
            output += "\""
        }

        static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0..<0x20, 0x22, 0x26, 0x3C, 0x3E, 0x5C, 0x7F, 0x2028, 0x2029: true
            default: false
            }
        }

        static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }
}
