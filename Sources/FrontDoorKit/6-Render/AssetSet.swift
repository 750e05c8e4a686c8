import Foundation

/// Template assets published under `static/` with a content hash in the name, so they can
/// be cached for ever: `style.css` -> `static/style.3f2a9c1e.css`.
public struct AssetSet: Sendable {
    public var files: [OutputFile]
    /// Template key (`style_css`) -> site path (`static/style.3f2a9c1e.css`).
    public var paths: [String: String]

    public init(assets: [(path: String, data: Data)]) {
        var files: [OutputFile] = []
        var paths: [String: String] = [:]
        for asset in assets.sorted(by: { $0.path < $1.path }) {
            let name = asset.path as NSString
            let ext = name.pathExtension
            let stem = name.deletingPathExtension
            let hashed = "static/\(stem).\(Self.hash(asset.data))" + (ext.isEmpty ? "" : ".\(ext)")
            files.append(OutputFile(path: hashed, data: asset.data))
            paths[Self.key(for: asset.path)] = hashed
        }
        self.files = files
        self.paths = paths
    }

    /// `css/site.css` -> `css_site_css`: Mustache reads dots as nesting, so keys avoid them.
    public static func key(for path: String) -> String {
        String(path.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// 64-bit FNV-1a, as 8 hex digits: enough to tell versions of a file apart.
    static func hash(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(String(hash, radix: 16).suffix(8)).leftPadded(to: 8)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
