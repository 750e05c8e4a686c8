import Foundation

/// The open-data files every build writes (README "Open data"): the Open Referral HSDS 3.0
/// export under `openreferral/`, `directory.json` and `directory.csv`. One parallel pass
/// over each batch of organisations makes each one's part of all three.
public enum OpenDataExport {
    struct Part: Sendable {
        var hsds: HSDSExport.Organisation
        var json: OpenDataJSON
        var csv: [UInt8]
    }

    /// Organisations made at a time: their HSDS files go to the sink and are let go before
    /// the next batch, so memory holds one batch of files, not the whole export.
    public static let batch = 2048

    public static func files(_ directory: Directory) -> [OutputFile] {
        var all: [OutputFile] = []
        files(directory) { all += $0 }
        return all
    }

    /// Hands the files to `sink` in batches: each batch of organisations' own files, then the
    /// lists, `directory.json` and `directory.csv`, which need every organisation.
    public static func files(_ directory: Directory, batch: Int = batch, into sink: ([OutputFile]) throws -> Void) rethrows {
        let records = HSDSRecords(directory: directory)
        let rows = DirectoryCSV.Rows(directory)
        var summaries: [OpenDataJSON] = [], services: [OpenDataJSON] = [], json: [OpenDataJSON] = [], csv: [[UInt8]] = []
        let organisations = directory.organisations
        for start in stride(from: 0, to: organisations.count, by: batch) {
            let parts = Array(organisations[start..<min(start + batch, organisations.count)]).parallelMap { profile in
                Part(hsds: HSDSExport.organisation(profile, records), json: DirectoryJSON.organisation(profile, directory).encoded(),
                     csv: rows.row(profile))
            }
            try sink(parts.flatMap(\.hsds.files))
            for part in parts {
                summaries.append(part.hsds.summary)
                services += part.hsds.services
                json.append(part.json)
                csv.append(part.csv)
            }
        }
        // One file at a time, each let go (with the parts it was made from) before the next.
        try sink(HSDSExport.listFiles(records, summaries: summaries, services: services))
        summaries = []
        services = []
        try sink([DirectoryCSV.file(rows: csv)])
        csv = []
        try sink([DirectoryJSON.file(directory, organisations: json)])
    }
}
