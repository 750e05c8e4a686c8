/// One problem found in the content, reported as
/// `path:line:column: error|warning: [code] message (hint)`.
public struct Diagnostic: Error, Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Codable {
        case error, warning
    }

    public var path: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    /// Stable, documented identifier of the rule (see `DiagnosticCode`).
    public var code: String
    public var message: String
    public var hint: String?

    public init(path: String, at position: SourcePosition = .start, _ severity: Severity, _ code: DiagnosticCode, _ message: String, hint: String? = nil) {
        self.path = path
        self.line = position.line
        self.column = position.column
        self.severity = severity
        self.code = code.rawValue
        self.message = message
        self.hint = hint
    }

    /// The line format of `shared/spec/cli.md`.
    public var formatted: String {
        var text = "\(path):\(line):\(column): \(severity.rawValue): [\(code)] \(message)"
        if let hint { text += " (\(hint))" }
        return text
    }

    /// Sorted by file, then position, then code, so output is stable whatever order stages ran in.
    public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted {
            ($0.path, $0.line, $0.column, $0.code, $0.message) < ($1.path, $1.line, $1.column, $1.code, $1.message)
        }
    }
}

extension [Diagnostic] {
    public var errorCount: Int { count(where: { $0.severity == .error }) }
    public var warningCount: Int { count(where: { $0.severity == .warning }) }
    public var hasErrors: Bool { contains(where: { $0.severity == .error }) }
}

/// Every rule the build checks, with a stable code an editor can search the README for.
public enum DiagnosticCode: String, Sendable, CaseIterable {
    // Files
    case notUTF8 = "not-utf8"
    case emptyFile = "empty-file"
    case fileTooLarge = "file-too-large"
    case strayMarkdown = "stray-markdown"
    case symbolicLink = "symbolic-link"
    case missingSiteConfig = "missing-site-config"
    // Front matter
    case noFrontMatter = "no-front-matter"
    case unclosedFrontMatter = "unclosed-front-matter"
    case yamlSyntax = "yaml-syntax"
    /// Front matter past `YAMLLimits`: more values than allowed (alias bombs), nested too
    /// deep, or one list or map too long.
    case yamlTooComplex = "yaml-too-complex"
    case yamlTooDeep = "yaml-too-deep"
    case tooManyItems = "too-many-items"
    /// A Markdown body past `MarkdownLimits`.
    case markdownTooComplex = "markdown-too-complex"
    case notAMapping = "not-a-mapping"
    case duplicateKey = "duplicate-key"
    case missingKey = "missing-key"
    case wrongType = "wrong-type"
    case unknownKey = "unknown-key"
    // Slugs and references
    case badSlug = "bad-slug"
    case duplicateSlug = "duplicate-slug"
    case unknownArea = "unknown-area"
    case unknownCapability = "unknown-capability"
    case unknownProfile = "unknown-profile"
    case wrongReferenceType = "wrong-reference-type"
    case selfReference = "self-reference"
    case repeatedReference = "repeated-reference"
    case tooFewItems = "too-few-items"
    // Values
    case tooLong = "too-long"
    case tooShort = "too-short"
    case invalidURL = "invalid-url"
    case invalidEmail = "invalid-email"
    case invalidPostcode = "invalid-postcode"
    case invalidODS = "invalid-ods"
    case invalidUKPRN = "invalid-ukprn"
    case invalidCompaniesHouse = "invalid-companies-house"
    case invalidDate = "invalid-date"
    case invalidYear = "invalid-year"
    case invalidChoice = "invalid-choice"
    case invalidLanguage = "invalid-language"
    case unknownRegion = "unknown-region"
    case missingLogo = "missing-logo"
    case unsafeLink = "unsafe-link"
    case hardToRead = "hard-to-read"
    /// An internal link in a built page that leads to no file of the build.
    case brokenLink = "broken-link"
    // Templates
    case templateSyntax = "template-syntax"
    case templateMissing = "template-missing"
    // The preview server: a build that could not run at all (a missing folder, a disk error)
    case buildFailed = "build-failed"
}
