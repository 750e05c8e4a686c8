import Foundation

/// The three ways `check` prints diagnostics: text lines, a JSON array, or GitHub Actions annotations.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text, json, github

    public func render(_ diagnostics: [Diagnostic]) -> String {
        switch self {
        case .text:
            return diagnostics.map { $0.formatted + "\n" }.joined()
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(diagnostics)) ?? Data("[]".utf8)
            return String(decoding: data, as: UTF8.self) + "\n"
        case .github:
            return diagnostics.map { diagnostic in
                let message = "[\(diagnostic.code)] \(diagnostic.message)" + (diagnostic.hint.map { " (\($0))" } ?? "")
                return "::\(diagnostic.severity.rawValue) file=\(Self.property(diagnostic.path)),line=\(diagnostic.line),col=\(diagnostic.column),title=\(Self.property(diagnostic.code))::\(Self.data(message))\n"
            }.joined()
        }
    }

    /// GitHub's workflow-command escaping for the message part.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// ... and for property values, which also escape `:` and `,`.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
