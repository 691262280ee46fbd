/// A set of byte values as a 256-bit mask in four words.
///
/// Lookup tables sit on the hottest loops (the noise scan, JSON escaping, lexicon first
/// bytes). An `[Bool]` global costs a lazy-initialization check and reference counting on
/// each use, and a 256-byte inline table is copied when read from a global; four words copy
/// for free and answer with a shift and a mask.
struct ByteTable: Sendable {
    private var w0: UInt64 = 0
    private var w1: UInt64 = 0
    private var w2: UInt64 = 0
    private var w3: UInt64 = 0

    /// A table that holds the bytes satisfying `predicate`.
    init(where predicate: (UInt8) -> Bool) {
        for b in 0..<256 where predicate(UInt8(b)) {
            let bit = UInt64(1) << UInt64(b & 63)
            switch b >> 6 {
            case 0: w0 |= bit
            case 1: w1 |= bit
            case 2: w2 |= bit
            default: w3 |= bit
            }
        }
    }

    @inline(__always)
    subscript(_ b: UInt8) -> Bool {
        let word: UInt64
        switch b >> 6 {
        case 0: word = w0
        case 1: word = w1
        case 2: word = w2
        default: word = w3
        }
        return (word >> UInt64(b & 63)) & 1 != 0
    }
}
