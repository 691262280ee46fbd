/// Validation of untrusted bytes as UTF-8, replacing ill-formed sequences with U+FFFD.
///
/// Winnow validates once, at input, and trusts the bytes afterwards (STYLE.md §5). Replacement
/// follows Unicode §3.9 "substitution of maximal subparts", the same policy as Swift's
/// `String(decoding:as:)` and CPython's `errors="replace"`, so counts agree with both.
public enum UTF8Repair {
    /// The bytes of U+FFFD REPLACEMENT CHARACTER.
    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// A `String` from bytes already known to be valid UTF-8, without validating them again.
    static func string(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let slice = UnsafeBufferPointer(rebasing: p[range])
        return String(copying: unsafe UTF8Span(unchecked: slice.span))
    }

    /// Returns `bytes` unchanged if they are valid UTF-8, otherwise a copy with every maximal
    /// ill-formed subpart replaced by U+FFFD.
    ///
    /// - Returns: The valid bytes and the number of replacements made.
    /// - Complexity: O(n); a valid input is scanned once and not copied.
    public static func repairing(_ bytes: [UInt8]) -> (bytes: [UInt8], replaced: Int) {
        let firstBad = bytes.withUnsafeBufferPointer { firstInvalidOffset($0) }
        guard let firstBad else { return (bytes, 0) }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 16)
        out.append(contentsOf: bytes[0..<firstBad])
        var replaced = 0
        bytes.withUnsafeBufferPointer { p in
            var i = firstBad
            while i < p.count {
                let length = wellFormedLength(p, at: i)
                if length > 0 {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<(i + length)]))
                    i += length
                } else {
                    out.append(contentsOf: replacement)
                    replaced += 1
                    i += maximalSubpartLength(p, at: i)
                }
            }
        }
        return (out, replaced)
    }

    /// Whether `bytes` are well-formed UTF-8, without copying them (JSON bodies of the
    /// server must be; pages are repaired instead).
    package static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { firstInvalidOffset($0) == nil }
    }

    /// The offset of the first byte that does not start a well-formed sequence, or `nil`.
    static func firstInvalidOffset(_ p: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = p.baseAddress else { return nil }
        var i = 0
        let n = p.count
        while i < n {
            // ASCII fast path: eight bytes at a time while none has the high bit set.
            while i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            if i >= n { break }
            let b = p[i]
            if b < 0x80 {
                i += 1
                continue
            }
            // Three-byte sequences without a restricted second byte (all of CJK): two checks.
            if b >= 0xE1, b <= 0xEF, b != 0xED, i + 2 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 {
                i += 3
                continue
            }
            let length = wellFormedLength(p, at: i)
            if length == 0 { return i }
            i += length
        }
        return nil
    }

    /// The length of the well-formed sequence starting at `i`, or 0 if it is ill-formed.
    @inline(__always)
    static func wellFormedLength(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = p.count
        let b0 = p[i]
        if b0 < 0x80 { return 1 }
        @inline(__always) func cont(_ k: Int) -> Bool { i + k < n && p[i + k] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF:
            return cont(1) ? 2 : 0
        case 0xE0...0xEF:
            guard i + 2 < n, cont(2) else { return 0 }
            let b1 = p[i + 1]
            let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = b0 == 0xED ? 0x9F : 0xBF
            return (low...high).contains(b1) ? 3 : 0
        case 0xF0...0xF4:
            guard i + 3 < n, cont(2), cont(3) else { return 0 }
            let b1 = p[i + 1]
            let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
            return (low...high).contains(b1) ? 4 : 0
        default:
            return 0
        }
    }

    /// The number of bytes one U+FFFD replaces at an ill-formed position `i`: the maximal
    /// prefix of a well-formed sequence, at least one byte.
    static func maximalSubpartLength(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = p.count
        let b0 = p[i]
        let (expected, low, high): (Int, UInt8, UInt8)
        switch b0 {
        case 0xC2...0xDF: (expected, low, high) = (2, 0x80, 0xBF)
        case 0xE0: (expected, low, high) = (3, 0xA0, 0xBF)
        case 0xED: (expected, low, high) = (3, 0x80, 0x9F)
        case 0xE1...0xEF: (expected, low, high) = (3, 0x80, 0xBF)
        case 0xF0: (expected, low, high) = (4, 0x90, 0xBF)
        case 0xF4: (expected, low, high) = (4, 0x80, 0x8F)
        case 0xF1...0xF3: (expected, low, high) = (4, 0x80, 0xBF)
        default: return 1
        }
        // The second byte has a lead-specific range; later bytes are plain continuations.
        guard i + 1 < n, (low...high).contains(p[i + 1]) else { return 1 }
        var k = 2
        while k < expected, i + k < n, p[i + k] & 0xC0 == 0x80 { k += 1 }
        return k
    }
}
