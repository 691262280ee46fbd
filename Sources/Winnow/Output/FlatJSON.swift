/// A flat JSON object of numbers and short ASCII strings, written into scratch memory and
/// appended to a ``JSONWriter`` in one copy.
///
/// The quality signals write twenty-odd numeric fields per article; written field by field
/// (a separator, quotes, name, colon, digits: an append each) they cost more than computing
/// the signals did. Compact output only: ``JSONWriter/flatObject(capacity:_:)`` takes the
/// field-by-field path for pretty writers.
struct FlatJSON {
    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private(set) var count = 0

    init(base: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.base = base
        self.capacity = capacity
        base[0] = UInt8(ascii: "{")
        count = 1
    }

    /// Writes `,"name":` (no comma before the first field).
    mutating func key(_ name: StaticString) {
        name.withUTF8Buffer { name in
            precondition(count + name.count + 4 <= capacity, "FlatJSON: scratch buffer too small")
            if count > 1 { put(UInt8(ascii: ",")) }
            put(UInt8(ascii: "\""))
            for b in name { put(b) }
            put(UInt8(ascii: "\""))
            put(UInt8(ascii: ":"))
        }
    }

    mutating func value(_ n: Int) {
        reserve(DecimalDigits.maxBytes)
        count += DecimalDigits.write(n, to: base + count)
    }

    /// Three decimals, as ``JSONWriter`` writes doubles; `nil` and non-finite values are `null`.
    mutating func value(_ d: Double?) {
        reserve(DecimalDigits.maxBytes)
        guard let d, d.isFinite else { return putNull() }
        count += DecimalDigits.write(d, to: base + count)
    }

    /// A string of ASCII letters, digits and `-` or `_` (no escaping needed), or `null`.
    mutating func value(ascii s: String?) {
        guard let s else { return putNull() }
        reserve(s.utf8.count + 2)
        put(UInt8(ascii: "\""))
        for b in s.utf8 {
            precondition(b < 0x80 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") && b >= 0x20)
            put(b)
        }
        put(UInt8(ascii: "\""))
    }

    /// Closes the object; returns its bytes.
    mutating func finish() -> UnsafeBufferPointer<UInt8> {
        reserve(1)
        put(UInt8(ascii: "}"))
        return UnsafeBufferPointer(start: base, count: count)
    }

    private mutating func putNull() {
        reserve(4)
        for b in "null".utf8 { put(b) }
    }

    @inline(__always)
    private mutating func put(_ b: UInt8) {
        base[count] = b
        count += 1
    }

    @inline(__always)
    private func reserve(_ n: Int) {
        precondition(count + n <= capacity, "FlatJSON: scratch buffer too small")
    }
}
