import CFileSwap
import Foundation

/// Writes the site into a staging folder beside the output, then swaps it in with one
/// atomic rename. A build that fails or is killed before the swap leaves the old site
/// exactly as it was; readers never see a half-written site.
public struct SiteWriter: Sendable {
    public var output: String

    public init(output: String) {
        self.output = output
    }

    /// A file copied from disk as it is (content assets), streamed rather than held in memory.
    public struct Copy: Sendable {
        public var sourcePath: String
        public var destination: String

        public init(sourcePath: String, destination: String) {
            self.sourcePath = sourcePath
            self.destination = destination
        }
    }

    var outputURL: URL { URL(fileURLWithPath: output).standardizedFileURL }
    var stagingPrefix: String { "." + outputURL.lastPathComponent + ".frontdoor-" }

    /// Writes everything, then swaps. Returns the number of files written.
    @discardableResult
    public func write(_ files: [OutputFile], copies: [Copy] = []) throws(WriteError) -> Int {
        let staging = try begin()
        do {
            for file in files { try staging.write(file) }
            for copy in copies { try staging.copy(from: copy.sourcePath, to: copy.destination) }
        } catch {
            discard(staging)
            throw error
        }
        try commit(staging)
        return files.count + copies.count
    }

    /// Makes an empty staging folder beside the output, for a build to write into.
    public func begin() throws(WriteError) -> StagingFolder {
        let fileManager = FileManager.default
        let parent = outputURL.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: outputURL.path, isDirectory: &isDirectory)
        if exists, !isDirectory.boolValue {
            throw .notADirectory(output)
        }
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .io(parent.path, error.localizedDescription)
        }
        removeStaleStaging(in: parent)
        let staging = parent.appendingPathComponent(stagingPrefix + "staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: staging)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw .io(staging.path, error.localizedDescription)
        }
        // An empty output folder (a first build into a folder made for it) has nothing to reuse:
        // not comparing with it spares a failed look-up per file written.
        let empty = (try? fileManager.contentsOfDirectory(atPath: outputURL.path).isEmpty) ?? false
        return StagingFolder(path: staging.path, previous: exists && !empty ? outputURL.path : nil)
    }

    /// Swaps the staged site in for the old one, which is then removed.
    public func commit(_ staging: StagingFolder) throws(WriteError) {
        try swapIn(URL(fileURLWithPath: staging.path))
    }

    /// Drops a staged site; the output is untouched.
    public func discard(_ staging: StagingFolder) {
        try? FileManager.default.removeItem(atPath: staging.path)
    }

    private func swapIn(_ staging: URL) throws(WriteError) {
        let fileManager = FileManager.default
        let target = outputURL
        guard fileManager.fileExists(atPath: target.path) else {
            guard rename(staging.path, target.path) == 0 else { throw .io(output, String(cString: strerror(errno))) }
            return
        }
        if frontdoor_exchange_paths(staging.path, target.path) == 0 {
            // `staging` now holds the old site.
            try? fileManager.removeItem(at: staging)
            return
        }
        // No atomic exchange on this system: two renames, with a window where the output is missing.
        let old = target.deletingLastPathComponent().appendingPathComponent(stagingPrefix + "old-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: old)
        guard rename(target.path, old.path) == 0 else { throw .io(output, String(cString: strerror(errno))) }
        guard rename(staging.path, target.path) == 0 else {
            _ = rename(old.path, target.path)
            throw .io(output, String(cString: strerror(errno)))
        }
        try? fileManager.removeItem(at: old)
    }

    /// Staging folders left by builds that were killed. A folder whose build is still
    /// running (its process id, at the end of the name, is alive) is left alone.
    private func removeStaleStaging(in parent: URL) {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(stagingPrefix) {
            if let pid = name.split(separator: "-").last.flatMap({ Int32($0) }),
               pid != ProcessInfo.processInfo.processIdentifier, kill(pid, 0) == 0 {
                continue
            }
            try? fileManager.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}
