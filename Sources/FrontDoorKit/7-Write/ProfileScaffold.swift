import Foundation

/// `frontdoor new TYPE "Title"`: a profile skeleton with the required keys filled from the
/// title, the optional keys commented out, and an example body.
///
/// Where only the editor knows a required value (which areas, which parties), the skeleton
/// holds a capitalised marker from `placeholders`; `frontdoor check` reports each one until it
/// is replaced, and nothing else in a fresh skeleton is an error. No marker is part of another,
/// so find-and-replace on one never touches the others. Every other value, commented or not,
/// passes `frontdoor check` as written, given the logo file and the example capability.
public enum ProfileScaffold {
    public enum Failure: Error, CustomStringConvertible {
        case exists(String)
        /// Slugs are one namespace across `content/`: another folder already has the file.
        case slugTaken(slug: String, path: String)
        case badTitle(String)
        case titleTooLong(count: Int, limit: Int)

        public var description: String {
            switch self {
            case .exists(let path): "\(path) already exists; nothing was written"
            case .slugTaken(let slug, let path):
                "the slug `\(slug)` is already used by \(path) (slugs are unique across all folders); nothing was written"
            case .badTitle(let title): "cannot make a slug from \"\(title)\": use letters or digits"
            case .titleTooLong(let count, let limit): "the title is \(count) characters; the limit is \(limit)"
            }
        }
    }

    /// The markers a skeleton may hold, and what replaces each.
    public static let placeholders: [String: String] = [
        "AREA-SLUG": "the slug of an area (a file name in content/areas/ without .md)",
        "ORGANISATION-SLUG": "the slug of an institution, trust, network or company",
        "ORGANISATION-1-SLUG": "the slug of the first organisation that signed",
        "ORGANISATION-2-SLUG": "the slug of the second organisation that signed",
    ]

    /// The most characters the type's `title` may have.
    static func titleLimit(_ type: ProfileType) -> Int? {
        guard case .text(_, let max)? = ContentSchema.fields(for: type).first(where: { $0.key == "title" })?.kind else { return nil }
        return max
    }

    public static func text(type: ProfileType, title: String) -> String {
        let title = cleaned(title)
        var lines = ["---", "title: \(yamlQuoted(title))", "summary: \(yamlQuoted("One plain sentence about \(title): what it does and for whom."))"]
        for spec in ContentSchema.fields(for: type) where spec.key != "title" && spec.key != "summary" {
            // The description follows the key's own line (`areas:   # ...`), above any items.
            let example = exampleValue(spec, type: type)
            let firstLine = example.prefix { $0 != "\n" }
            let entry = spec.key + ":" + firstLine + "   # " + spec.description + example.dropFirst(firstLine.count)
            lines.append(spec.required ? entry : "# " + entry.replacingOccurrences(of: "\n", with: "\n# "))
        }
        lines.append("---")
        lines.append("## About \(title)")
        lines.append("")
        lines.append("Write a few short paragraphs in plain English: what \(title) does, its expertise, and how companies can work with it.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `content/<folder>/<slug>.md`; refuses to overwrite, or to reuse a slug another
    /// folder has. Returns the path written.
    public static func write(type: ProfileType, title: String, contentDirectory: String) throws -> String {
        let title = cleaned(title)
        let slug = Slug.make(from: title)
        guard Slug.isValid(slug) else { throw Failure.badTitle(title) }
        if let limit = titleLimit(type), title.count > limit { throw Failure.titleTooLong(count: title.count, limit: limit) }
        let folder = (contentDirectory as NSString).appendingPathComponent(type.folder)
        let path = (folder as NSString).appendingPathComponent(slug + ".md")
        guard !FileManager.default.fileExists(atPath: path) else { throw Failure.exists(path) }
        for other in ProfileType.allCases where other != type {
            let taken = ((contentDirectory as NSString).appendingPathComponent(other.folder) as NSString)
                .appendingPathComponent(slug + ".md")
            if FileManager.default.fileExists(atPath: taken) { throw Failure.slugTaken(slug: slug, path: taken) }
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(text(type: type, title: title).utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        return path
    }

    static func exampleValue(_ spec: FieldSpec, type: ProfileType) -> String {
        switch spec.kind {
        case .text: " \"\""
        case .textList: "\n  - example"
        case .references(.area, let minCount): markers("AREA", count: minCount)
        case .references(.capability, _): "\n  - clinical-trials"
        case .references(.organisation, let minCount): markers("ORGANISATION", count: minCount)
        case .url: " https://www.example.org/"
        case .email: " hello@example.org"
        case .date: " \(Self.today)"
        case .year: " \(FieldChecks.currentYear)"
        case .bool: " false"
        case .choice(let options): " \(options[0])"
        case .identifier(let format):
            switch format {
            case .ukprn: " \"10000000\""
            case .ods: " ABC"
            case .companiesHouse: " \"00000000\""
            case .postcode: " B15 2TT"
            }
        case .location: "\n  city: Birmingham\n  region: West Midlands"
        case .asset: " logos/example.svg"
        }
    }

    /// `- AREA-SLUG`, or `- ORGANISATION-1-SLUG` and `- ORGANISATION-2-SLUG` when a list needs two.
    private static func markers(_ kind: String, count: Int) -> String {
        count < 2 ? "\n  - \(kind)-SLUG" : (1...count).map { "\n  - \(kind)-\($0)-SLUG" }.joined()
    }

    /// The title on one line: runs of spaces, tabs and newlines become one space, and control
    /// characters (which YAML refuses) are dropped.
    static func cleaned(_ title: String) -> String {
        let visible = String(String.UnicodeScalarView(title.unicodeScalars.filter {
            $0.properties.generalCategory != .control || $0 == "\t" || $0 == "\n" || $0 == "\r"
        }))
        return visible.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static var today: String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: Date())
    }

    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
