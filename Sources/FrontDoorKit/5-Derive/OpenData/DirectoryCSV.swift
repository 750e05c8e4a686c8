import Foundation

/// `directory.csv`: one row per organisation (institutions, trusts, networks, companies),
/// for spreadsheets. RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes
/// doubled, lines end in CRLF; UTF-8 with a byte-order mark, so Excel reads the accents.
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a CR gets a leading `'`, so a
/// spreadsheet shows it as text instead of running it as a formula (OWASP, "CSV Injection").
enum DirectoryCSV {
    static let path = "directory.csv"
    static let columns = ["slug", "type", "title", "summary", "url", "areas", "offers", "seeks", "city", "region",
                          "postcode", "website", "email", "ods", "ukprn", "companies_house", "stage", "founded",
                          "maturity", "evidence_tier", "partners", "updated"]
    /// Joins the values of a list column.
    static let separator = "; "
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// `=`, `+`, `-`, `@`, tab and CR.
    static let formulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    static func file(_ directory: Directory) -> OutputFile {
        let rows = Rows(directory)
        return file(rows: directory.organisations.parallelMap { rows.row($0) })
    }

    /// The file from its rows, in order (`Rows.row`).
    /// The byte-order mark and the row of column names.
    static var header: Data { Data(byteOrderMark + row(columns)) }

    static func file(rows: [[UInt8]]) -> OutputFile {
        var bytes = header
        bytes.reserveCapacity(rows.reduce(bytes.count) { $0 + $1.count })
        for line in rows { bytes.append(contentsOf: line) }
        return OutputFile(path: path, data: bytes)
    }

    /// Makes an organisation's row; built once per directory.
    struct Rows: Sendable {
        let config: SiteConfig
        let partners: [String: [String]]
        let areaTitles: [String: String]

        init(_ directory: Directory) {
            config = directory.config
            partners = directory.partners
            areaTitles = Dictionary(directory.profiles(of: .area).map { ($0.slug, $0.title) }, uniquingKeysWith: { first, _ in first })
        }

        func row(_ profile: Profile) -> [UInt8] {
            let location = profile.location
            return DirectoryCSV.row([
                profile.slug,
                profile.type.rawValue,
                profile.title,
                profile.summary,
                config.origin + profile.path,
                profile.areas.map { areaTitles[$0] ?? $0 }.joined(separator: separator),
                profile.offers.map(config.capabilityLabel).joined(separator: separator),
                profile.seeks.map(config.capabilityLabel).joined(separator: separator),
                location?.city ?? "",
                location?.region ?? "",
                location?.postcode ?? "",
                profile.website ?? "",
                profile.email ?? "",
                profile.ods ?? "",
                profile.ukprn ?? "",
                profile.companiesHouse ?? "",
                profile.stage ?? "",
                profile.founded.map(String.init) ?? "",
                profile.maturity ?? "",
                profile.evidenceTier ?? "",
                (partners[profile.slug] ?? []).joined(separator: separator),
                profile.updated ?? "",
            ])
        }
    }

    /// One record with its CRLF.
    static func row(_ values: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.reduce(2) { $0 + $1.utf8.count + 3 })
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendField(value, to: &bytes)
        }
        bytes += [13, 10]
        return bytes
    }

    /// One field, guarded against formulas, then quoted when it must be.
    static func field(_ value: String) -> String {
        var bytes: [UInt8] = []
        appendField(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendField(_ value: String, to bytes: inout [UInt8]) {
        let utf8 = value.utf8
        let guarded = utf8.first.map { formulaStarts.contains($0) } ?? false
        let quoted = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 13 || $0 == 10 }
        if quoted { bytes.append(UInt8(ascii: "\"")) }
        if guarded { bytes.append(UInt8(ascii: "'")) }
        if quoted {
            for byte in utf8 {
                bytes.append(byte)
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            }
            bytes.append(UInt8(ascii: "\""))
        } else {
            bytes += utf8
        }
    }
}
