import ArgumentParser
import Foundation
import FrontDoorKit

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a new profile skeleton.")

    @Argument(help: "institution, trust, network, company, partnership or area (singular or plural).") var type: String
    @Argument(help: "The title; the slug is made from it.") var title: String
    @Option(help: "Content folder.") var content = "content"

    func run() throws {
        guard let profileType = ProfileType(name: type) else {
            printError("error: unknown type `\(type)`; use one of \(ProfileType.allCases.map(\.rawValue).joined(separator: ", "))\n")
            throw ExitCode(2)
        }
        do {
            let path = try ProfileScaffold.write(type: profileType, title: title, contentDirectory: content)
            print("Wrote \(path): fill in the placeholders, then run `frontdoor check`.")
        } catch let failure as ProfileScaffold.Failure {
            printError("error: \(failure)\n")
            throw ExitCode(1)
        }
    }
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the JSON Schema of the front matter.")

    @Option(help: "One type (company, trust, ...); all types when left out.") var type: String?

    func run() throws {
        if let type {
            guard let profileType = ProfileType(name: type) else {
                printError("error: unknown type `\(type)`\n")
                throw ExitCode(2)
            }
            print(JSONSchemaExport.text(JSONSchemaExport.schema(for: profileType)), terminator: "")
        } else {
            var all: [String: Any] = [:]
            for profileType in ProfileType.allCases { all[profileType.rawValue] = JSONSchemaExport.schema(for: profileType) }
            print(JSONSchemaExport.text(all), terminator: "")
        }
    }
}
