import Foundation

/// Checks one parsed document against its type's keys in `ContentSchema` and builds the
/// `Profile`. Checks that need other files (references, duplicates) are in `ReferenceValidator`.
public struct ProfileValidator: Sendable {
    public init() {}

    public func validate(_ document: ParsedDocument) -> (Profile, [Diagnostic]) {
        var checker = Checker(path: document.sourcePath)
        if !Slug.isValid(document.slug) {
            checker.error(.start, .badSlug,
                "file name `\(document.slug).md` is not a valid slug: lowercase letters, digits and single hyphens, at most \(Slug.maxLength) characters",
                hint: "rename it to `\(Slug.make(from: document.slug)).md`")
        }
        let specs = ContentSchema.fields(for: document.type)
        var seen: Set<String> = []
        var values: [String: YAMLEntry] = [:]
        for entry in document.frontMatter {
            guard seen.insert(entry.key).inserted else {
                checker.error(entry.keyPosition, .duplicateKey, "`\(entry.key)` is given twice")
                continue
            }
            guard specs.contains(where: { $0.key == entry.key }) else {
                let hint = FieldChecks.nearest(entry.key, in: specs.map(\.key)).map { "did you mean `\($0)`?" }
                checker.warning(entry.keyPosition, .unknownKey,
                    "unknown key `\(entry.key)` for a\(document.type == .institution ? "n" : "") \(document.type.rawValue) is ignored",
                    hint: hint)
                continue
            }
            values[entry.key] = entry
        }

        var profile = Profile(type: document.type, slug: document.slug, sourcePath: document.sourcePath, title: "", summary: "")
        profile.body = document.body
        profile.bodyLine = document.bodyLine
        profile.links = document.markdown.links
        profile.bodyHTML = document.bodyHTML
        for dropped in document.markdown.droppedLinks {
            checker.warning(SourcePosition(line: document.bodyLine + dropped.line - 1, column: 1), .unsafeLink,
                "link to `\(dropped.url)` was removed: only http, https, mailto and relative links are allowed")
        }
        for spec in specs {
            guard let entry = values[spec.key], !entry.value.isNull else {
                if spec.required {
                    checker.error(.start, .missingKey, "required key `\(spec.key)` is missing", hint: spec.description)
                }
                continue
            }
            checker.apply(spec, entry, to: &profile)
        }
        // The profile comes back even with errors, holding the values that passed, so the
        // reference checks still see it and report its other problems in the same run.
        return (profile, checker.diagnostics)
    }
}

/// Collects the diagnostics for one file and writes checked values into the profile.
private struct Checker {
    let path: String
    var diagnostics: [Diagnostic] = []

    mutating func error(_ at: SourcePosition, _ code: DiagnosticCode, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(path: path, at: at, .error, code, message, hint: hint))
    }

    mutating func warning(_ at: SourcePosition, _ code: DiagnosticCode, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(path: path, at: at, .warning, code, message, hint: hint))
    }

    mutating func apply(_ spec: FieldSpec, _ entry: YAMLEntry, to profile: inout Profile) {
        let key = spec.key
        let value = entry.value
        switch spec.kind {
        case .text(let min, let max):
            guard let text = scalar(value, key) else { return }
            checkLength(text, key: key, min: min, max: max, at: value.position)
            switch key {
            case "title": profile.title = text
            case "summary":
                profile.summary = text
                profile.summaryPosition = value.position
            default: break
            }
        case .textList:
            guard let items = list(value, key) else { return }
            let texts = items.compactMap { scalar($0, key) }
            switch key {
            case "tags": profile.tags = texts
            case "aliases": profile.aliases = texts
            case "synonyms": profile.synonyms = texts
            case "priorities": profile.priorities = texts
            default: break
            }
        case .references(_, let minCount):
            guard let items = list(value, key) else { return }
            var slugs: [String] = []
            var positions: [SourcePosition] = []
            for item in items {
                guard let slug = scalar(item, key) else { continue }
                if slugs.contains(slug) {
                    warning(item.position, .repeatedReference, "`\(slug)` is listed twice in `\(key)`")
                    continue
                }
                slugs.append(slug)
                positions.append(item.position)
            }
            if slugs.count < minCount {
                error(value.position, .tooFewItems, "`\(key)` needs at least \(minCount) item\(minCount == 1 ? "" : "s"), found \(slugs.count)")
            }
            profile.referencePositions[key] = positions
            switch key {
            case "areas": profile.areas = slugs
            case "offers": profile.offers = slugs
            case "seeks": profile.seeks = slugs
            case "partners": profile.partners = slugs
            case "members": profile.members = slugs
            case "parties": profile.parties = slugs
            case "related": profile.related = slugs
            default: break
            }
        case .url:
            guard let text = scalar(value, key) else { return }
            guard SafeURL.parseAbsolute(text) != nil else {
                return error(value.position, .invalidURL, "`\(key)` must be an absolute http(s) URL, found `\(text)`",
                    hint: text.contains("://") ? nil : "did you mean `https://\(text)`?")
            }
            profile.website = text
        case .email:
            guard let text = scalar(value, key) else { return }
            guard FieldChecks.isValidEmail(text) else {
                return error(value.position, .invalidEmail, "`\(text)` is not a valid email address")
            }
            profile.email = text
        case .date:
            guard let text = scalar(value, key) else { return }
            guard FieldChecks.isValidDate(text) else {
                return error(value.position, .invalidDate, "`\(key)` must be a real date written YYYY-MM-DD, found `\(text)`")
            }
            if key == "signed" { profile.signed = text } else { profile.updated = text }
        case .year:
            guard let text = scalar(value, key) else { return }
            let thisYear = FieldChecks.currentYear
            guard let year = Int(text), (1800...thisYear).contains(year) else {
                return error(value.position, .invalidYear, "`\(key)` must be a year from 1800 to \(thisYear), found `\(text)`")
            }
            profile.founded = year
        case .bool:
            guard case .scalar(let text, let tag, _) = value, tag == "bool" else {
                return error(value.position, .wrongType, "`\(key)` must be true or false, found \(value.kindName)")
            }
            profile.draft = ["true", "yes", "on"].contains(text.lowercased())
        case .choice(let options):
            guard let text = scalar(value, key) else { return }
            guard options.contains(text) else {
                return error(value.position, .invalidChoice,
                    "`\(key)` must be one of \(options.joined(separator: ", ")); found `\(text)`",
                    hint: FieldChecks.nearest(text, in: options).map { "did you mean `\($0)`?" })
            }
            switch key {
            case "kind": profile.kind = text
            case "stage": profile.stage = text
            case "maturity": profile.maturity = text
            case "evidence_tier": profile.evidenceTier = text
            case "status": profile.status = text
            default: break
            }
        case .identifier(let format):
            guard let text = scalar(value, key) else { return }
            guard format.matches(text) else {
                let code: DiagnosticCode = switch format {
                case .ukprn: .invalidUKPRN
                case .ods: .invalidODS
                case .companiesHouse: .invalidCompaniesHouse
                case .postcode: .invalidPostcode
                }
                return error(value.position, code, "`\(text)` is not a valid \(format.label)",
                    hint: format == .ukprn || format == .companiesHouse ? "quote numbers so leading zeros survive: \(key): \"\(text)\"" : nil)
            }
            switch format {
            case .ukprn: profile.ukprn = text
            case .ods: profile.ods = text
            case .companiesHouse: profile.companiesHouse = text
            case .postcode: break
            }
        case .location:
            guard case .map(let entries, _) = value else {
                return error(value.position, .wrongType, "`location` must have keys city, region and postcode, found \(value.kindName)")
            }
            var location = Location()
            for item in entries {
                guard let text = scalar(item.value, "location.\(item.key)") else { continue }
                switch item.key {
                case "city": location.city = text
                case "region":
                    location.region = text
                    profile.referencePositions["location.region"] = [item.value.position]
                case "postcode":
                    if IdentifierFormat.postcode.matches(text.uppercased()) {
                        location.postcode = text.uppercased()
                    } else {
                        error(item.value.position, .invalidPostcode, "`\(text)` is not a valid \(IdentifierFormat.postcode.label)")
                    }
                default:
                    warning(item.keyPosition, .unknownKey, "unknown key `location.\(item.key)` is ignored",
                        hint: FieldChecks.nearest(item.key, in: ["city", "region", "postcode"]).map { "did you mean `\($0)`?" })
                }
            }
            profile.location = location
        case .asset:
            guard let text = scalar(value, key) else { return }
            profile.logo = text
            profile.referencePositions["logo"] = [value.position]
        }
    }

    /// A single value as text; numbers and dates are accepted as written.
    private mutating func scalar(_ value: YAMLValue, _ key: String) -> String? {
        guard case .scalar(let text, let tag, _) = value, tag != "null" else {
            error(value.position, .wrongType, "`\(key)` must be a single value, found \(value.kindName)")
            return nil
        }
        return text
    }

    private mutating func list(_ value: YAMLValue, _ key: String) -> [YAMLValue]? {
        guard case .list(let items, _) = value else {
            error(value.position, .wrongType, "`\(key)` must be a list (lines starting with `- `), found \(value.kindName)")
            return nil
        }
        return items
    }

    private mutating func checkLength(_ text: String, key: String, min: Int, max: Int?, at position: SourcePosition) {
        if ProfileValidator.isPlainlyWithin(text, min: min, max: max) { return }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.count < min {
            error(position, .tooShort, "`\(key)` is empty")
        } else if let max, text.count > max {
            error(position, .tooLong, "`\(key)` is \(text.count) characters; the limit is \(max)",
                hint: "cut \(text.count - max) characters")
        }
    }
}

extension ProfileValidator {
    /// True only when `text` is surely between `min` characters (spaces around it left out)
    /// and `max`: the length check's shortcut. False means "ask Foundation".
    static func isPlainlyWithin(_ text: String, min: Int, max: Int?) -> Bool {
        guard let max, let length = plainASCIILength(text), length <= max else { return false }
        return text.utf8.count { !isASCIISpace($0) } >= min
    }

    /// The length in Characters of ASCII text without a carriage return (which with a line
    /// feed is one Character): its length in bytes. Nil for any other text. Titles and
    /// summaries are mostly such text, and Foundation's trimming (through NSString) and
    /// Character counting ran on every one of them.
    static func plainASCIILength(_ text: String) -> Int? {
        var count = 0
        for byte in text.utf8 {
            guard byte < 0x80, byte != 0x0D else { return nil }
            count += 1
        }
        return count
    }

    /// The ASCII bytes of `whitespacesAndNewlines`: tab, line feed, vertical tab, form feed, carriage return, space.
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
