import Foundation

/// Reads `content/` into a `ContentSource`: `site.yml`, one Markdown file per profile in
/// the six type folders, and the asset list. It decides nothing about file contents.
public struct ContentLoader: Sendable {
    /// Larger profiles are refused before they are read.
    public static let maxFileSize = 1 << 20

    public var fileSystem: FileSystem

    public init(fileSystem: FileSystem = FileSystem()) {
        self.fileSystem = fileSystem
    }

    public func load(contentDirectory: String) throws -> ContentSource {
        guard fileSystem.isDirectory(contentDirectory) else {
            throw LoadError.missingFolder(contentDirectory)
        }
        let displayRoot = DisplayPath.relativeToWorkingDirectory(contentDirectory)
        var source = ContentSource(root: contentDirectory, displayRoot: displayRoot, siteConfig: nil, profiles: [], assets: [], diagnostics: [])

        for entry in try fileSystem.listFiles(under: contentDirectory) {
            let path = entry.relativePath
            let components = path.split(separator: "/").map(String.init)
            let absolute = (contentDirectory as NSString).appendingPathComponent(path)
            let display = source.displayPath(path)
            if entry.isSymbolicLink {
                source.diagnostics.append(Diagnostic(path: display, .warning, .symbolicLink,
                    "symbolic links are not followed; this file is ignored", hint: "copy the file into content/ instead"))
                continue
            }
            if components.first == "assets", components.count > 1 {
                source.assets.append(AssetFile(relativePath: components.dropFirst().joined(separator: "/"), absolutePath: absolute))
                continue
            }
            if path == "site.yml" {
                source.siteConfig = try readChecked(absolute, relativePath: path, display: display, size: entry.size, into: &source.diagnostics)
                continue
            }
            guard path.hasSuffix(".md") else { continue }
            guard components.count == 2, ProfileType(folder: components[0]) != nil else {
                source.diagnostics.append(Diagnostic(path: display, .warning, .strayMarkdown,
                    "Markdown file outside the profile folders is ignored",
                    hint: "profiles go in " + ProfileType.allCases.map { $0.folder + "/" }.joined(separator: ", ")))
                continue
            }
            if let file = try readChecked(absolute, relativePath: path, display: display, size: entry.size, into: &source.diagnostics) {
                source.profiles.append(file)
            }
        }
        if source.siteConfig == nil {
            source.diagnostics.append(Diagnostic(path: source.displayPath("site.yml"), .error, .missingSiteConfig,
                "site.yml is missing", hint: "it holds title, description, base_url and capabilities"))
        }
        return source
    }

    private func readChecked(_ absolute: String, relativePath: String, display: String, size: Int, into diagnostics: inout [Diagnostic]) throws -> SourceFile? {
        guard size <= Self.maxFileSize, let data = try fileSystem.read(absolute, limit: Self.maxFileSize) else {
            diagnostics.append(Diagnostic(path: display, .error, .fileTooLarge,
                "file is \(size > Self.maxFileSize ? "\(size) bytes" : "over the limit"); the limit is \(Self.maxFileSize) bytes (1 MiB)",
                hint: "split it, or move large text and images out of the profile"))
            return nil
        }
        return SourceFile(relativePath: relativePath, displayPath: display, data: data)
    }
}

public enum LoadError: Error, CustomStringConvertible {
    case missingFolder(String)
    case unreadable(String, String)

    public var description: String {
        switch self {
        case .missingFolder(let path): "no such folder: \(path)"
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        }
    }
}

/// Paths shown to editors are relative to the folder they ran the command in.
enum DisplayPath {
    static func relativeToWorkingDirectory(_ path: String) -> String {
        let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        guard trimmed.hasPrefix("/") else { return trimmed }
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return trimmed.hasPrefix(prefix) ? String(trimmed.dropFirst(prefix.count)) : trimmed
    }
}
