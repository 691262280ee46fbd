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

    /// Writes `"name":` for a key known only at run time.
    mutating func key(dynamic name: String) {
        separate()
        var name = name
        name.withUTF8 { writeString($0) }
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
        appendDigits { DecimalDigits.write(n, to: $0) }
    }

    /// Writes a finite double with up to three decimals (`29.5`, `0.99`, `1`).
    mutating func value(_ d: Double?) {
        separate()
        guard let d, d.isFinite else { return appendNull() }
        appendDigits { DecimalDigits.write(d, to: $0) }
        needsComma = true
    }

    /// Appends what `write` puts in a scratch buffer of ``DecimalDigits/maxBytes``.
    @inline(__always)
    private mutating func appendDigits(_ write: (UnsafeMutablePointer<UInt8>) -> Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: DecimalDigits.maxBytes) { scratch in
            guard let base = scratch.baseAddress else { return }
            bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: write(base)))
        }
    }

    /// Whether this writer indents (pretty output).
    var isPretty: Bool { indent != nil }

    /// Appends, as a value, the flat object `body` writes into `capacity` bytes of scratch
    /// memory: one copy instead of an append per byte group (compact writers; see ``FlatJSON``).
    mutating func flatObject(capacity: Int, _ body: (inout FlatJSON) -> Void) {
        separate()
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { scratch in
            guard let base = scratch.baseAddress else { return }
            var flat = FlatJSON(base: base, capacity: capacity)
            body(&flat)
            bytes.append(contentsOf: flat.finish())
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

    /// Writes `p` as a JSON string: quotes around, escapes inside.
    private mutating func writeString(_ p: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        writeStringContents(p)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes `p` escaped, without quotes.
    ///
    /// Runs that need no escape are found eight bytes at a
    /// time and copied in bulk.
    private mutating func writeStringContents(_ p: UnsafeBufferPointer<UInt8>) {
        var run = 0
        var i = 0
        while i < p.count {
            i = ByteScan.firstJSONSpecial(p, from: i)
            guard i < p.count else { break }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<i]))
            appendEscape(p[i])
            i += 1
            run = i
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<p.count]))
    }

    private mutating func appendEscape(_ b: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch b {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default:
            let hex: StaticString = "0123456789abcdef"
            bytes.append(UInt8(ascii: "u"))
            bytes.append(UInt8(ascii: "0"))
            bytes.append(UInt8(ascii: "0"))
            hex.withUTF8Buffer { digits in
                bytes.append(digits[Int(b >> 4)])
                bytes.append(digits[Int(b & 0xF)])
            }
        }
    }

    /// Writes `parts` as one JSON string, joined by `separator` (a byte that needs no escape,
    /// or `\n`), without building the joined string.
    mutating func value(joining parts: [String], separator: UInt8) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        for (k, part) in parts.enumerated() {
            if k > 0 {
                if separator == 0x0A { appendEscape(separator) } else { bytes.append(separator) }
            }
            var part = part
            part.withUTF8 { writeStringContents($0) }
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }
}

extension JSONWriter {
    /// `s` as a JSON string literal, quotes included, escaped as in every Winnow record (for
    /// the server's error bodies, which are built outside this module).
    package static func quoted(_ s: String) -> String {
        var w = JSONWriter(capacity: s.utf8.count + 8)
        w.value(s)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
