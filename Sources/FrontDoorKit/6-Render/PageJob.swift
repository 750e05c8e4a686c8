/// A page still to be rendered: where it goes, and the work that renders it. The renderer
/// lists every page first (so the link checker knows all paths before any page exists), and
/// the build then renders and writes them a chunk at a time, in parallel, never holding the
/// whole site in memory.
public struct PageJob: Sendable {
    public let path: String
    private let make: @Sendable () -> OutputFile

    init(path: String, _ make: @escaping @Sendable () -> OutputFile) {
        self.path = path
        self.make = make
    }

    public func render() -> OutputFile {
        let file = make()
        assert(file.path == path, "a page job rendered \(file.path), listed as \(path)")
        return file
    }
}
