/// Decoding of one Unicode scalar from bytes that are already known to be valid UTF-8.
///
/// Every stage after input works on validated bytes (see ``UTF8Repair``), so these helpers
/// do no checking: they are the inner loop of the noise scanner and the block features.
enum UTF8Scalar {
    /// The length of the scalar whose lead byte is `b`.
    @inline(__always)
    static func length(lead b: UInt8) -> Int {
        if b < 0x80 { return 1 }
        if b < 0xE0 { return 2 }
        if b < 0xF0 { return 3 }
        return 4
    }

    /// The scalar value starting at `i` and its length in bytes.
    @inline(__always)
    static func decode(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3)
        }
        let v =
            (b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6
            | UInt32(p[i + 3] & 0x3F)
        return (v, 4)
    }

    /// The scalar that ends just before `end` and its start offset.
    @inline(__always)
    static func decode(_ p: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> (value: UInt32, start: Int) {
        var s = end - 1
        while s > 0, p[s] & 0xC0 == 0x80 { s -= 1 }
        return (decode(p, at: s).value, s)
    }

    /// The number of scalars in `p[range]`: the bytes that are not continuation bytes.
    @inline(__always)
    static func count(_ p: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int {
        var n = 0
        for i in range where p[i] & 0xC0 != 0x80 { n &+= 1 }
        return n
    }

    /// Appends the UTF-8 encoding of `v` to `out`.
    static func append(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | (v >> 12) & 0x3F))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }
}
