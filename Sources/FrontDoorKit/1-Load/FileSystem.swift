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
        // Room for what the file holds now and one byte more, to see the end in the same
        // read: a buffer of the whole limit would be written for every 2 KB profile.
        // The file may grow while it is read, so the buffer grows too, never past limit + 1.
        let bound = limit + 1
        var bytes = [UInt8](repeating: 0, count: min(max(Int(status.st_size), 0) + 1, bound))
        var count = 0
        while count < bound {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, bound - bytes.count))) }
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
    ///
    /// Walks as Foundation's URL enumerator did (fts with no links followed and no mount
    /// point crossed, a root that is a link or missing giving nothing) without its URL and
    /// resource-value work per file: one lstat per entry, folders opened relative to their
    /// parent and never through a link.
    public func listFiles(under root: String) throws -> [Entry] {
        var rootPath = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL.path
        while rootPath.count > 1, rootPath.hasSuffix("/") { rootPath.removeLast() }
        let descriptor = open(rootPath, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { close(descriptor); return [] }
        var entries: [Entry] = []
        Self.walk(descriptor, relativePrefix: "", device: status.st_dev, into: &entries)
        return entries.sorted { $0.relativePath < $1.relativePath }
    }

    /// Lists the folder open at `descriptor` (and closes it), descending into subfolders
    /// on the same device.
    private static func walk(_ descriptor: Int32, relativePrefix: String, device: dev_t, into entries: inout [Entry]) {
        guard let folder = fdopendir(descriptor) else { close(descriptor); return }
        defer { closedir(folder) }
        while let item = readdir(folder) {
            let name = withUnsafePointer(to: &item.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            var status = stat()
            guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            let relativePath = relativePrefix + name
            switch status.st_mode & S_IFMT {
            case S_IFREG, S_IFLNK:
                entries.append(Entry(relativePath: relativePath, size: Int(status.st_size),
                                     isSymbolicLink: status.st_mode & S_IFMT == S_IFLNK))
            case S_IFDIR where status.st_dev == device:
                let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if child >= 0 { walk(child, relativePrefix: relativePath + "/", device: device, into: &entries) }
            default:
                continue
            }
        }
    }
}
