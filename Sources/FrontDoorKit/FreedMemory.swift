import Foundation

/// Hands memory the build has freed back to the system between steps.
///
/// glibc keeps freed memory in the arena of the thread that used it, for that thread to
/// reuse. A step's worker threads then grow their own arenas while the previous step's
/// freed memory sits in others: at 100,000 profiles that was over 100 MiB of resident memory
/// nobody used. `malloc_trim` gives every arena's free pages back. Looked up at run time, as
/// Swift's Glibc module does not declare it; elsewhere this does nothing.
enum FreedMemory {
    private typealias Trim = @convention(c) (Int) -> Int32

    private static let trim: Trim? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: Trim.self)
    }()

    static func release() {
        _ = trim?(0)
    }
}
