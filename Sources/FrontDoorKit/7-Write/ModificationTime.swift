import Foundation

extension stat {
    /// The file's modification time, under the name each platform gives it.
    var modificationTime: timespec {
        #if canImport(Darwin)
        st_mtimespec
        #else
        st_mtim
        #endif
    }
}
