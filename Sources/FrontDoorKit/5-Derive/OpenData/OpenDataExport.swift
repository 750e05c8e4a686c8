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
        return OutputFile.joiningPieces(all)
    }

    /// Hands the files to `sink` in batches: each batch of organisations' own files, with
    /// their part of the lists, `directory.json` and `directory.csv`, which are written as
    /// pieces (`StreamedList`): first the start of each, then a piece per batch, then the
    /// ends with the rest of the HSDS lists.
    public static func files<Failure: Error>(_ directory: Directory, batch: Int = batch, into sink: ([OutputFile]) throws(Failure) -> Void) throws(Failure) {
        let records = HSDSRecords(directory: directory)
        let rows = DirectoryCSV.Rows(directory)
        let organisations = directory.organisations
        var summaries = StreamedList(path: HSDSExport.organizationsPath)
        var services = StreamedList(path: HSDSExport.servicesPath)
        var json = StreamedList(path: DirectoryJSON.path)
        // A list page's `contents` is its first key, so the text before it holds no count.
        let page = StreamedList.split(HSDSExport.page(StreamedList.placeholder, count: 0))
        let document = StreamedList.split(DirectoryJSON.document(directory, organisations: StreamedList.placeholder,
                                                                 count: organisations.count))
        try sink([summaries.start(page.before), services.start(page.before), json.start(document.before),
                  OutputFile(path: DirectoryCSV.path, data: DirectoryCSV.header, piece: .first)])
        for start in stride(from: 0, to: organisations.count, by: batch) {
            let parts = Array(organisations[start..<min(start + batch, organisations.count)]).parallelMap { profile in
                Part(hsds: HSDSExport.organisation(profile, records), json: DirectoryJSON.organisation(profile, directory).encoded(),
                     csv: rows.row(profile))
            }
            try sink(parts.flatMap(\.hsds.files) + [
                summaries.add(parts.map(\.hsds.summary)),
                services.add(parts.flatMap(\.hsds.services)),
                json.add(parts.map(\.json)),
                OutputFile(path: DirectoryCSV.path, data: Data(parts.flatMap(\.csv)), piece: .next),
            ])
        }
        try sink(HSDSExport.otherListFiles(records, organisations: summaries.count, services: services.count) + [
            summaries.end(StreamedList.split(HSDSExport.page(StreamedList.placeholder, count: summaries.count)).after),
            services.end(StreamedList.split(HSDSExport.page(StreamedList.placeholder, count: services.count)).after),
            json.end(document.after),
            OutputFile(path: DirectoryCSV.path, data: Data(), piece: .last),
        ])
    }
}
