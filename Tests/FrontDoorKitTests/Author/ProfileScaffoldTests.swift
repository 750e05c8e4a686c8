import Foundation
import Testing
@testable import FrontDoorKit

/// `frontdoor new TYPE "Title"` (ProfileScaffold), each time in a fresh copy of the example
/// tree (`Fixtures/site/basic`, the spec's example tree plus one partnership).
@Suite("Author: frontdoor new")
struct ProfileScaffoldTests {
    typealias Support = SiteTestSupport

    static let title = "Nāri Health & Co."
    static let slug = "nari-health-and-co"

    /// What an editor types in place of each marker: slugs that exist in the example tree.
    static let fillings = [
        "AREA-SLUG": "womens-health",
        "ORGANISATION-SLUG": "example-health-network",
        "ORGANISATION-1-SLUG": "example-university",
        "ORGANISATION-2-SLUG": "example-hospitals",
    ]

    /// The markers a fresh skeleton holds outside comments, by type.
    static func requiredMarkers(_ type: ProfileType) -> [String] {
        switch type {
        case .institution, .trust, .network, .company: ["AREA-SLUG"]
        case .partnership: ["ORGANISATION-1-SLUG", "ORGANISATION-2-SLUG"]
        case .area: []
        }
    }

    // MARK: Helpers

    /// Capitalised `...-SLUG` markers in a text, in order.
    static func markers(in text: some StringProtocol) -> [String] {
        let regex = try! NSRegularExpression(pattern: "[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-SLUG")
        let text = String(text)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range, in: text)!])
        }
    }

    /// The front matter lines (between the `---` lines) and the line number of the first one.
    static func frontMatterLines(_ text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        let close = lines.dropFirst().firstIndex(of: "---")!
        return Array(lines[1..<close])
    }

    /// Replaces every marker, as an editor's find-and-replace would.
    static func filled(_ text: String) -> String {
        fillings.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }

    /// The front matter with every `# key: value   # note` line made live, the way an editor
    /// uncomments a key it wants (the body is left alone).
    static func uncommented(_ text: String) -> String {
        var inFrontMatter = false
        var fences = 0
        return text.components(separatedBy: "\n").map { line in
            if line == "---" { fences += 1; inFrontMatter = fences == 1; return line }
            return inFrontMatter && line.hasPrefix("# ") ? String(line.dropFirst(2)) : line
        }.joined(separator: "\n")
    }

    static func diagnostics(_ content: String, for path: String) throws -> (file: [Diagnostic], all: [Diagnostic]) {
        let all = try SiteBuilder().check(content: content).diagnostics
        return (all.filter { $0.path.hasSuffix(path) }, all)
    }

    static func read(_ path: String) throws -> String { try Support.text(path) }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    // MARK: A new file for every type

    @Test("writes <folder>/<slug>.md with the title and only the documented placeholders; filled in, it checks clean",
          arguments: ProfileType.allCases)
    func writesACheckableSkeleton(type: ProfileType) throws {
        let workspace = try Support.Workspace("scaffold")
        defer { workspace.remove() }
        let content = try workspace.content()

        let path = try ProfileScaffold.write(type: type, title: Self.title, contentDirectory: content)
        #expect(path == "\(content)/\(type.folder)/\(Self.slug).md")
        let text = try Self.read(path)

        // Only documented markers anywhere; outside comments, exactly the type's required ones.
        let documented = Set(ProfileScaffold.placeholders.keys)
        #expect(Set(Self.markers(in: text)).isSubset(of: documented), "undocumented marker in:\n\(text)")
        let live = Self.frontMatterLines(text).filter { !$0.hasPrefix("#") }
        #expect(live.flatMap { Self.markers(in: $0) } == Self.requiredMarkers(type))
        #expect(!text.contains("TODO") && !text.contains("XXX"))

        // As written, the only errors are at the markers, one each, and there are no warnings.
        let lines = text.components(separatedBy: "\n")
        let fresh = try Self.diagnostics(content, for: "/\(type.folder)/\(Self.slug).md")
        #expect(fresh.file.count == Self.requiredMarkers(type).count, "\(fresh.file)")
        for diagnostic in fresh.file {
            #expect(diagnostic.severity == .error)
            #expect(Self.markers(in: lines[diagnostic.line - 1]).count == 1, "\(diagnostic.formatted) is not at a placeholder")
        }
        #expect(fresh.all.count == fresh.file.count, "the new file broke another: \(fresh.all)")

        // Filled in by find-and-replace: nothing to report, and the title survives as typed.
        try Self.write(Self.filled(text), to: path)
        let report = try SiteBuilder().check(content: content)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.formatted))")
        let profile = try #require(report.directory?.profiles(of: type).first { $0.slug == Self.slug })
        #expect(profile.title == Self.title)
        #expect(profile.summary.hasPrefix("One plain sentence about \(Self.title)"))
    }

    @Test("every commented optional key, uncommented and filled in, checks clean too", arguments: ProfileType.allCases)
    func optionalExamplesAreValid(type: ProfileType) throws {
        let workspace = try Support.Workspace("scaffold-optional")
        defer { workspace.remove() }
        let content = try workspace.content()
        try workspace.write("content/assets/logos/example.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")

        let path = try ProfileScaffold.write(type: type, title: Self.title, contentDirectory: content)
        let text = Self.filled(Self.uncommented(try Self.read(path)))
        #expect(Self.markers(in: text).isEmpty)
        try Self.write(text, to: path)

        let report = try SiteBuilder().check(content: content)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.formatted))\n\(text)")
        // and every optional key was really there to uncomment
        let profile = try #require(report.directory?.profiles(of: type).first { $0.slug == Self.slug })
        if type.isOrganisation {
            #expect(profile.website != nil && profile.email != nil && profile.location != nil && profile.logo != nil)
            #expect(!profile.offers.isEmpty && !profile.seeks.isEmpty && !profile.partners.isEmpty)
        }
    }

    @Test("the live keys are the required fields and the commented keys the optional ones, in ContentSchema order",
          arguments: ProfileType.allCases)
    func keysFollowContentSchema(type: ProfileType) throws {
        let lines = Self.frontMatterLines(ProfileScaffold.text(type: type, title: "Anything"))
        func keys(_ prefix: String) -> [String] {
            lines.compactMap { line in
                guard line.hasPrefix(prefix) else { return nil }
                let rest = line.dropFirst(prefix.count)
                guard let first = rest.first, first.isLetter, let colon = rest.firstIndex(of: ":") else { return nil }
                return String(rest[..<colon])
            }
        }
        let fields = ContentSchema.fields(for: type)
        #expect(keys("") == fields.filter(\.required).map(\.key))
        #expect(keys("# ") == fields.filter { !$0.required }.map(\.key))
        // each key's line carries its description, for editors who never open the README
        for field in fields where field.key != "title" && field.key != "summary" {
            #expect(lines.contains { $0.contains(field.key + ":") && $0.hasSuffix("# " + field.description) }, "\(field.key)")
        }
    }

    @Test func placeholdersAreNeverPartOfEachOther() {
        let markers = Array(ProfileScaffold.placeholders.keys)
        for a in markers {
            for b in markers where a != b { #expect(!b.contains(a), "replacing \(a) would change \(b)") }
        }
        #expect(Set(markers) == Set(Self.fillings.keys))
    }

    // MARK: Slugs and titles

    @Test("the slug comes from the title", arguments: [
        ("Nāri Health & Co.", "nari-health-and-co"),
        ("  St. Mary's   Hospice ", "st-marys-hospice"),
        ("Café Zürich — Señora Ñuñez Labs", "cafe-zurich-senora-nunez-labs"),
        ("Health 2.0 Birmingham", "health-2-0-birmingham"),
        ("NHS  West\tMidlands\nImaging", "nhs-west-midlands-imaging"),
    ])
    func slugFromTitle(title: String, slug: String) throws {
        let workspace = try Support.Workspace("scaffold-slug")
        defer { workspace.remove() }
        let content = try workspace.content()
        let path = try ProfileScaffold.write(type: .company, title: title, contentDirectory: content)
        #expect(path == "\(content)/companies/\(slug).md")
        try Self.write(Self.filled(try Self.read(path)), to: path)
        let report = try SiteBuilder().check(content: content)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.formatted))")
        let profile = try #require(report.directory?.profiles(of: .company).first { $0.slug == slug })
        // one line, spaces collapsed: the title the editor meant
        #expect(profile.title == title.split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }

    @Test("quotes, backslashes, colons and hashes in a title survive YAML")
    func awkwardTitleRoundTrips() throws {
        let title = #"A "quoted" name: with # and \ and 'single' quotes"#
        let workspace = try Support.Workspace("scaffold-quotes")
        defer { workspace.remove() }
        let content = try workspace.content()
        let path = try ProfileScaffold.write(type: .area, title: title, contentDirectory: content)
        #expect(path.hasSuffix("/areas/a-quoted-name-with-and-and-single-quotes.md"))
        let report = try SiteBuilder().check(content: content)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.formatted))")
        #expect(report.directory?.profiles(of: .area).contains { $0.title == title } == true)
    }

    @Test("a title with no letters or digits, or over the length limit, writes nothing", arguments: [
        "", "   ", "!!! ???", "東京", String(repeating: "Long name ", count: 13),
    ])
    func badTitlesWriteNothing(title: String) throws {
        let workspace = try Support.Workspace("scaffold-bad")
        defer { workspace.remove() }
        let content = try workspace.content()
        let before = try Support.snapshot(content)
        #expect(throws: ProfileScaffold.Failure.self) {
            try ProfileScaffold.write(type: .company, title: title, contentDirectory: content)
        }
        #expect(try Support.snapshot(content) == before)
    }

    // MARK: Existing files

    @Test("an existing file is an error and stays exactly as it was")
    func existingFileIsUntouched() throws {
        let workspace = try Support.Workspace("scaffold-exists")
        defer { workspace.remove() }
        let content = try workspace.content()
        let existing = "\(content)/companies/example-femtech.md"
        let before = try Support.snapshot(content)

        let error = #expect(throws: ProfileScaffold.Failure.self) {
            try ProfileScaffold.write(type: .company, title: "Example Femtech", contentDirectory: content)
        }
        #expect(error?.description.contains(existing) == true)
        #expect(error?.description.contains("already exists") == true)
        #expect(try Support.snapshot(content) == before)

        // and a second `new` with the same title does not overwrite the first one's edits
        let path = try ProfileScaffold.write(type: .company, title: "Fresh Co", contentDirectory: content)
        try Self.write("edited by hand\n", to: path)
        #expect(throws: ProfileScaffold.Failure.self) {
            try ProfileScaffold.write(type: .company, title: "FRESH co!", contentDirectory: content)
        }
        #expect(try Self.read(path) == "edited by hand\n")
    }

    @Test("a slug another folder already uses is refused: slugs are one namespace")
    func slugTakenInAnotherFolder() throws {
        let workspace = try Support.Workspace("scaffold-taken")
        defer { workspace.remove() }
        let content = try workspace.content()
        let before = try Support.snapshot(content)
        let error = #expect(throws: ProfileScaffold.Failure.self) {
            try ProfileScaffold.write(type: .trust, title: "Example University", contentDirectory: content)
        }
        #expect(error?.description.contains("\(content)/institutions/example-university.md") == true)
        #expect(try Support.snapshot(content) == before)
        #expect(try SiteBuilder().check(content: content).diagnostics.isEmpty)
    }

    // MARK: Type names

    @Test("singular and plural type names, in any case", arguments: ProfileType.allCases)
    func typeNames(type: ProfileType) throws {
        for name in [type.rawValue, type.folder, type.folder.uppercased(), type.rawValue.capitalized] {
            #expect(ProfileType(name: name) == type, "\(name)")
        }
        let workspace = try Support.Workspace("scaffold-plural")
        defer { workspace.remove() }
        let content = try workspace.content()
        let plural = try #require(ProfileType(name: type.folder))
        let path = try ProfileScaffold.write(type: plural, title: "Plural Name", contentDirectory: content)
        #expect(path == "\(content)/\(type.folder)/plural-name.md")
    }

    @Test("the command: plural names, exit 1 when the file exists, exit 2 for an unknown type",
          .enabled(if: SiteTestSupport.frontdoorBinary != nil, "needs the frontdoor binary beside the tests"))
    func command() throws {
        let workspace = try Support.Workspace("scaffold-cli")
        defer { workspace.remove() }
        let content = try workspace.content()

        var (status, stderr) = try Support.runFrontdoor(["new", "companies", Self.title, "--content", content])
        #expect(status == 0, "\(stderr)")
        let path = "\(content)/companies/\(Self.slug).md"
        let written = try Self.read(path)
        #expect(written == ProfileScaffold.text(type: .company, title: Self.title))

        try Self.write("mine\n", to: path)
        (status, stderr) = try Support.runFrontdoor(["new", "company", Self.title, "--content", content])
        #expect(status == 1)
        #expect(stderr.contains("already exists"))
        #expect(try Self.read(path) == "mine\n")

        (status, stderr) = try Support.runFrontdoor(["new", "trusts", "Example University", "--content", content])
        #expect(status == 1)
        #expect(stderr.contains("institutions/example-university.md"))

        (status, stderr) = try Support.runFrontdoor(["new", "hospital", "Anything", "--content", content])
        #expect(status == 2)
        #expect(stderr.contains("hospital"))
        #expect(!FileManager.default.fileExists(atPath: "\(content)/hospital"))
    }
}
