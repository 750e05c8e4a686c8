import CLibCrypto
import Foundation

/// What a page's HTML is made from, as one SHA-256 digest: the templates and FrontDoor itself
/// (`TemplateSet.digest`), the page template's name and every value handed to it. Rendering
/// is a pure function of these, so a page whose key has not changed since the previous build
/// can be taken from that build's output instead of rendered again (`PreviousPages`).
///
/// The values are written out with a type tag and a length before each, and map keys sorted,
/// so that two different sets of values never write the same bytes. A value of a kind not
/// listed here gives no key: that page is simply rendered every time.
enum RenderKey {
    static func of(page: String, values: [String: Any], templates digest: [UInt8]) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16 << 10)
        bytes += digest
        appendText(page, to: &bytes)
        guard append(map: values, to: &bytes) else { return nil }
        return sha256(bytes)
    }

    static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        let done = bytes.withUnsafeBytes { EVP_Digest($0.baseAddress, $0.count, &digest, nil, EVP_sha256(), nil) }
        precondition(done == 1, "OpenSSL's SHA-256 failed")
        return digest
    }

    // The common types are told by their type, not tried in turn with `as?`: a failed cast
    // costs a conformance look-up, and a key is made for every page of a rebuild.
    private static let stringType = ObjectIdentifier(String.self)
    private static let boolType = ObjectIdentifier(Bool.self)
    private static let intType = ObjectIdentifier(Int.self)
    private static let doubleType = ObjectIdentifier(Double.self)
    private static let mapType = ObjectIdentifier([String: Any].self)
    private static let textListType = ObjectIdentifier([String].self)
    private static let mapListType = ObjectIdentifier([[String: Any]].self)

    private static func append(_ value: Any, to bytes: inout [UInt8]) -> Bool {
        switch ObjectIdentifier(type(of: value)) {
        case stringType:
            appendText(value as! String, to: &bytes)
        case boolType:
            bytes += [2, value as! Bool ? 1 : 0]
        case intType:
            bytes.append(3)
            appendCount(UInt64(bitPattern: Int64(value as! Int)), to: &bytes)
        case doubleType:
            bytes.append(4)
            appendCount((value as! Double).bitPattern, to: &bytes)
        case mapType:
            return append(map: value as! [String: Any], to: &bytes)
        case textListType:
            return append(list: value as! [String], to: &bytes)
        case mapListType:
            return append(list: value as! [[String: Any]], to: &bytes)
        default:
            // Other maps and lists (`[String: String]`, `[Any]`...), by conversion.
            if let map = value as? [String: Any] { return append(map: map, to: &bytes) }
            guard let list = value as? [Any] else { return false }
            return append(list: list, to: &bytes)
        }
        return true
    }

    private static func append(list: [some Any], to bytes: inout [UInt8]) -> Bool {
        bytes.append(6)
        appendCount(UInt64(list.count), to: &bytes)
        for item in list { guard append(item, to: &bytes) else { return false } }
        return true
    }

    private static func append(map: [String: some Any], to bytes: inout [UInt8]) -> Bool {
        bytes.append(5)
        appendCount(UInt64(map.count), to: &bytes)
        for (key, value) in map.sorted(by: { $0.key < $1.key }) {
            appendText(key, to: &bytes)
            guard append(value, to: &bytes) else { return false }
        }
        return true
    }

    private static func appendText(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(1)
        appendCount(UInt64(text.utf8.count), to: &bytes)
        bytes += text.utf8
    }

    private static func appendCount(_ count: UInt64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: count.littleEndian) { bytes += $0 }
    }
}

/// One page job's render, seen from the build: the previous output to take it from, and the
/// key it was rendered under, for the write stage to record beside the file. Set for the
/// job's thread while it runs (`SiteBuilder.renderPages`), as `ProfileAppearances.Reading` is.
final class PageRender: @unchecked Sendable {
    @TaskLocal static var current: PageRender?

    let previous: PreviousPages
    private(set) var renders = 0
    private var lastKey: [UInt8]?
    private var lastTakenFrom: String?

    init(previous: PreviousPages) {
        self.previous = previous
    }

    /// The key of the page's one render; nil when it rendered more than one template, since
    /// then no single key describes the file.
    var key: [UInt8]? { renders == 1 ? lastKey : nil }
    /// The previous output's file the page was taken from, when it was.
    var takenFrom: String? { renders == 1 ? lastTakenFrom : nil }

    /// The page with this key from the previous output, if it has one, or nil after noting
    /// the render about to happen.
    func reuse(_ key: [UInt8]?) -> String? {
        renders += 1
        lastKey = key
        guard renders == 1, let key, let page = previous.page(for: key) else { return nil }
        lastTakenFrom = page.path
        return page.text
    }
}
