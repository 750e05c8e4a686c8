import Foundation

/// One file of the built site: its path under the output folder and its bytes.
///
/// A file too large to hold at once (an export of every organisation) comes as pieces with
/// the same path, handed to the writer in order: the first starts the file, each next one
/// appends, and the last ends it.
public struct OutputFile: Sendable, Hashable {
    public var path: String
    public var data: Data
    public var piece: Piece = .whole

    public enum Piece: Sendable, Hashable {
        case whole, first, next, last
    }

    public init(path: String, data: Data, piece: Piece = .whole) {
        self.path = path
        self.data = data
        self.piece = piece
    }

    public init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }

    /// The files with each run of pieces joined into one whole file, where it started.
    public static func joiningPieces(_ files: [OutputFile]) -> [OutputFile] {
        var result: [OutputFile] = []
        var open: [String: Int] = [:]
        for file in files {
            switch file.piece {
            case .whole:
                result.append(file)
            case .first:
                open[file.path] = result.count
                result.append(OutputFile(path: file.path, data: file.data))
            case .next, .last:
                guard let index = open[file.path] else { continue }
                result[index].data.append(file.data)
                if file.piece == .last { open[file.path] = nil }
            }
        }
        return result
    }
}
