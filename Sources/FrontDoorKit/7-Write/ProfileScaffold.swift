import Foundation

/// `frontdoor new TYPE "Title"`: a profile skeleton with the required keys filled from the
/// title, the optional keys commented out, and an example body.
public enum ProfileScaffold {
    public enum Failure: Error, CustomStringConvertible {
        case exists(String)
        case badTitle(String)

        public var description: String {
            switch self {
            case .exists(let path): "\(path) already exists; nothing was written"
            case .badTitle(let title): "cannot make a slug from \"\(title)\": use letters or digits"
            }
        }
    }

    public static func text(type: ProfileType, title: String) -> String {
        var lines = ["---", "title: \(yamlQuoted(title))", "summary: \(yamlQuoted("One plain sentence about \(title): what it does and for whom."))"]
        for spec in ContentSchema.fields(for: type) where spec.key != "title" && spec.key != "summary" {
            let example = exampleValue(spec, type: type)
            if spec.required {
                lines.append(spec.key + ":" + example)
            } else {
                lines.append("# " + spec.key + ":" + example.replacingOccurrences(of: "\n", with: "\n# ") + "   # " + spec.description)
            }
        }
        lines.append("---")
        lines.append("## About \(title)")
        lines.append("")
        lines.append("Write a few short paragraphs in plain English: what \(title) does, its expertise, and how companies can work with it.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `content/<folder>/<slug>.md`; refuses to overwrite. Returns the path written.
    public static func write(type: ProfileType, title: String, contentDirectory: String) throws -> String {
        let slug = Slug.make(from: title)
        guard Slug.isValid(slug) else { throw Failure.badTitle(title) }
        let folder = (contentDirectory as NSString).appendingPathComponent(type.folder)
        let path = (folder as NSString).appendingPathComponent(slug + ".md")
        guard !FileManager.default.fileExists(atPath: path) else { throw Failure.exists(path) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(text(type: type, title: title).utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        return path
    }

    static func exampleValue(_ spec: FieldSpec, type: ProfileType) -> String {
        switch spec.kind {
        case .text: " \"\""
        case .textList: "\n  - example"
        case .references(.area, _): "\n  - AREA-SLUG"
        case .references(.capability, _): "\n  - clinical-trials"
        case .references(.organisation, _): type == .partnership ? "\n  - ORGANISATION-SLUG\n  - OTHER-ORGANISATION-SLUG" : "\n  - ORGANISATION-SLUG"
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
