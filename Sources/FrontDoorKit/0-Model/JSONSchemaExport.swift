import Foundation

/// JSON Schema (draft 2020-12) of each type's front matter, generated from `ContentSchema`,
/// the same table validation reads.
public enum JSONSchemaExport {
    public static func schema(for type: ProfileType, capabilities: [String]? = nil) -> [String: Any] {
        var properties: [String: Any] = [:]
        for spec in ContentSchema.fields(for: type) {
            var property = json(for: spec.kind, capabilities: capabilities)
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

    static func json(for kind: FieldSpec.Kind, capabilities: [String]?) -> [String: Any] {
        switch kind {
        case .text(let min, let max):
            var text: [String: Any] = ["type": "string", "minLength": min]
            if let max { text["maxLength"] = max }
            return text
        case .textList:
            return ["type": "array", "items": ["type": "string"]]
        case .references(let target, let minCount):
            var item: [String: Any] = ["type": "string", "pattern": slugPattern]
            if target == .capability, let capabilities { item = ["enum": capabilities] }
            return ["type": "array", "items": item, "minItems": minCount, "uniqueItems": true]
        case .url:
            return ["type": "string", "format": "uri", "pattern": "^https?://"]
        case .email:
            return ["type": "string", "format": "email"]
        case .date:
            return ["type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"]
        case .year:
            return ["type": "integer", "minimum": 1800, "maximum": FieldChecks.currentYear]
        case .bool:
            return ["type": "boolean"]
        case .choice(let options):
            return ["type": "string", "enum": options]
        case .identifier(let format):
            return ["type": "string", "pattern": format.pattern]
        case .location:
            return ["type": "object", "additionalProperties": false, "properties": [
                "city": ["type": "string"],
                "region": ["type": "string"],
                "postcode": ["type": "string", "pattern": IdentifierFormat.postcode.pattern],
            ]]
        case .asset:
            return ["type": "string", "pattern": "^[^/.][^\\\\]*$"]
        }
    }

    /// Pretty, key-sorted JSON text.
    public static func text(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
