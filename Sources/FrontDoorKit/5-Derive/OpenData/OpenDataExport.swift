import Foundation

/// The open-data files every build writes (README "Open data"): the Open Referral HSDS 3.0
/// export under `openreferral/`, `directory.json` and `directory.csv`. One parallel pass
/// over the organisations makes each one's part of all three.
public enum OpenDataExport {
    struct Part: Sendable {
        var hsds: HSDSExport.Organisation
        var json: OpenDataJSON
        var csv: [UInt8]
    }

    public static func files(_ directory: Directory) -> [OutputFile] {
        let records = HSDSRecords(directory: directory)
        let rows = DirectoryCSV.Rows(directory)
        let parts = directory.organisations.parallelMap { profile in
            Part(hsds: HSDSExport.organisation(profile, records), json: DirectoryJSON.organisation(profile, directory).encoded(),
                 csv: rows.row(profile))
        }
        return HSDSExport.files(records, organisations: parts.map(\.hsds))
            + [DirectoryJSON.file(directory, organisations: parts.map(\.json)), DirectoryCSV.file(rows: parts.map(\.csv))]
    }
}
