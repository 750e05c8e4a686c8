/// Matching computed once per build: what company pages, partner pages, the match pages
/// and `match.json` show.
public struct MatchResults: Sendable {
    public static let suggestionsPerCompany = 5
    public static let companiesPerPartner = 5

    public let engine: MatchEngine
    /// Each company's top suggestions, in directory order.
    public let byCompany: [(company: String, suggestions: [MatchEngine.Suggestion])]
    public let suggestions: [String: [MatchEngine.Suggestion]]
    public let companiesByPartner: [String: [(company: String, score: Double, reasons: [String])]]

    public init(directory: Directory) {
        engine = MatchEngine(directory: directory)
        byCompany = engine.allSuggestions(limit: Self.suggestionsPerCompany)
        suggestions = Dictionary(uniqueKeysWithValues: byCompany.map { ($0.company, $0.suggestions) })
        companiesByPartner = MatchEngine.companiesByPartner(byCompany, limit: Self.companiesPerPartner)
    }

    /// `previous`'s matches with an engine for `directory`, and those of `companies` made
    /// again. `directory` differs from the one they were made from only in titles of profiles
    /// other than areas, and in what `companies` seek and where they are: matches break ties
    /// by slug and name only areas in their reasons, and no company's suggestions read another
    /// company, so the others stand, listed in the directory's new title order, while the
    /// engine ranks a match page's equal scores in that order too.
    init(directory: Directory, keeping previous: MatchResults, rematching companies: Set<String> = []) {
        let engine = MatchEngine(directory: directory)
        self.engine = engine
        byCompany = directory.profiles(of: .company).compactMap { company in
            guard companies.contains(company.slug) else { return previous.suggestions[company.slug].map { (company: company.slug, suggestions: $0) } }
            return (company: company.slug, suggestions: engine.suggestions(for: company.slug, limit: Self.suggestionsPerCompany) ?? [])
        }
        guard !companies.isEmpty else {
            suggestions = previous.suggestions
            companiesByPartner = previous.companiesByPartner
            return
        }
        var suggestions = previous.suggestions
        var affected: Set<String> = []
        for (company, made) in byCompany where companies.contains(company) {
            affected.formUnion((previous.suggestions[company] ?? []).map(\.partner))
            affected.formUnion(made.map(\.partner))
            suggestions[company] = made
        }
        self.suggestions = suggestions
        // A partner the remade companies were not and are not suggested to keeps its list:
        // the same companies name it, with the same scores.
        var byPartner = previous.companiesByPartner.filter { !affected.contains($0.key) }
        byPartner.merge(MatchEngine.companiesByPartner(byCompany, limit: Self.companiesPerPartner, only: affected)) { _, made in made }
        companiesByPartner = byPartner
    }
}
