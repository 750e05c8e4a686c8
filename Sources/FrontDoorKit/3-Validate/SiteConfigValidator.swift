/// Checks `site.yml` and builds the `SiteConfig`.
public struct SiteConfigValidator: Sendable {
    public static let keys = ["title", "description", "base_url", "language", "capabilities", "regions"]

    public init() {}

    /// `baseURLOverride` is `--base-url`, which wins over the file.
    public func validate(_ entries: [YAMLEntry], path: String, baseURLOverride: String? = nil) -> (SiteConfig?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func error(_ at: SourcePosition, _ code: DiagnosticCode, _ message: String, hint: String? = nil) {
            diagnostics.append(Diagnostic(path: path, at: at, .error, code, message, hint: hint))
        }
        var byKey: [String: YAMLEntry] = [:]
        for entry in entries {
            if byKey[entry.key] != nil {
                error(entry.keyPosition, .duplicateKey, "`\(entry.key)` is given twice")
            } else if !Self.keys.contains(entry.key) {
                diagnostics.append(Diagnostic(path: path, at: entry.keyPosition, .warning, .unknownKey,
                    "unknown key `\(entry.key)` in site.yml is ignored",
                    hint: FieldChecks.nearest(entry.key, in: Self.keys).map { "did you mean `\($0)`?" }))
            }
            byKey[entry.key] = byKey[entry.key] ?? entry
        }
        func text(_ key: String, required: Bool) -> String? {
            guard let entry = byKey[key], !entry.value.isNull else {
                if required { error(.start, .missingKey, "required key `\(key)` is missing from site.yml") }
                return nil
            }
            guard case .scalar(let value, _, _) = entry.value else {
                error(entry.value.position, .wrongType, "`\(key)` must be a single value, found \(entry.value.kindName)")
                return nil
            }
            return value
        }

        let title = text("title", required: true)
        let description = text("description", required: true)
        var baseURL = text("base_url", required: baseURLOverride == nil)
        if let override = baseURLOverride {
            baseURL = override
            if SafeURL.parseAbsolute(override) == nil {
                error(.start, .invalidURL, "--base-url must be an absolute http(s) URL, found `\(override)`")
            }
        } else if let url = baseURL, SafeURL.parseAbsolute(url) == nil {
            error(byKey["base_url"]!.value.position, .invalidURL, "`base_url` must be an absolute http(s) URL, found `\(url)`",
                hint: "for example https://example.org/frontdoor/")
        }
        let language = text("language", required: false) ?? "en-GB"
        if !FieldChecks.isValidLanguageTag(language) {
            error(byKey["language"]?.value.position ?? .start, .invalidLanguage, "`language` must be a BCP 47 tag such as en-GB, found `\(language)`")
        }

        var capabilities: [(slug: String, label: String)] = []
        if let entry = byKey["capabilities"] {
            if case .map(let items, _) = entry.value {
                for item in items {
                    guard case .scalar(let label, _, _) = item.value, !item.value.isNull else {
                        error(item.value.position, .wrongType, "capability `\(item.key)` needs a label, e.g. `\(item.key): Clinical trials`")
                        continue
                    }
                    if !Slug.isValid(item.key) {
                        error(item.keyPosition, .badSlug, "capability `\(item.key)` is not a valid slug",
                            hint: "use `\(Slug.make(from: item.key))`")
                    }
                    if capabilities.contains(where: { $0.slug == item.key }) {
                        error(item.keyPosition, .duplicateKey, "capability `\(item.key)` is given twice")
                    }
                    capabilities.append((item.key, label))
                }
            } else {
                error(entry.value.position, .wrongType, "`capabilities` must map slugs to labels, found \(entry.value.kindName)")
            }
        } else {
            error(.start, .missingKey, "required key `capabilities` is missing from site.yml",
                hint: "for example `capabilities: {clinical-trials: Clinical trials}`")
        }

        var regions: [String]?
        if let entry = byKey["regions"], !entry.value.isNull {
            if case .list(let items, _) = entry.value {
                regions = items.compactMap {
                    if case .scalar(let value, _, _) = $0 { return value }
                    error($0.position, .wrongType, "each region must be a single value")
                    return nil
                }
            } else {
                error(entry.value.position, .wrongType, "`regions` must be a list, found \(entry.value.kindName)")
            }
        }

        guard !diagnostics.hasErrors, let title, let description, let baseURL else { return (nil, diagnostics) }
        return (SiteConfig(title: title, description: description, baseURL: baseURL, language: language,
                           capabilities: capabilities, regions: regions), diagnostics)
    }
}
