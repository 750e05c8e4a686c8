import Foundation

/// The URL rules shared by validation (website, base_url) and Markdown rendering (links).
public enum SafeURL {
    /// Schemes a link in a body may use; anything else is dropped.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    public struct Absolute: Sendable, Hashable {
        public var scheme: String
        public var host: String
        public var path: String
    }

    /// An absolute http(s) URL with a host, or nil.
    public static func parseAbsolute(_ text: String) -> Absolute? {
        guard !text.contains(where: { $0.isWhitespace }),
              let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty, host.contains(".") || host == "localhost"
        else { return nil }
        return Absolute(scheme: scheme, host: host, path: components.path)
    }

    /// The scheme of a link, lowercased, or nil for a relative link. Leading spaces and
    /// control characters are skipped the way browsers skip them, so "\tjavascript:" is caught.
    public static func scheme(of link: String) -> String? {
        let trimmed = link.drop(while: { $0.isWhitespace || $0.unicodeScalars.allSatisfy { $0.value < 0x20 } })
        var scheme = ""
        for character in trimmed {
            if character == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            if character == "/" || character == "?" || character == "#" { return nil }
            if character.isLetter || character.isNumber || character == "+" || character == "." || character == "-" {
                scheme.append(character)
            } else if character.isWhitespace || character.unicodeScalars.allSatisfy({ $0.value < 0x20 }) {
                continue  // browsers strip tabs and newlines inside a scheme
            } else {
                return nil
            }
        }
        return nil
    }

    public static func isSafeLink(_ link: String) -> Bool {
        guard let scheme = scheme(of: link) else { return true }
        return allowedSchemes.contains(scheme)
    }
}
