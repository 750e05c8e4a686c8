#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Watches folders (and every folder inside them) with Linux's inotify, and reports each burst
/// of changes once, as the set of paths that changed.
///
/// Editors save in different ways (write in place, or write a temporary file and rename it), so
/// the watcher follows folders, not files, and waits for a short quiet spell before reporting.
public final class ContentWatcher: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// How long the folders must be quiet before a burst of changes is reported.
    public static let quietSpell: Duration = .milliseconds(40)

    private let descriptor: Int32
    private let lock = NSLock()
    private var folders: [Int32: String] = [:]
    private var stopped = false

    public init(folders roots: [String]) throws {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw Failure(description: "cannot watch for changes: inotify_init1 failed (errno \(errno))") }
        for root in roots where FileManager.default.fileExists(atPath: root) {
            try addRecursively(URL(fileURLWithPath: root).standardizedFileURL.path)
        }
    }

    deinit { close(descriptor) }

    public func stop() {
        lock.withLock { stopped = true }
    }

    /// Bursts of changed paths, until `stop()`.
    public func changes() -> AsyncStream<Set<String>> {
        AsyncStream { continuation in
            let thread = Thread { [self] in
                var pending = Set<String>()
                var lastEvent = ContinuousClock.now
                while !lock.withLock({ stopped }) {
                    var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    let ready = poll(&poller, 1, pending.isEmpty ? 200 : 10)
                    if ready > 0 {
                        let paths = readEvents()
                        if !paths.isEmpty {
                            pending.formUnion(paths)
                            lastEvent = .now
                        }
                    }
                    if !pending.isEmpty && ContinuousClock.now - lastEvent >= Self.quietSpell {
                        let relevant = pending.filter(Self.isRelevant)
                        if !relevant.isEmpty { continuation.yield(relevant) }
                        pending = []
                    }
                }
                continuation.finish()
            }
            thread.name = "frontdoor content watcher"
            thread.start()
            continuation.onTermination = { [self] _ in stop() }
        }
    }

    /// Drops the short-lived scratch files some editors and tools write beside the real one
    /// (`sed -i`'s `sedXXXXXX`, vim's `4913`): gone by the time the burst ends, and nameless
    /// as to kind. A deleted profile (`x.md`) still counts.
    static func isRelevant(_ path: String) -> Bool {
        if FileManager.default.fileExists(atPath: path) { return true }
        let name = path.split(separator: "/").last ?? ""
        return name.contains(".")
    }

    private func readEvents() -> Set<String> {
        var changed = Set<String>()
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, capacity)
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameLength = Int(event.len)
                var name = ""
                if nameLength > 0 {
                    let start = buffer.advanced(by: offset + MemoryLayout<inotify_event>.size).assumingMemoryBound(to: CChar.self)
                    name = String(cString: start)
                }
                offset += MemoryLayout<inotify_event>.size + nameLength
                guard let folder = lock.withLock({ folders[event.wd] }) else { continue }
                // Editors' swap and backup files are not content.
                if name.hasPrefix(".") || name.hasSuffix("~") { continue }
                let path = name.isEmpty ? folder : folder + "/" + name
                if event.mask & UInt32(IN_ISDIR) != 0 && event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    try? addRecursively(path)
                }
                if event.mask & UInt32(IN_IGNORED) != 0 {
                    lock.withLock { folders[event.wd] = nil }
                    continue
                }
                changed.insert(path)
            }
        }
        return changed
    }

    private func addRecursively(_ folder: String) throws {
        let mask = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF)
        let watch = inotify_add_watch(descriptor, folder, mask)
        guard watch >= 0 else { throw Failure(description: "cannot watch \(folder) (errno \(errno))") }
        lock.withLock { folders[watch] = folder }
        let children = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for child in children.sorted() where !child.hasPrefix(".") {
            let path = folder + "/" + child
            var status = stat()
            // lstat: a symbolic link to a folder is not followed (the loader ignores links too).
            if lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
                try addRecursively(path)
            }
        }
    }
}
