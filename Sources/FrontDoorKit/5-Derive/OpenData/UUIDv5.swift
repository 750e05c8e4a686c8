import Foundation

/// Name-based UUIDs, version 5 (RFC 4122 section 4.3, SHA-1): the same namespace and name
/// always give the same id, so the open-data ids are stable from build to build.
enum UUIDv5 {
    /// RFC 4122 appendix C.
    static let dnsNamespace = UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8")!
    static let urlNamespace = UUID(uuidString: "6ba7b811-9dad-11d1-80b4-00c04fd430c8")!

    /// The 16 bytes of the UUID: the first 16 bytes of SHA-1(namespace bytes + name in
    /// UTF-8), with the version and variant bits set.
    static func bytes(namespace: UUID, name: String) -> [UInt8] {
        let space = namespace.uuid
        var message = [space.0, space.1, space.2, space.3, space.4, space.5, space.6, space.7,
                       space.8, space.9, space.10, space.11, space.12, space.13, space.14, space.15]
        message += name.utf8
        let digest = message.withUnsafeBufferPointer { SHA1.words($0) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for word in [digest.0, digest.1, digest.2, digest.3] {
            bytes += [UInt8(word >> 24), UInt8(truncatingIfNeeded: word >> 16), UInt8(truncatingIfNeeded: word >> 8), UInt8(truncatingIfNeeded: word)]
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        return bytes
    }

    static func make(namespace: UUID, name: String) -> UUID {
        let b = bytes(namespace: namespace, name: name)
        return UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
    }

    /// The id in the usual lowercase text form (`886313e1-3b8a-5372-9b90-0c9aee199e5d`).
    static func string(namespace: UUID, name: String) -> String {
        let uuid = bytes(namespace: namespace, name: name)
        return String(unsafeUninitializedCapacity: 36) { text in
            let digits: StaticString = "0123456789abcdef"
            var position = 0
            digits.withUTF8Buffer { hex in
                for (index, byte) in uuid.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    text[position] = hex[Int(byte >> 4)]
                    text[position + 1] = hex[Int(byte & 0x0F)]
                    position += 2
                }
            }
            return position
        }
    }
}
