import ArgumentParser
import Foundation
import FrontDoorKit

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Query a built site's search index, ranked as in the browser.")

    @Argument(help: "Words to search for.") var query: String
    @Option(help: "Built site folder.") var site = "site"
    @Option(help: "Only this type (company, trust, ...); repeat for any of several.") var type: [String] = []
    @Option(help: "Only this area slug; repeat for any of several.") var area: [String] = []
    @Option(help: "Only this region; repeat for any of several.") var region: [String] = []
    @Option(help: "Only organisations offering this capability slug; repeat for any of several.") var capability: [String] = []
    @Option(help: "At most this many results.") var limit = 20
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let index: SearchIndex
        do {
            index = try SearchIndexJSON.read(siteDirectory: site)
        } catch {
            printError("error: \(error)\n")
            throw ExitCode(2)
        }
        // Several values of one filter: any of them; different filters: all of them.
        let types = type.map { ProfileType(name: $0)?.rawValue ?? $0 }
        let filters = Searcher.Filters(types: types, areas: area, regions: region, capabilities: capability)
        let response = Searcher(index: index).search(query, filters: filters, limit: limit)
        if json {
            struct Output: Encodable { var query: String; var total: Int; var results: [Searcher.Result] }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(Output(query: query, total: response.total, results: response.results)), as: UTF8.self))
        } else {
            print("\(response.total) result\(response.total == 1 ? "" : "s") for \"\(query)\"")
            for result in response.results {
                print(String(format: "%7.2f  ", result.score) + result.type.padding(toLength: 12, withPad: " ", startingAt: 0) + " \(result.title)  \(result.url)")
            }
        }
    }
}

struct Match: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Suggested partners for a company, best first, with reasons.")

    @Argument(help: "The company's slug.") var company: String
    @Option(help: "Content folder.") var content = "content"
    @Option(help: "At most this many suggestions.") var limit = 10
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let report: BuildReport
        do {
            report = try SiteBuilder().check(content: content)
        } catch {
            printError("error: \(error)\n")
            throw ExitCode(2)
        }
        guard let directory = report.directory else {
            printError(DiagnosticFormat.text.render(report.diagnostics))
            printError("error: the content has errors; fix them first\n")
            throw ExitCode(2)
        }
        let engine = MatchEngine(directory: directory)
        guard let suggestions = engine.suggestions(for: company, limit: limit) else {
            printError("error: no company with slug `\(company)`\n")
            throw ExitCode(1)
        }
        if json {
            struct Output: Encodable { var company: String; var suggestions: [MatchEngine.Suggestion]; var existing: [String] }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let output = Output(company: company, suggestions: suggestions, existing: engine.existingPartners(of: company))
            print(String(decoding: try encoder.encode(output), as: UTF8.self))
        } else {
            let profile = directory.bySlug[company]
            let facts = [profile?.maturity.map { "maturity: \($0)" }, profile?.evidenceTier.map { "NICE evidence tier: \($0.uppercased())" }].compactMap { $0 }
            print("Suggested partners for \(profile?.title ?? company)" + (facts.isEmpty ? "" : " (\(facts.joined(separator: ", ")))"))
            let existing = engine.existingPartners(of: company).compactMap { directory.bySlug[$0]?.title }
            if !existing.isEmpty { print("Already working with: \(existing.joined(separator: ", "))") }
            for suggestion in suggestions {
                let title = directory.bySlug[suggestion.partner]?.title ?? suggestion.partner
                print(String(format: "%6.2f  %@ (%@)", suggestion.score, title, suggestion.type))
                for reason in suggestion.reasons { print("        - \(reason)") }
            }
        }
    }
}
