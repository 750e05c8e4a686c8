/// What `frontdoor serve` was asked to do.
public struct PreviewOptions: Sendable {
    public var content: String
    public var templates: String
    /// Loopback unless the user names another address.
    public var host: String
    /// 0 picks a free port.
    public var port: Int
    /// Editors preview drafts by default: that is what they are writing.
    public var includeDrafts: Bool
    /// Warn about summaries that are hard to read.
    public var readability: Bool

    public init(content: String = "content", templates: String = "templates", host: String = "127.0.0.1",
                port: Int = 8000, includeDrafts: Bool = true, readability: Bool = true) {
        self.readability = readability
        self.content = content
        self.templates = templates
        self.host = host
        self.port = port
        self.includeDrafts = includeDrafts
    }

    /// True for 127.0.0.0/8, ::1 and `localhost`: addresses other machines cannot reach.
    public var bindsLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// What the preview tells the person running it, for the command line to print.
public enum PreviewEvent: Sendable {
    case listening(url: String)
    /// A successful build: pages written, wall time, and the changed paths that caused it (empty for the first).
    case built(pages: Int, seconds: Double, changed: [String], warnings: [FrontDoorKit.Diagnostic])
    /// The content has errors; the last good site is still served.
    case failed(diagnostics: [FrontDoorKit.Diagnostic], changed: [String])
    /// The build could not run at all (a missing folder, a disk error).
    case crashed(message: String)
    case stopped
}

import FrontDoorKit
