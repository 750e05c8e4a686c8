@testable import FrontDoorKit

/// Small in-memory profiles for stage tests that do not need files on disk.
enum ProfileFactory {
    static func make(_ type: ProfileType, _ slug: String, title: String? = nil, areas: [String] = [],
                     offers: [String] = [], seeks: [String] = [], partners: [String] = [], members: [String] = [],
                     parties: [String] = [], related: [String] = [], signed: String? = nil, region: String? = nil,
                     draft: Bool = false) -> Profile {
        var profile = Profile(type: type, slug: slug, sourcePath: "content/\(type.folder)/\(slug).md",
                              title: title ?? slug.capitalized, summary: "Summary of \(slug).")
        profile.areas = areas
        profile.offers = offers
        profile.seeks = seeks
        profile.partners = partners
        profile.members = members
        profile.parties = parties
        profile.related = related
        profile.signed = signed
        profile.draft = draft
        if let region { profile.location = Location(city: "Birmingham", region: region) }
        return profile
    }

    static let config = SiteConfig(title: "Test", description: "A test directory.", baseURL: "https://example.org/fd/",
                                   capabilities: [("clinical-trials", "Clinical trials"), ("evaluation", "Evaluation"), ("test-bed", "Test bed")])
}
