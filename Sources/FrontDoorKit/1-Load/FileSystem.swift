import Foundation

/// The one door to the disk for reading. Load is the only stage that holds one.
public struct FileSystem: Sendable {
    public init() {}

    public struct Entry: Sendable, Hashable {
        /// Path relative to the folder that was listed, with `/` separators.
        public var relativePath: String
        public var size: Int
        public var isSymbolicLink: Bool
    }

    public func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public func fileExists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    public func read(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// Every regular file and symbolic link below `root`, sorted by path so that
    /// everything downstream sees the same order on every machine. Symbolic links are
    /// reported but never followed, so nothing outside `root` is read through them.
    public func listFiles(under root: String) throws -> [Entry] {
        let rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        let keys: [URLResourceKey] = [.isRegularFileKey, .isSymbolicLinkKey, .fileSizeKey]
        guard let enumerator = FileManager.default.enumerator(at: rootURL, includingPropertiesForKeys: keys) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: root])
        }
        let rootPath = rootURL.path.hasSuffix("/") ? rootURL.path : rootURL.path + "/"
        var entries: [Entry] = []
        for case let url as URL in enumerator {
            let values = try url.resourceValues(forKeys: Set(keys))
            let isLink = values.isSymbolicLink ?? false
            guard isLink || (values.isRegularFile ?? false) else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(rootPath) else { continue }
            entries.append(Entry(relativePath: String(path.dropFirst(rootPath.count)), size: values.fileSize ?? 0, isSymbolicLink: isLink))
        }
        return entries.sorted { $0.relativePath < $1.relativePath }
    }
}
