import Foundation

/// The new site, written file by file into a hidden folder beside the output while pages are
/// still being rendered, then swapped in whole by `SiteWriter`. Safe to write from several
/// threads at once.
///
/// A file whose bytes equal the file at the same path in the current output is hard-linked
/// from it instead of written: it keeps its modification time (so `rsync` deploys stay
/// small) and costs no data writes, while the swap stays atomic.
public final class StagingFolder: @unchecked Sendable {
    public let path: String
    /// The site being replaced, when there is one.
    let previous: String?
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private var writtenCount = 0
    private var reusedCount = 0

    init(path: String, previous: String?) {
        self.path = path
        self.previous = previous
    }

    /// Files written with new bytes, and files linked unchanged from the previous site.
    public var counts: (written: Int, reused: Int) { lock.withLock { (writtenCount, reusedCount) } }

    /// The previous site's pages a build may take rather than render (`PreviousPages`); nil
    /// when there is no previous site.
    func previousPages() -> PreviousPages? {
        previous.map { PreviousPages(site: $0) }
    }

    /// Links the previous site's files at these paths into the new site as they are, and
    /// returns the paths; nil, with nothing linked, when there is no previous site, it lacks
    /// one of them, or the file system cannot link them (the build then makes them).
    func keepFromPrevious(_ paths: [String]) throws(WriteError) -> [String]? {
        guard let previous else { return nil }
        var status = stat()
        guard paths.allSatisfy({ lstat(previous + "/" + $0, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG }) else { return nil }
        var linked: [String] = []
        for relativePath in paths {
            let target = try prepare(relativePath)
            guard link(previous + "/" + relativePath, target) == 0 else {
                for made in linked { unlink(made) }
                return nil
            }
            linked.append(target)
        }
        lock.withLock { reusedCount += paths.count }
        return paths
    }

    /// Writes a page, and records beside it the key it was rendered under (`RenderKey`), for
    /// the next build to find it by. A page taken from the previous site's file at the same
    /// path (`takenFrom`) is linked from it without comparing its bytes again.
    func write(_ page: OutputFile, renderKey: [UInt8]?, takenFrom: String? = nil) throws(WriteError) {
        if let previous, let takenFrom, takenFrom == previous + "/" + page.path, page.piece == .whole,
           link(takenFrom, try prepare(page.path)) == 0 {
            lock.withLock { reusedCount += 1 }
            return
        }
        try write(page)
        if let renderKey { PreviousPages.record(renderKey, atPath: path + "/" + page.path) }
    }

    /// Writes a file, or one piece of a file (`OutputFile.Piece`); a file's pieces must come
    /// in order, and from one thread at a time.
    public func write(_ file: OutputFile) throws(WriteError) {
        let target = try prepare(file.path)
        switch file.piece {
        case .whole: break
        case .first:
            try Self.create(target, with: file.data)
            return
        case .next, .last:
            try Self.append(file.data, to: target)
            guard file.piece == .last else { return }
            // Only now is the whole file known: an unchanged one is swapped for a link to the
            // previous site's copy, as a whole file would have been.
            // Linked beside it and renamed over it, so where links cannot be made (a file
            // system without them) the written file simply stays, as a whole file would.
            if let previous, Self.sameFile(atPath: previous + "/" + file.path, as: target) {
                let linked = target + ".frontdoor-link"
                unlink(linked)
                if link(previous + "/" + file.path, linked) == 0 {
                    guard rename(linked, target) == 0 else { throw .io(target, String(cString: strerror(errno))) }
                    lock.withLock { reusedCount += 1 }
                    return
                }
            }
            lock.withLock { writtenCount += 1 }
            return
        }
        if let previous, Self.sameBytes(atPath: previous + "/" + file.path, as: file.data),
           link(previous + "/" + file.path, target) == 0 {
            lock.withLock { reusedCount += 1 }
            return
        }
        try Self.create(target, with: file.data)
        lock.withLock { writtenCount += 1 }
    }

    /// A file copied as it is (content assets), streamed by the system rather than read into memory.
    public func copy(from sourcePath: String, to relativePath: String) throws(WriteError) {
        let target = try prepare(relativePath)
        // Opened without following links and checked to be a regular file: an asset that became
        // a symbolic link after the content was listed cannot pull a file from outside
        // content/ into the site, nor land in it as a link.
        let source = open(sourcePath, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard source >= 0 else { throw .io(sourcePath, String(cString: strerror(errno))) }
        defer { close(source) }
        var status = stat()
        guard fstat(source, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw .io(sourcePath, "not a regular file")
        }
        let destination = Self.createNew(target)
        guard destination >= 0 else { throw .io(target, String(cString: strerror(errno))) }
        defer { close(destination) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .io(sourcePath, String(cString: strerror(errno))) }
            if count == 0 { break }
            if let failure = Self.writeAll(destination, buffer[..<count]) { throw .io(target, String(cString: strerror(failure))) }
        }
        lock.withLock { writtenCount += 1 }
    }

    /// Checks the path and makes its folders; returns where the file goes.
    private func prepare(_ relativePath: String) throws(WriteError) -> String {
        guard AssetPath.isSafe(relativePath) else { throw .unsafePath(relativePath) }
        try makeFolder(Self.parent(of: relativePath))
        return path + "/" + relativePath
    }

    private func makeFolder(_ relative: String) throws(WriteError) {
        if relative.isEmpty || lock.withLock({ folders.contains(relative) }) { return }
        try makeFolder(Self.parent(of: relative))
        // Two threads may race to make the same folder; the loser's EEXIST is fine.
        if mkdir(path + "/" + relative, 0o755) != 0 && errno != EEXIST {
            throw .io(path + "/" + relative, String(cString: strerror(errno)))
        }
        _ = lock.withLock { folders.insert(relative) }
    }

    /// `a/b/c` -> `a/b`; `c` -> the empty path (the staging folder itself).
    static func parent(of relativePath: String) -> String {
        guard let slash = relativePath.lastIndex(of: "/") else { return "" }
        return String(relativePath[..<slash])
    }

    /// Opens a new, empty file at `target`; returns the descriptor, or -1 with `errno` set.
    /// A file already there may be a hard link to the published site's copy (an unchanged
    /// file linked earlier): writing through it would change the live site before the swap.
    /// So the name is unlinked and a new file made. Only then: an unlink takes the folder's
    /// lock even when there is nothing to remove, and builds into a fresh folder make tens of
    /// thousands of files.
    private static func createNew(_ target: String) -> Int32 {
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC
        let descriptor = open(target, flags, 0o644)
        guard descriptor < 0, errno == EEXIST else { return descriptor }
        unlink(target)
        return open(target, flags, 0o644)
    }

    private static func create(_ target: String, with data: Data) throws(WriteError) {
        let descriptor = createNew(target)
        guard descriptor >= 0 else { throw .io(target, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        if let failure = writeAll(descriptor, data) { throw .io(target, String(cString: strerror(failure))) }
    }

    private static func append(_ data: Data, to target: String) throws(WriteError) {
        let descriptor = open(target, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io(target, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        if let failure = writeAll(descriptor, data) { throw .io(target, String(cString: strerror(failure))) }
    }

    /// Writes every byte, retrying short writes; returns errno on failure.
    private static func writeAll(_ descriptor: Int32, _ bytes: some ContiguousBytes) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += count
            }
            return nil
        }
    }

    /// True when `path` is a regular file with the same bytes as the file at `other`,
    /// compared a block at a time, since such files are too large to hold.
    static func sameFile(atPath path: String, as other: String) -> Bool {
        var status = stat(), otherStatus = stat()
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, lstat(other, &otherStatus) == 0,
              status.st_size == otherStatus.st_size else { return false }
        let first = open(path, O_RDONLY | O_CLOEXEC), second = open(other, O_RDONLY | O_CLOEXEC)
        defer {
            if first >= 0 { close(first) }
            if second >= 0 { close(second) }
        }
        guard first >= 0, second >= 0 else { return false }
        let size = 1 << 20
        let a = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 1)
        let b = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 1)
        defer { a.deallocate(); b.deallocate() }
        var remaining = Int(status.st_size)
        while remaining > 0 {
            let want = min(size, remaining)
            guard readFully(first, a, want), readFully(second, b, want), memcmp(a.baseAddress!, b.baseAddress!, want) == 0 else { return false }
            remaining -= want
        }
        return true
    }

    private static func readFully(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer, _ count: Int) -> Bool {
        var offset = 0
        while offset < count {
            let read = Glibc.read(descriptor, buffer.baseAddress! + offset, count - offset)
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else { return false }
            offset += read
        }
        return true
    }

    /// True when `path` is a regular file holding exactly `data`.
    static func sameBytes(atPath path: String, as data: Data) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) == data.count else { return false }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        // Read into an unfilled buffer and compared with memcmp, not element by element: a
        // rebuild compares every byte of the site.
        guard !data.isEmpty else { return true }
        let existing = UnsafeMutableRawBufferPointer.allocate(byteCount: data.count, alignment: 1)
        defer { existing.deallocate() }
        guard readFully(descriptor, existing, existing.count) else { return false }
        return data.withUnsafeBytes { memcmp($0.baseAddress!, existing.baseAddress!, existing.count) == 0 }
    }
}
