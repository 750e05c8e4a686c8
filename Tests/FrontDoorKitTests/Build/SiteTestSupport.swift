import Foundation
import Testing
@testable import FrontDoorKit

/// Helpers shared by the whole-site suites in this folder: fixture trees, temporary
/// workspaces, builds, folder snapshots and a small HTML tag scanner. One namespace, so
/// nothing here can clash with helpers of other suites in the target.
enum SiteTestSupport {
    // MARK: Fixtures

    /// `Fixtures/site` inside the test bundle's resources.
    static var fixturesRoot: URL {
        get throws {
            let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil),
                                        "the test bundle has no Fixtures folder")
            return fixtures.appendingPathComponent("site")
        }
    }

    /// `Fixtures/site` in the source tree, found from this file's path: where goldens are written.
    static var sourceFixturesRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Build
            .deletingLastPathComponent()  // FrontDoorKitTests
            .appendingPathComponent("Fixtures/site")
    }

    static var templates: String { TemplateLocator.builtInDirectory }

    // MARK: Workspaces

    /// A fresh folder under the temporary directory. Call `remove()` in a `defer`.
    struct Workspace {
        let url: URL

        init(_ label: String = "site") throws {
            url = FileManager.default.temporaryDirectory
                .appendingPathComponent("frontdoor-\(label)-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

        func remove() { try? FileManager.default.removeItem(at: url) }

        /// A content tree: the `base` fixture with each overlay fixture copied over it.
        @discardableResult
        func content(_ base: String = "basic", overlays: [String] = [], at relative: String = "content") throws -> String {
            let destination = url.appendingPathComponent(relative)
            try copyTree(try fixturesRoot.appendingPathComponent("\(base)/content"), into: destination)
            for overlay in overlays {
                try copyTree(try fixturesRoot.appendingPathComponent("\(overlay)/content"), into: destination)
            }
            return destination.path
        }

        /// Writes a text file, creating its folders.
        func write(_ relative: String, _ text: String) throws {
            let file = url.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }


    /// Writes `count` minimal companies in `area` (`companies/company-N.md`, titled
    /// `Company 001` and on), for lists long enough to be split into pages (`ListPages`).
    static func addCompanies(_ count: Int, inArea area: String, to content: String) throws {
        for number in 1...count {
            let text = """
                ---
                title: Company \(String(format: "%03d", number))
                summary: A company.
                stage: startup
                areas:
                  - \(area)
                ---
                A company.
                """
            try Data(text.utf8).write(to: URL(fileURLWithPath: content + "/companies/company-\(number).md"))
        }
    }
    /// Copies every file below `source` into `destination`, merging folders and replacing files.
    static func copyTree(_ source: URL, into destination: URL) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: destination, withIntermediateDirectories: true)
        for (relative, data) in try snapshot(source.path).files {
            let target = destination.appendingPathComponent(relative)
            try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: target)
        }
    }

    // MARK: Building

    static func build(content: String, output: String, templates: String = SiteTestSupport.templates,
                      baseURL: String? = nil, strict: Bool = false) throws -> BuildReport {
        try SiteBuilder().build(BuildOptions(content: content, templates: templates, output: output,
                                             includeDrafts: false, strict: strict, baseURL: baseURL))
    }

    /// Builds and requires success: no errors, site written.
    @discardableResult
    static func buildOK(content: String, output: String, templates: String = SiteTestSupport.templates, baseURL: String? = nil,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> BuildReport {
        let report = try build(content: content, output: output, templates: templates, baseURL: baseURL)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "unexpected diagnostics: \(errors)", sourceLocation: sourceLocation)
        try #require(report.written, "the build wrote nothing: \(report.diagnostics)", sourceLocation: sourceLocation)
        return report
    }

    // MARK: Snapshots

    /// Every file below a folder (path relative to it -> bytes) and every folder.
    struct Snapshot: Equatable {
        var files: [String: Data] = [:]
        var folders: Set<String> = []
        var symbolicLinks: Set<String> = []

        var paths: [String] { files.keys.sorted() }

        /// A short description of how two snapshots differ, for failure messages.
        func difference(from other: Snapshot) -> String {
            let mine = Set(files.keys), theirs = Set(other.files.keys)
            var lines: [String] = []
            let missing = theirs.subtracting(mine).sorted(), extra = mine.subtracting(theirs).sorted()
            if !missing.isEmpty { lines.append("missing \(missing.count): \(missing.prefix(5).joined(separator: ", "))") }
            if !extra.isEmpty { lines.append("extra \(extra.count): \(extra.prefix(5).joined(separator: ", "))") }
            let changed = mine.intersection(theirs).filter { files[$0] != other.files[$0] }.sorted()
            if !changed.isEmpty { lines.append("changed \(changed.count): \(changed.prefix(5).joined(separator: ", "))") }
            if folders != other.folders { lines.append("folders differ: \(folders.symmetricDifference(other.folders).sorted().prefix(5))") }
            if symbolicLinks != other.symbolicLinks { lines.append("symbolic links differ") }
            return lines.isEmpty ? "identical" : lines.joined(separator: "; ")
        }
    }

    static func snapshot(_ root: String) throws -> Snapshot {
        var snapshot = Snapshot()
        let rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        let prefix = rootURL.path.hasSuffix("/") ? rootURL.path : rootURL.path + "/"
        let keys: [URLResourceKey] = [.isRegularFileKey, .isDirectoryKey, .isSymbolicLinkKey]
        guard let enumerator = FileManager.default.enumerator(at: rootURL, includingPropertiesForKeys: keys) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: root])
        }
        for case let url as URL in enumerator {
            let values = try url.resourceValues(forKeys: Set(keys))
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(prefix) else { continue }
            let relative = String(path.dropFirst(prefix.count))
            if values.isSymbolicLink == true {
                snapshot.symbolicLinks.insert(relative)
            } else if values.isDirectory == true {
                snapshot.folders.insert(relative)
            } else if values.isRegularFile == true {
                snapshot.files[relative] = try Data(contentsOf: url)
            }
        }
        return snapshot
    }

    static func text(_ path: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(String(data: data, encoding: .utf8), "\(path) is not UTF-8")
    }

    /// Names in a folder, sorted.
    static func listing(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    // MARK: The frontdoor binary

    /// The `frontdoor` executable built beside the test bundle, if `swift build` or
    /// `swift test` made it.
    static var frontdoorBinary: URL? {
        let binary = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("frontdoor")
        return FileManager.default.isExecutableFile(atPath: binary.path) ? binary : nil
    }

    /// Runs `frontdoor` to completion and returns its exit status and standard error.
    static func runFrontdoor(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let binary = try #require(frontdoorBinary)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    // MARK: HTML

    /// One start tag as a browser would tokenise it: lowercased name, attributes with
    /// character references decoded.
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
        /// Byte offset of the `<` in the page, for messages.
        var offset: Int

        func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    }

    /// The start tags of a page. Comments, doctypes and end tags are skipped; a `<` that
    /// does not start a tag is text. Good enough for the HTML our templates and cmark write.
    static func tags(in html: String) -> [Tag] {
        let bytes = Array(html.utf8)
        var tags: [Tag] = []
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        func starts(with text: String, at position: Int) -> Bool {
            let needle = Array(text.utf8)
            return position + needle.count <= bytes.count && Array(bytes[position..<position + needle.count]) == needle
        }
        func skip(past text: String, from position: Int) -> Int {
            var position = position
            while position < bytes.count, !starts(with: text, at: position) { position += 1 }
            return min(bytes.count, position + text.utf8.count)
        }
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else { index += 1; continue }
            let start = index
            let next = bytes[index + 1]
            if starts(with: "<!--", at: index) { index = skip(past: "-->", from: index + 4); continue }
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") || next == UInt8(ascii: "/") {
                index = skip(past: ">", from: index + 1)
                continue
            }
            guard isLetter(next) else { index += 1; continue }
            index += 1
            let nameStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") { index += 1 }
            var tag = Tag(name: string(nameStart..<index).lowercased(), attributes: [], offset: start)
            while index < bytes.count {
                while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
                guard index < bytes.count, bytes[index] != UInt8(ascii: ">") else { break }
                let attributeStart = index
                index += 1  // an attribute name may start with `=`
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="),
                      bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") { index += 1 }
                let name = string(attributeStart..<index).lowercased()
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                var value = ""
                if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                        let quote = bytes[index]
                        index += 1
                        let valueStart = index
                        while index < bytes.count, bytes[index] != quote { index += 1 }
                        value = string(valueStart..<index)
                        index += 1
                    } else {
                        let valueStart = index
                        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                        value = string(valueStart..<index)
                    }
                }
                tag.attributes.append((name, decodeCharacterReferences(value)))
            }
            index += 1
            tags.append(tag)
        }
        return tags
    }

    /// Numeric references and the named ones that matter for URLs.
    static func decodeCharacterReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":",
                                       "tab": "\t", "newline": "\n", "sol": "/", "lpar": "(", "rpar": ")", "nbsp": "\u{A0}"]
        var output = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            let reference = after.prefix { $0.isLetter || $0.isNumber || $0 == "#" }
            var replacement: String?
            if reference.hasPrefix("#x") || reference.hasPrefix("#X") {
                replacement = UInt32(reference.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if reference.hasPrefix("#") {
                replacement = UInt32(reference.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                replacement = named[reference.lowercased()]
            }
            if let replacement {
                output += replacement
                rest = after.dropFirst(reference.count)
                if rest.first == ";" { rest = rest.dropFirst() }
            } else {
                output += "&"
                rest = after
            }
        }
        return output + rest
    }

    /// The scheme a browser would see in a URL attribute: leading spaces and controls
    /// stripped, tabs and newlines inside removed, lowercased. Nil for a relative URL.
    static func browserScheme(_ url: String) -> String? {
        let cleaned = String(url.unicodeScalars
            .drop { $0.value <= 0x20 }
            .filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
        guard let colon = cleaned.firstIndex(of: ":") else { return nil }
        let scheme = cleaned[..<colon]
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else { return nil }
        return scheme.lowercased()
    }

    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "poster", "data", "background", "xlink:href", "cite"]

    /// Every HTML file of a built site, by path.
    static func htmlPages(_ site: String) throws -> [(path: String, html: String)] {
        try snapshot(site).files
            .filter { $0.key.hasSuffix(".html") }
            .sorted { $0.key < $1.key }
            .map { ($0.key, String(decoding: $0.value, as: UTF8.self)) }
    }
}
