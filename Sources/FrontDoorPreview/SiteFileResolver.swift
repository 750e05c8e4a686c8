import Foundation

/// Maps a request path to a file inside the built site, and to nothing outside it.
///
/// A path is refused when any segment is `.` or `..`, when it holds a NUL or a backslash, or when
/// the file it names resolves (through symbolic links) outside the site folder. Hidden names
/// (a segment starting with `.`) are never served: the writer's staging folders are hidden.
public struct SiteFileResolver: Sendable {
    public enum Resolution: Equatable, Sendable {
        /// A regular file inside the site: its absolute path.
        case file(String)
        /// A folder asked for without its trailing slash: where to send the browser.
        case redirect(String)
        case notFound
        case forbidden
    }

    /// The longest request path served; anything longer is refused before it reaches the disk.
    public static let maximumPathLength = 2048

    let root: String

    /// `root` is the built site's folder; it need not exist yet.
    public init(root: String) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.path
    }

    /// `percentEncodedPath` is the request target's path, without the query.
    public func resolve(_ percentEncodedPath: String) -> Resolution {
        guard percentEncodedPath.hasPrefix("/"), percentEncodedPath.utf8.count <= Self.maximumPathLength,
              let path = percentEncodedPath.removingPercentEncoding else { return .forbidden }
        if path.contains("\0") || path.contains("\\") { return .forbidden }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.contains(where: { $0 == "." || $0 == ".." }) { return .forbidden }
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }
        // `//x` would otherwise redirect to `//x/`, which a browser reads as another host.
        if segments.dropLast().contains(where: \.isEmpty) { return .notFound }

        let relative = segments.joined(separator: "/")
        var candidate = relative.isEmpty ? root : root + "/" + relative
        if path.hasSuffix("/") {
            candidate += candidate.hasSuffix("/") ? "index.html" : "/index.html"
        } else if isDirectory(candidate) {
            return .redirect(percentEncodedPath + "/")
        }
        guard let real = realPath(candidate), let realRoot = realPath(root) else { return .notFound }
        guard real.hasPrefix(realRoot + "/") else { return .forbidden }
        return isRegularFile(real) ? .file(real) : .notFound
    }

    private func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    private func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }
}
