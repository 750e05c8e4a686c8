import Foundation

/// The template set as read from disk: Mustache sources by name and the assets to publish.
public struct TemplateSource: Sendable {
    /// `layout`, `partials/card`, `pages/home`, ... -> Mustache text.
    public var templates: [String: String]
    /// Files under `templates/assets/`, by path inside that folder.
    public var assets: [(path: String, data: Data)]
}

public struct TemplateLoader: Sendable {
    public var fileSystem: FileSystem

    public init(fileSystem: FileSystem = FileSystem()) {
        self.fileSystem = fileSystem
    }

    public func load(templatesDirectory: String) throws -> TemplateSource {
        guard fileSystem.isDirectory(templatesDirectory) else {
            throw LoadError.missingFolder(templatesDirectory)
        }
        var source = TemplateSource(templates: [:], assets: [])
        for entry in try fileSystem.listFiles(under: templatesDirectory) where !entry.isSymbolicLink {
            let absolute = (templatesDirectory as NSString).appendingPathComponent(entry.relativePath)
            if entry.relativePath.hasPrefix("assets/") {
                source.assets.append((String(entry.relativePath.dropFirst("assets/".count)), try fileSystem.read(absolute)))
            } else if entry.relativePath.hasSuffix(".mustache") {
                let data = try fileSystem.read(absolute)
                guard let text = String(data: data, encoding: .utf8) else {
                    throw LoadError.unreadable(entry.relativePath, "not valid UTF-8")
                }
                source.templates[String(entry.relativePath.dropLast(".mustache".count))] = text
            }
        }
        return source
    }
}
