import Foundation

/// A file as read from disk, before any parsing.
public struct SourceFile: Sendable, Hashable {
    /// Path inside the content folder, e.g. `companies/acme.md`.
    public var relativePath: String
    /// Path as shown to the editor, relative to where they ran the command.
    public var displayPath: String
    public var data: Data

    public init(relativePath: String, displayPath: String, data: Data) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.data = data
    }

    /// The type (from the folder) and slug (the file name without `.md`) of a profile file.
    public var profileIdentity: (type: ProfileType, slug: String)? {
        let components = relativePath.split(separator: "/")
        guard components.count == 2, components[1].hasSuffix(".md"),
              let type = ProfileType(folder: String(components[0])) else { return nil }
        return (type, String(components[1].dropLast(".md".count)))
    }
}

/// A file under `content/assets/`, copied to the site as it is. Only the path is kept:
/// the write stage streams the bytes, so large files are never held in memory.
public struct AssetFile: Sendable, Hashable {
    /// Path inside `content/assets/`, e.g. `logos/uhb.svg`.
    public var relativePath: String
    public var absolutePath: String
}

/// Everything read from the content folder.
public struct ContentSource: Sendable {
    public var root: String
    public var displayRoot: String
    public var siteConfig: SourceFile?
    public var profiles: [SourceFile]
    public var assets: [AssetFile]
    /// Problems found while reading (stray files, symbolic links, oversized files).
    public var diagnostics: [Diagnostic]

    public func displayPath(_ relativePath: String) -> String {
        displayRoot.isEmpty ? relativePath : displayRoot + "/" + relativePath
    }
}
