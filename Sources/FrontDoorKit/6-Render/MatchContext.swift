/// Template values for matching: suggestions on company pages, interested companies on
/// partner pages, and the match pages.
extension PageContext {
    func matchContext(for profile: Profile) -> [String: Any] {
        if profile.type == .company {
            let suggestions = (matches.suggestions[profile.slug] ?? []).compactMap { suggestion -> [String: Any]? in
                guard let partner = directory.bySlug[suggestion.partner] else { return nil }
                var item = link(partner)
                item["score"] = scoreText(suggestion.score)
                item["reasons"] = suggestion.reasons
                return item
            }
            var context: [String: Any] = ["suggestions": suggestions, "is_company": true]
            context["maturity_label"] = profile.maturity.map(ContentSchema.choiceLabel) ?? false
            context["evidence_label"] = profile.evidenceTier.map(ContentSchema.choiceLabel) ?? false
            context["existing"] = links(matches.engine.existingPartners(of: profile.slug))
            return context
        }
        guard MatchEngine.partnerTypes.contains(profile.type) else { return [:] }
        let companies = (matches.companiesByPartner[profile.slug] ?? []).compactMap { entry -> [String: Any]? in
            guard let company = directory.bySlug[entry.company] else { return nil }
            var item = link(company)
            item["score"] = scoreText(entry.score)
            item["reasons"] = entry.reasons
            item["maturity_label"] = company.maturity.map(ContentSchema.choiceLabel) ?? false
            return item
        }
        return ["interested_companies": companies, "is_partner": true]
    }

    /// Scores as people read them: two decimals at most.
    func scoreText(_ score: Double) -> String {
        let text = String(format: "%.2f", score)
        return text.hasSuffix(".00") ? String(text.dropLast(3)) : text.hasSuffix("0") ? String(text.dropLast()) : text
    }
}
