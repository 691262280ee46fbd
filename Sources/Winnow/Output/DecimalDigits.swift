/// Decimal text of integers and of doubles to three decimals, written through a pointer.
///
/// One place for the number formats of every JSON Winnow writes (``JSONWriter`` and
/// ``FlatJSON``), so that a value reads the same whichever wrote it.
enum DecimalDigits {
    /// Most bytes ``write(_:to:)-(Int,_)`` or ``write(_:to:)-(Double,_)`` write.
    static let maxBytes = 48

    /// Writes `n` at `out`; returns the number of bytes.
    @inline(__always)
    static func write(_ n: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var length = 0
        if n < 0 {
            out[0] = UInt8(ascii: "-")
            length = 1
        }
        return length + writeMagnitude(UInt64(n.magnitude), to: out + length)
    }

    /// Writes a finite `d` with up to three decimals, trailing zeros dropped (`29.5`,
    /// `0.99`, `1`, `-0.5`); returns the number of bytes.
    static func write(_ d: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let scaled = (d * 1000).rounded()
        var length = 0
        if scaled < 0 {
            out[0] = UInt8(ascii: "-")
            length = 1
        }
        let magnitude = abs(scaled)
        let integer: UInt64
        var fraction: Int
        if magnitude < 9.0e15 {
            // Exact in integers: no floating-point remainder on the common path.
            let whole = UInt64(magnitude)
            integer = whole / 1000
            fraction = Int(whole % 1000)
        } else {
            integer = UInt64(min(magnitude / 1000, 1.8e19))
            fraction = 0
        }
        length += writeMagnitude(integer, to: out + length)
        if fraction > 0 {
            out[length] = UInt8(ascii: ".")
            length += 1
            var divisor = 100
            while fraction > 0 {
                out[length] = UInt8(ascii: "0") + UInt8(fraction / divisor)
                length += 1
                fraction %= divisor
                divisor /= 10
            }
        }
        return length
    }

    @inline(__always)
    private static func writeMagnitude(_ m: UInt64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var digits = 1
        var probe = m
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        var rest = m
        for k in stride(from: digits - 1, through: 0, by: -1) {
            out[k] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        return digits
    }
}
