import Foundation

/// Refuses output folders whose replacement would destroy something that is not a built site.
public enum OutputGuard {
    public static func check(output: String, protecting protected: [String]) throws(WriteError) {
        let target = canonical(output)
        let home = canonical(NSHomeDirectory())
        if target == "/" { throw .unsafeOutput(output, "it is the root folder") }
        if target == home { throw .unsafeOutput(output, "it is your home folder") }
        if home.hasPrefix(target + "/") { throw .unsafeOutput(output, "it contains your home folder") }
        for path in protected {
            let folder = canonical(path)
            if folder == target { throw .unsafeOutput(output, "it is the folder \(path)") }
            if folder.hasPrefix(target.hasSuffix("/") ? target : target + "/") {
                throw .unsafeOutput(output, "it contains \(path)")
            }
        }
    }

    /// Absolute, with symbolic links resolved, so `./site/../content` is seen for what it is.
    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

public enum WriteError: Error, CustomStringConvertible {
    case unsafeOutput(String, String)
    case unsafePath(String)
    case notADirectory(String)
    case io(String, String)

    public var description: String {
        switch self {
        case .unsafeOutput(let path, let why): "refusing to write the site to \(path): \(why)"
        case .unsafePath(let path): "refusing to write \(path): it would land outside the output folder"
        case .notADirectory(let path): "\(path) exists and is not a folder"
        case .io(let path, let why): "cannot write \(path): \(why)"
        }
    }
}
