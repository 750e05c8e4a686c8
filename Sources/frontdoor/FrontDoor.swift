import ArgumentParser
import Foundation
import FrontDoorKit

@main
struct FrontDoor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontdoor",
        abstract: "Builds a regional healthtech front-door directory from Markdown profiles.",
        subcommands: [Build.self, Check.self, Search.self, Match.self, Serve.self, New.self, Schema.self]
    )

    /// shared/spec/cli.md: usage errors exit 2, not ArgumentParser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                self.exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// Standard error, where diagnostics go.
func printError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
