import Foundation

/// `match.json` (docs/match.md): every company's suggested partners with scores and reasons,
/// and the organisations it already works with.
public enum MatchExport {
    public static let path = "match.json"
    public static let formatVersion = 1

    public static func file(_ matches: MatchResults, directory: Directory) -> OutputFile {
        var json = JSONText()
        json.raw("{\"version\":\(formatVersion),\"formula\":{\"sharedArea\":\"1 + ln(partners / partners in the area)\",")
        json.raw("\"relatedArea\":\(MatchEngine.relatedAreaShare),\"capability\":\(MatchEngine.capabilityWeight),\"region\":\(MatchEngine.regionWeight)},")
        json.raw("\"companies\":[")
        for (number, entry) in matches.byCompany.enumerated() {
            if number > 0 { json.raw(",") }
            let company = directory.bySlug[entry.company]
            json.raw("{\"company\":"); json.string(entry.company)
            json.raw(",\"url\":"); json.string(directory.config.basePath + (company?.path ?? ""))
            if let maturity = company?.maturity { json.raw(",\"maturity\":"); json.string(maturity) }
            if let tier = company?.evidenceTier { json.raw(",\"evidence_tier\":"); json.string(tier) }
            json.raw(",\"existing\":"); json.strings(matches.engine.existingPartners(of: entry.company))
            json.raw(",\"suggestions\":[")
            for (index, suggestion) in entry.suggestions.enumerated() {
                if index > 0 { json.raw(",") }
                json.raw("{\"partner\":"); json.string(suggestion.partner)
                json.raw(",\"type\":"); json.string(suggestion.type)
                json.raw(",\"score\":"); json.number(suggestion.score)
                json.raw(",\"reasons\":"); json.strings(suggestion.reasons)
                json.raw("}")
            }
            json.raw("]}")
        }
        json.raw("]}")
        return OutputFile(path: path, data: json.data)
    }
}
