/// Checks what needs the whole tree: unique slugs, and that every area, capability,
/// profile, region and logo a profile names exists.
public struct ReferenceValidator: Sendable {
    public init() {}

    /// Every code this validator reports. A preview rebuild keeps these for an edited file
    /// whose references did not change, and checks the file's own problems again.
    static let codes: Set<String> = Set([DiagnosticCode.duplicateSlug, .unknownArea, .unknownCapability, .unknownProfile,
                                         .wrongReferenceType, .selfReference, .unknownRegion, .missingLogo].map(\.rawValue))

    /// A profile file known to exist, whether or not it parsed: references to it are not
    /// "unknown" just because the file has a problem of its own.
    public struct KnownFile: Sendable, Hashable {
        public var slug: String
        public var type: ProfileType
        public var path: String

        public init(slug: String, type: ProfileType, path: String) {
            self.slug = slug
            self.type = type
            self.path = path
        }

        public init?(_ file: SourceFile) {
            guard let (type, slug) = file.profileIdentity else { return nil }
            self.init(slug: slug, type: type, path: file.displayPath)
        }
    }

    /// `files` lists every profile file found (in load order); `profiles` those that parsed;
    /// `assets` holds the paths under `content/assets/`.
    public func validate(_ profiles: [Profile], files: [KnownFile], config: SiteConfig?, assets: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstBySlug: [String: KnownFile] = [:]
        for file in files {
            if let first = firstBySlug[file.slug] {
                diagnostics.append(Diagnostic(path: file.path, .error, .duplicateSlug,
                    "slug `\(file.slug)` is already used by \(first.path)",
                    hint: "slugs are one namespace across all folders; rename one file"))
            } else {
                firstBySlug[file.slug] = file
            }
        }
        let areaSlugs = files.filter { $0.type == .area }.map(\.slug)
        let organisationSlugs = files.filter(\.type.isOrganisation).map(\.slug)

        for profile in profiles {
            func check(_ key: String, _ slugs: [String], target: ReferenceTarget) {
                let positions = profile.referencePositions[key] ?? []
                for (index, slug) in slugs.enumerated() {
                    let at = index < positions.count ? positions[index] : .start
                    func report(_ code: DiagnosticCode, _ message: String, among candidates: [String]) {
                        diagnostics.append(Diagnostic(path: profile.sourcePath, at: at, .error, code, message,
                            hint: FieldChecks.nearest(slug, in: candidates).map { "did you mean `\($0)`?" }))
                    }
                    switch target {
                    case .area where !areaSlugs.contains(slug):
                        report(.unknownArea, "unknown area `\(slug)` in `\(key)`", among: areaSlugs)
                    case .capability:
                        continue  // site.yml's lists: `siteListProblems`
                    case .organisation:
                        if let other = firstBySlug[slug], !other.type.isOrganisation {
                            diagnostics.append(Diagnostic(path: profile.sourcePath, at: at, .error, .wrongReferenceType,
                                "`\(slug)` in `\(key)` is a\(other.type == .area ? "n" : "") \(other.type.rawValue), not an organisation"))
                        } else if firstBySlug[slug] == nil {
                            report(.unknownProfile, "unknown profile `\(slug)` in `\(key)`", among: organisationSlugs)
                        } else if slug == profile.slug {
                            diagnostics.append(Diagnostic(path: profile.sourcePath, at: at, .warning, .selfReference,
                                "`\(key)` lists this profile itself"))
                        }
                    case .area:
                        if slug == profile.slug {
                            diagnostics.append(Diagnostic(path: profile.sourcePath, at: at, .warning, .selfReference, "`\(key)` lists this area itself"))
                        }
                    }
                }
            }
            check("areas", profile.areas, target: .area)
            check("related", profile.related, target: .area)
            let siteLists = config.map { siteListProblems(of: profile, config: $0) } ?? (capabilities: [], region: [])
            diagnostics += siteLists.capabilities
            check("partners", profile.partners, target: .organisation)
            check("members", profile.members, target: .organisation)
            check("parties", profile.parties, target: .organisation)
            diagnostics += siteLists.region
            if let logo = profile.logo {
                let at = profile.referencePositions["logo"]?.first ?? .start
                if !AssetPath.isSafe(logo) {
                    diagnostics.append(Diagnostic(path: profile.sourcePath, at: at, .error, .missingLogo,
                        "logo `\(logo)` must be a path inside content/assets/ (no `..`, no leading `/`)"))
                } else if !assets.contains(logo) {
                    diagnostics.append(Diagnostic(path: profile.sourcePath, at: at, .error, .missingLogo,
                        "logo `\(logo)` is not in content/assets/",
                        hint: FieldChecks.nearest(logo, in: assets).map { "did you mean `\($0)`?" }))
                }
            }
        }
        return diagnostics
    }

    /// What a profile names from site.yml's lists, on its own: its `offers` and `seeks` among
    /// the capabilities, its region among the regions (when site.yml lists regions). The
    /// preview asks this of an edited profile before taking its fast path.
    func siteListProblems(of profile: Profile, config: SiteConfig) -> (capabilities: [Diagnostic], region: [Diagnostic]) {
        let capabilitySlugs = config.capabilities.map(\.slug)
        var capabilities: [Diagnostic] = []
        for (key, slugs) in [("offers", profile.offers), ("seeks", profile.seeks)] {
            let positions = profile.referencePositions[key] ?? []
            for (index, slug) in slugs.enumerated() where !capabilitySlugs.contains(slug) {
                capabilities.append(Diagnostic(path: profile.sourcePath, at: index < positions.count ? positions[index] : .start,
                    .error, .unknownCapability, "unknown capability `\(slug)` in `\(key)`: site.yml does not list it",
                    hint: FieldChecks.nearest(slug, in: capabilitySlugs).map { "did you mean `\($0)`?" }))
            }
        }
        var region: [Diagnostic] = []
        if let name = profile.location?.region, let allowed = config.regions, !allowed.contains(name) {
            region.append(Diagnostic(path: profile.sourcePath, at: profile.referencePositions["location.region"]?.first ?? .start,
                .error, .unknownRegion, "region `\(name)` is not in site.yml's regions (\(allowed.joined(separator: ", ")))",
                hint: FieldChecks.nearest(name, in: allowed).map { "did you mean `\($0)`?" }))
        }
        return (capabilities, region)
    }
}

/// Paths that name a file inside a folder and can never step out of it.
public enum AssetPath {
    /// Relative, with no empty, `.` or `..` segment, no backslash and no NUL. One pass over
    /// the bytes: this runs for every file a build writes. (No other text is canonically
    /// equivalent to `.` or `..`, so comparing bytes answers as comparing Characters would.)
    public static func isSafe(_ path: String) -> Bool {
        var length = 0, dots = 0
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "/"):
                guard length > dots || dots > 2 else { return false }
                length = 0
                dots = 0
            case UInt8(ascii: "\\"), 0:
                return false
            case UInt8(ascii: "."):
                length += 1
                dots += 1
            default:
                length += 1
            }
        }
        return length > dots || dots > 2
    }
}
