/// A minimal JSON writer into a reusable byte buffer.
///
/// Strings are written as UTF-8 (not `\u` escapes) with only the escapes JSON requires:
/// `"`, `\`, and control characters below U+0020 (`\n`, `\t`, … or `\u00XX`). Runs of bytes
/// that need no escape are copied in bulk. Input strings are valid UTF-8 (Swift strings and
/// repaired page text), so the output is always valid JSON in UTF-8.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// Indent width for pretty output; `nil` writes one line.
    let indent: Int?
    private var depth = 0
    private var needsComma = false
    private var afterKey = false
    private var containerIsEmpty = false

    public init(pretty: Bool = false, capacity: Int = 4096) {
        indent = pretty ? 2 : nil
        bytes.reserveCapacity(capacity)
    }

    /// Empties the buffer, keeping its storage.
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        depth = 0
        needsComma = false
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes `"name":` inside an object.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        if indent != nil { bytes.append(UInt8(ascii: " ")) }
        needsComma = false
        afterKey = true
    }

    mutating func value(_ s: String?) {
        separate()
        guard var s else { return appendNull() }
        s.withUTF8 { writeString($0) }
        needsComma = true
    }

    mutating func value(_ n: Int?) {
        separate()
        guard let n else { return appendNull() }
        appendInteger(n)
        needsComma = true
    }

    /// Appends the decimal digits of `n` (no `String` on the hot path).
    private mutating func appendInteger(_ n: Int) {
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = n.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes, enough for 20 digits
        let count = withUnsafeMutableBytes(of: &digits) { buffer -> Int in
            var k = buffer.count
            repeat {
                k -= 1
                buffer[k] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: buffer[k...])
            return buffer.count - k
        }
        _ = count
    }

    /// Writes a finite double with up to three decimals (`29.5`, `0.99`, `1`).
    mutating func value(_ d: Double?) {
        separate()
        guard let d, d.isFinite else { return appendNull() }
        let scaled = (d * 1000).rounded()
        var integer = Int(scaled / 1000)
        var fraction = Int(abs(scaled).truncatingRemainder(dividingBy: 1000))
        if scaled < 0, integer == 0 { bytes.append(UInt8(ascii: "-")) }
        if fraction < 0 { fraction = -fraction; integer = -integer }
        appendInteger(integer)
        if fraction > 0 {
            var digits = [UInt8(ascii: "0") + UInt8(fraction / 100), UInt8(ascii: "0") + UInt8(fraction / 10 % 10),
                UInt8(ascii: "0") + UInt8(fraction % 10)]
            while digits.last == UInt8(ascii: "0") { digits.removeLast() }
            bytes.append(UInt8(ascii: "."))
            bytes.append(contentsOf: digits)
        }
        needsComma = true
    }

    mutating func value(_ b: Bool) {
        separate()
        bytes.append(contentsOf: b ? Array("true".utf8) : Array("false".utf8))
        needsComma = true
    }

    /// Appends a newline (ends one JSON Lines record).
    public mutating func newline() {
        bytes.append(0x0A)
        needsComma = false
    }

    private mutating func appendNull() {
        bytes.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
        needsComma = true
    }

    private mutating func open(_ b: UInt8) {
        separate()
        bytes.append(b)
        depth += 1
        needsComma = false
        containerIsEmpty = true
    }

    private mutating func close(_ b: UInt8) {
        depth -= 1
        if !containerIsEmpty { newlineAndIndent() }
        bytes.append(b)
        needsComma = true
        containerIsEmpty = false
    }

    /// Writes what goes before a value or key: a comma and, when pretty, a new line — but
    /// nothing right after a key.
    private mutating func separate() {
        containerIsEmpty = false
        if afterKey {
            afterKey = false
            return
        }
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        if depth > 0 { newlineAndIndent() }
    }

    private mutating func newlineAndIndent() {
        guard let indent else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * depth))
    }

    /// Bytes that JSON requires escaped: controls, `"` and `\`.
    private static let needsEscape: [Bool] = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }

    private mutating func writeString(_ p: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var run = 0
        var i = 0
        let escape = Self.needsEscape
        while i < p.count {
            let b = p[i]
            if !escape[Int(b)] {
                i += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<i]))
            switch b {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            default:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                bytes.append(hex[Int(b >> 4)])
                bytes.append(hex[Int(b & 0xF)])
            }
            i += 1
            run = i
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<p.count]))
        bytes.append(UInt8(ascii: "\""))
    }
}
