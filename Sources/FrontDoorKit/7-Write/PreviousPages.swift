import CFileAttributes
import Foundation

/// The pages of the output being replaced that a build may take instead of rendering them
/// again. A build into a folder that already holds a site records on each page file, in an
/// extended attribute, the `RenderKey` it was rendered under, with the file's size and
/// modification time at that moment; the next build that makes a page with the same key
/// reads that file rather than running the templates. A file changed since (another size or
/// time) is not taken. A first build into an empty folder records nothing (it has nothing
/// to take from, and making keys costs time), so the build after it records and the one
/// after that takes; the preview records from its first build (`BuildOptions.recordRenderKeys`).
/// On a file system without extended attributes every page is rendered.
///
/// The unchanged page is then written like any other, so `StagingFolder` hard-links it from
/// the old output: the new site is still made whole beside the old one and swapped in.
final class PreviousPages: @unchecked Sendable {
    static let attribute = "user.frontdoor.render"
    /// Render key -> the page file in the previous output, with its tag as read then.
    private let pages: [[UInt8]: (path: String, tag: Tag)]
    private let lock = NSLock()
    private var takenCount = 0

    /// Reads the keys of the HTML files under `site` (links are not followed).
    init(site: String) {
        var pages: [[UInt8]: (path: String, tag: Tag)] = [:]
        for entry in (try? FileSystem().listFiles(under: site)) ?? [] where !entry.isSymbolicLink && entry.relativePath.hasSuffix(".html") {
            let path = site + "/" + entry.relativePath
            if let tag = Self.tag(atPath: path) { pages[tag.key] = (path, tag) }
        }
        self.pages = pages
    }

    /// No previous output: nothing to take, but keys are made and recorded.
    static var none: PreviousPages { PreviousPages(pages: [:]) }

    private init(pages: [[UInt8]: (path: String, tag: Tag)]) {
        self.pages = pages
    }

    /// Pages with a key in the previous output.
    var count: Int { pages.count }
    /// Pages taken from it so far.
    var taken: Int { lock.withLock { takenCount } }

    /// The HTML of the previous output's page with this key, and its file, when it is still
    /// as it was written.
    func page(for key: [UInt8]) -> (text: String, path: String)? {
        guard let (path, tag) = pages[key], Self.unchanged(path, since: tag),
              let data = FileManager.default.contents(atPath: path), data.count == tag.size else { return nil }
        lock.withLock { takenCount += 1 }
        return (String(decoding: data, as: UTF8.self), path)
    }

    /// Records on a page file the key it was rendered under, with its size and time now.
    /// Best effort: a file system that keeps no extended attributes just gets no reuse.
    static func record(_ key: [UInt8], atPath path: String) {
        var status = stat()
        guard key.count == keySize, stat(path, &status) == 0 else { return }
        if let tag = tag(atPath: path), tag.key == key, unchanged(path, since: tag) { return }
        var value = key
        for number in [Int64(status.st_size), Int64(status.modificationTime.tv_sec), Int64(status.modificationTime.tv_nsec)] {
            withUnsafeBytes(of: number.littleEndian) { value += $0 }
        }
        _ = value.withUnsafeBytes { frontdoor_set_attribute(path, attribute, $0.baseAddress, $0.count) }
    }

    private static let keySize = 32
    private static let tagSize = keySize + 24

    private struct Tag {
        var key: [UInt8]
        var size: Int64
        var seconds: Int64
        var nanoseconds: Int64
    }

    private static func tag(atPath path: String) -> Tag? {
        var value = [UInt8](repeating: 0, count: tagSize)
        let count = value.withUnsafeMutableBytes { frontdoor_get_attribute(path, attribute, $0.baseAddress, $0.count) }
        guard count == tagSize else { return nil }
        func number(at offset: Int) -> Int64 {
            value[offset..<offset + 8].reversed().reduce(0) { $0 << 8 | Int64($1) }
        }
        return Tag(key: Array(value[..<keySize]), size: number(at: keySize), seconds: number(at: keySize + 8),
                   nanoseconds: number(at: keySize + 16))
    }

    /// The file has the size and modification time it had when its tag was written.
    private static func unchanged(_ path: String, since tag: Tag) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        return Int64(status.st_size) == tag.size
            && Int64(status.modificationTime.tv_sec) == tag.seconds && Int64(status.modificationTime.tv_nsec) == tag.nanoseconds
    }
}
