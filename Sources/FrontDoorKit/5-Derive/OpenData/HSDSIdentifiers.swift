import Foundation

/// The ids of the Open Referral export: UUID version 5 of a fixed namespace and a name
/// built from slugs, so a record keeps its id from build to build, and on any host or
/// base URL. Renaming a file (its slug) gives the record a new id. docs/openreferral.md
/// lists the names.
enum HSDSIdentifiers {
    /// FrontDoor's namespace for HSDS ids (a random UUID chosen once; never change it).
    static let namespace = UUID(uuidString: "bd4feb0e-9a43-4d00-9953-a926d3f58bc6")!

    static func id(_ name: String) -> String { UUIDv5.string(namespace: namespace, name: name) }

    /// `organization/<slug>`
    static func organization(_ slug: String) -> String { id("organization/\(slug)") }

    /// `<organisation slug>/service/<capability slug>`
    static func serviceName(organization: String, capability: String) -> String { "\(organization)/service/\(capability)" }

    static func service(organization: String, capability: String) -> String {
        id(serviceName(organization: organization, capability: capability))
    }

    /// `taxonomy/areas`: the one taxonomy, the directory's areas of expertise.
    static let taxonomy = id("taxonomy/areas")

    /// `taxonomy_term/<area slug>`
    static func taxonomyTerm(_ area: String) -> String { id("taxonomy_term/\(area)") }

    /// `<organisation slug>/location` and `<organisation slug>/location/address`
    static func location(_ organization: String) -> String { id("\(organization)/location") }
    static func address(_ organization: String) -> String { id("\(organization)/location/address") }

    /// `<organisation slug>/organization_identifier/<scheme>`, e.g. `.../GB-COH`
    static func organizationIdentifier(_ organization: String, scheme: String) -> String {
        id("\(organization)/organization_identifier/\(scheme)")
    }

    /// `<owner name>/attribute/<area slug>`, where the owner name is `organization/<slug>`
    /// or a service's name.
    static func attribute(owner: String, area: String) -> String { id("\(owner)/attribute/\(area)") }
}
