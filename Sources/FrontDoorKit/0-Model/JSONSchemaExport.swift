import Foundation

/// JSON Schema (draft 2020-12) of each type's front matter, generated from `ContentSchema`,
/// the same table validation reads.
///
/// The schema describes front matter as an editor's YAML 1.2 parser hands it over (dates are
/// strings, `true`/`false` booleans, plain numbers numbers), and accepts what `frontdoor check`
/// accepts without a warning, as far as a schema can tell without the rest of the tree:
/// - a text key takes any single value, since the validator reads numbers as text (`title: 2021`);
/// - an optional key may be empty (`website:`), which the validator treats as left out;
/// - an unquoted UKPRN, Companies House number or ODS code is accepted as a whole number;
/// - unknown keys and repeated slugs are rejected, as the validator warns about them
///   (yaml-language-server shows an unknown key as a warning too).
/// Whether areas, capabilities, organisations, regions and logos exist, only `frontdoor check`
/// can say. Every rule is a keyword draft-07 tools know too (`type`, `pattern`, `enum`,
/// lengths, `anyOf`), and none relies on `format` being enforced.
public enum JSONSchemaExport {
    public static func schema(for type: ProfileType, capabilities: [String]? = nil) -> [String: Any] {
        var properties: [String: Any] = [:]
        for spec in ContentSchema.fields(for: type) {
            var property = json(for: spec.kind, capabilities: capabilities)
            if !spec.required { property = allowingNull(property) }
            property["description"] = spec.description
            properties[spec.key] = property
        }
        return [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://frontdoor.example/schema/\(type.rawValue).json",
            "title": "FrontDoor \(type.rawValue) front matter (content/\(type.folder)/<slug>.md)",
            "type": "object",
            "properties": properties,
            "required": ContentSchema.fields(for: type).filter(\.required).map(\.key),
            "additionalProperties": false,
        ]
    }

    static let slugPattern = "^[a-z0-9]+(-[a-z0-9]+)*$"

    /// Any single value: the validator reads numbers and true/false as the text written.
    static let scalarTypes = ["string", "number", "boolean"]

    /// `FieldChecks.isValidEmail`'s expression (a test compares the two).
    static let emailPattern = #"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"#

    /// `SafeURL.parseAbsolute`: http or https in any case, a host with a dot (or `localhost`),
    /// no spaces (a test compares the two).
    static let urlPattern = #"^[Hh][Tt][Tt][Pp][Ss]?://(?:[A-Za-z0-9._~!$&'()*+,;=:%-]*@)?(?:[A-Za-z0-9_~!$&'()*+,;=%-]*\.[A-Za-z0-9._~!$&'()*+,;=%-]*|localhost)(?::[0-9]*)?(?:[/?#][A-Za-z0-9._~!$&'()*+,;=:@%/?#-]*)?$"#

    /// `FieldChecks.isValidDate`: `YYYY-MM-DD` and a day that exists, leap years included
    /// (a test compares the two over whole years).
    static let datePattern = "^(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
        + "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[048]|[2468][048]|[13579][26])00)-02-29)$"

    /// A logo path as `AssetPath.isSafe` allows: relative, no backslash, no empty, `.` or `..` segment.
    static let assetPattern = #"^(?:[^/\\.\x00][^/\\\x00]*|\.(?:[^/\\.\x00][^/\\\x00]*|\.[^/\\\x00]+))(?:/(?:[^/\\.\x00][^/\\\x00]*|\.(?:[^/\\.\x00][^/\\\x00]*|\.[^/\\\x00]+)))*$"#

    static func json(for kind: FieldSpec.Kind, capabilities: [String]?) -> [String: Any] {
        switch kind {
        case .text(let min, let max):
            var text: [String: Any] = ["type": scalarTypes, "minLength": min]
            if min > 0 { text["pattern"] = "\\S" }  // the validator trims before counting
            if let max { text["maxLength"] = max }
            return text
        case .textList:
            return ["type": "array", "items": ["type": scalarTypes]]
        case .references(let target, let minCount):
            var item: [String: Any] = ["type": "string", "pattern": slugPattern]
            if target == .capability, let capabilities { item = ["enum": capabilities] }
            var list: [String: Any] = ["type": "array", "items": item, "uniqueItems": true]
            if minCount > 0 { list["minItems"] = minCount }
            return list
        case .url:
            return ["type": "string", "format": "uri", "pattern": urlPattern]
        case .email:
            return ["type": "string", "format": "email", "pattern": emailPattern]
        case .date:
            return ["type": "string", "format": "date", "pattern": datePattern]
        case .year:
            let thisYear = FieldChecks.currentYear
            return ["anyOf": [
                ["type": "integer", "minimum": 1800, "maximum": thisYear],
                ["type": "string", "pattern": yearPattern(from1800Through: thisYear)],
            ]]
        case .bool:
            return ["type": "boolean"]
        case .choice(let options):
            return ["type": "string", "enum": options]
        case .identifier(let format):
            let text: [String: Any] = ["type": "string", "pattern": identifierPattern(format)]
            guard let numbers = unquotedNumbers(format) else { return text }
            return ["anyOf": [text, ["type": "integer", "minimum": numbers.lowerBound, "maximum": numbers.upperBound]]]
        case .location:
            return ["type": "object", "additionalProperties": false, "properties": [
                "city": ["type": scalarTypes],
                "region": ["type": scalarTypes],
                "postcode": ["type": "string", "pattern": identifierPattern(.postcode)],
            ]]
        case .asset:
            return ["type": "string", "pattern": assetPattern]
        }
    }

    /// The format's pattern as the validator applies it: postcodes are upper-cased first.
    static func identifierPattern(_ format: IdentifierFormat) -> String {
        format == .postcode ? caseInsensitive(format.pattern) : format.pattern
    }

    /// The whole numbers YAML reads from an unquoted identifier that the validator accepts as
    /// written: every one in the range matches the format's pattern (a test checks the ends).
    static func unquotedNumbers(_ format: IdentifierFormat) -> ClosedRange<Int>? {
        switch format {
        case .ukprn: 10_000_000...19_999_999
        case .companiesHouse: 10_000_000...99_999_999
        case .ods: 100...99_999
        case .postcode: nil
        }
    }

    /// A quoted year from 1800 to `year` (at least 1900): "1800"..."2026".
    static func yearPattern(from1800Through year: Int) -> String {
        let century = year / 100, decade = (year / 10) % 10, unit = year % 10
        var parts = (18..<century).map { "\($0)[0-9]{2}" }
        if decade > 0 { parts.append("\(century)[0-\(decade - 1)][0-9]") }
        parts.append("\(century)\(decade)[0-\(unit)]")
        return "^(?:" + parts.joined(separator: "|") + ")$"
    }

    /// JSON Schema patterns have no flags: `A-Z` in a class gains `a-z`, a capital outside one
    /// becomes `[Xx]`. Enough for the identifier patterns, which use nothing more.
    static func caseInsensitive(_ pattern: String) -> String {
        var output = "", inClass = false
        var characters = pattern.makeIterator()
        while let character = characters.next() {
            switch character {
            case "\\":
                output.append(character)
                if let escaped = characters.next() { output.append(escaped) }
            case "[":
                inClass = true
                output.append(character)
            case "]":
                inClass = false
                output.append(character)
            case "Z" where inClass && output.hasSuffix("A-"):
                output += "Za-z"
            case "A"..."Z" where !inClass:
                output += "[\(character)\(character.lowercased())]"
            default:
                output.append(character)
            }
        }
        return output
    }

    /// An optional key may be empty (`website:`): the validator treats it as left out.
    static func allowingNull(_ schema: [String: Any]) -> [String: Any] {
        var schema = schema
        if var anyOf = schema["anyOf"] as? [[String: Any]] {
            anyOf.append(["type": "null"])
            schema["anyOf"] = anyOf
            return schema
        }
        if let options = schema["enum"] as? [Any] { schema["enum"] = options + [NSNull()] }
        switch schema["type"] {
        case let type as String: schema["type"] = [type, "null"]
        case let types as [String]: schema["type"] = types + ["null"]
        default: break
        }
        return schema
    }

    /// Pretty, key-sorted JSON text.
    public static func text(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
