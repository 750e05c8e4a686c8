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

    /// At most `limit` bytes of a regular file, or nil when it holds more. The listing's size
    /// is only what the file held then: this reads no further than the limit whatever the
    /// file has become since, and does not follow a symbolic link swapped in since.
    public func read(_ path: String, limit: Int) throws -> Data? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw LoadError.unreadable(path, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw LoadError.unreadable(path, "not a regular file")
        }
        var bytes = [UInt8](repeating: 0, count: limit + 1)
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw LoadError.unreadable(path, String(cString: strerror(errno))) }
            if got == 0 { break }
            count += got
        }
        return count > limit ? nil : Data(bytes[..<count])
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
