import Foundation

/// Finds the templates folder: the one asked for, else `templates/` where the command runs,
/// else the default theme in the FrontDoor checkout the binary was built from. A content
/// repository therefore needs no templates of its own.
public enum TemplateLocator {
    /// The repository's own `templates/`, found from this source file's path at build time.
    public static var builtInDirectory: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // 1-Load
            .deletingLastPathComponent()  // FrontDoorKit
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("templates").path
    }

    /// `requested` is nil when the user gave no `--templates`.
    public static func resolve(_ requested: String?, fileSystem: FileSystem = FileSystem()) -> String {
        if let requested { return requested }
        if fileSystem.isDirectory("templates") { return "templates" }
        return builtInDirectory
    }
}
