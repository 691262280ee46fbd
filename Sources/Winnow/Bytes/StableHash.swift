/// A fixed, documented 64-bit hash for identifiers that are persisted (page ids).
///
/// Swift's `Hasher` is seeded per process (research/reliability.md §0.3), so it must never
/// name anything written out. This is a multiply–xorshift over 8-byte words (the finalizer is
/// SplitMix64's); it is stable across runs, machines and versions of Winnow. It is not
/// cryptographic.
public enum StableHash {
    public static func hash64(_ bytes: [UInt8], seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> UInt64 {
        bytes.withUnsafeBufferPointer { hash64($0, seed: seed) }
    }

    /// ``hash64(_:seed:)`` of the bytes in `p`.
    public static func hash64(_ p: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> UInt64 {
        do {
            var h = seed ^ UInt64(p.count)
            var i = 0
            if let base = p.baseAddress {
                while i + 8 <= p.count {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    h = mix(h ^ UInt64(littleEndian: word))
                    i += 8
                }
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < p.count {
                tail |= UInt64(p[i]) << shift
                shift += 8
                i += 1
            }
            return mix(h ^ tail ^ 0xFF51_AFD7_ED55_8CCD)
        }
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `value` as 16 lower-case hex digits.
    public static func hex(_ value: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: 16)
        var v = value
        for k in (0..<16).reversed() {
            out[k] = digits[Int(v & 0xF)]
            v >>= 4
        }
        return String(decoding: out, as: UTF8.self)
    }
}
