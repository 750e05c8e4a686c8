/// SHA-1 (FIPS 180-4), for name-based UUIDs (`UUIDv5`) only: RFC 4122 fixes the hash, and
/// the ids need no collision resistance. FrontDoorKit has no crypto dependency, and
/// Foundation on Linux offers no digest, so this is the plain textbook algorithm, working
/// in stack buffers because a large export hashes a few hundred thousand short names.
/// Not for anything security-related.
struct SHA1 {
    /// The five words of the digest, big-endian when written out.
    typealias Digest = (UInt32, UInt32, UInt32, UInt32, UInt32)

    /// The 20-byte digest of `message`.
    static func hash(_ message: [UInt8]) -> [UInt8] {
        let digest = message.withUnsafeBufferPointer { words($0) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        for word in [digest.0, digest.1, digest.2, digest.3, digest.4] {
            bytes += [UInt8(word >> 24), UInt8(truncatingIfNeeded: word >> 16), UInt8(truncatingIfNeeded: word >> 8), UInt8(truncatingIfNeeded: word)]
        }
        return bytes
    }

    static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> Digest {
        var state: Digest = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { schedule in
            let whole = bytes.count / 64 * 64
            for block in stride(from: 0, to: whole, by: 64) {
                compress(UnsafeBufferPointer(rebasing: bytes[block..<block + 64]), into: &state, schedule: schedule)
            }
            // The tail, the 0x80 marker and the length in bits: one block, or two when the
            // tail leaves no room for the length.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
                let rest = bytes.count - whole
                let padded = rest < 56 ? 64 : 128
                for index in 0..<padded { tail[index] = index < rest ? bytes[whole + index] : 0 }
                tail[rest] = 0x80
                let bitLength = UInt64(bytes.count) &* 8
                for index in 0..<8 { tail[padded - 1 - index] = UInt8(truncatingIfNeeded: bitLength >> UInt64(index * 8)) }
                for block in stride(from: 0, to: padded, by: 64) {
                    compress(UnsafeBufferPointer(rebasing: tail[block..<block + 64]), into: &state, schedule: schedule)
                }
            }
        }
        return state
    }

    private static func compress(_ block: UnsafeBufferPointer<UInt8>, into state: inout Digest,
                                 schedule words: UnsafeMutableBufferPointer<UInt32>) {
        for index in 0..<16 {
            let offset = index * 4
            words[index] = UInt32(block[offset]) << 24 | UInt32(block[offset + 1]) << 16 | UInt32(block[offset + 2]) << 8 | UInt32(block[offset + 3])
        }
        for index in 16..<80 {
            words[index] = rotate(words[index - 3] ^ words[index - 8] ^ words[index - 14] ^ words[index - 16], 1)
        }
        var (a, b, c, d, e) = state
        for index in 0..<80 {
            let (f, k): (UInt32, UInt32)
            switch index {
            case 0..<20: (f, k) = ((b & c) | (~b & d), 0x5A82_7999)
            case 20..<40: (f, k) = (b ^ c ^ d, 0x6ED9_EBA1)
            case 40..<60: (f, k) = ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
            default: (f, k) = (b ^ c ^ d, 0xCA62_C1D6)
            }
            let temporary = rotate(a, 5) &+ f &+ e &+ k &+ words[index]
            (e, d, c, b, a) = (d, c, rotate(b, 30), a, temporary)
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e)
    }

    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        value << count | value >> (32 - count)
    }
}
