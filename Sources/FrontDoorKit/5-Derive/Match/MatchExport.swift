import Foundation

/// `match.json` (docs/match.md): every company's suggested partners with scores and reasons,
/// and the organisations it already works with.
public enum MatchExport {
    public static let path = "match.json"
    public static let formatVersion = 1

    public static func file(_ matches: MatchResults, directory: Directory) -> OutputFile {
        var pieces: [OutputFile] = []
        files(matches, directory: directory) { pieces += $0 }
        return OutputFile.joiningPieces(pieces)[0]
    }

    /// Companies written at a time by `files(_:directory:into:)`.
    public static let batch = 4096

    /// Hands the file to `sink` as pieces (`OutputFile.Piece`), a batch of companies at a
    /// time: at 100,000 profiles it is over 100 MiB, and written whole it was held two or
    /// three times over while it grew.
    public static func files<Failure: Error>(_ matches: MatchResults, directory: Directory, batch: Int = batch, into sink: ([OutputFile]) throws(Failure) -> Void) throws(Failure) {
        var json = JSONText()
        json.raw("{\"version\":\(formatVersion),\"formula\":{\"sharedArea\":\"1 + ln(partners / partners in the area)\",")
        json.raw("\"relatedArea\":\(MatchEngine.relatedAreaShare),\"capability\":\(MatchEngine.capabilityWeight),\"region\":\(MatchEngine.regionWeight)},")
        json.raw("\"companies\":[")
        try sink([OutputFile(path: path, data: json.data, piece: .first)])
        let entries = matches.byCompany
        for start in stride(from: 0, to: entries.count, by: max(batch, 1)) {
            json = JSONText()
            for number in start..<min(start + max(batch, 1), entries.count) {
                if number > 0 { json.raw(",") }
                company(entries[number], matches, directory, into: &json)
            }
            try sink([OutputFile(path: path, data: json.data, piece: .next)])
        }
        try sink([OutputFile(path: path, data: Data("]}".utf8), piece: .last)])
    }

    private static func company(_ entry: (company: String, suggestions: [MatchEngine.Suggestion]), _ matches: MatchResults, _ directory: Directory, into json: inout JSONText) {
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
}
