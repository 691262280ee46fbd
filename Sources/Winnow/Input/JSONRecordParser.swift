/// Extracts named fields from one JSON Lines record, strictly and without building a tree.
///
/// One parser for every JSON input (STYLE.md; issue "Clean a whole crawl"). Policy, pinned
/// by tests:
/// - the record must be one JSON object; trailing bytes other than whitespace are an error;
/// - a wanted field that appears twice is rejected (`json_duplicate_key`): Foundation's two
///   decoders disagree on which copy wins (research/reliability.md §0.2), so neither is right;
/// - a lone surrogate escape (`"\ud800"`) is rejected (`json_lone_surrogate`);
/// - raw control characters inside strings are invalid JSON (`json_invalid`);
/// - nesting deeper than 128 is rejected (`json_too_deep`);
/// - bytes of strings that are not valid UTF-8 are kept as they are and replaced later by
///   the page cleaner, which counts them.
struct JSONRecordParser {
    enum Value: Equatable {
        case string([UInt8])
        /// A number, `true`, `false`: its text.
        case scalar([UInt8])
        case null
        /// An object or array (not extracted).
        case composite
    }

    enum Failure: String, Error {
        case notObject = "json_not_object"
        case invalid = "json_invalid"
        case duplicateKey = "json_duplicate_key"
        case loneSurrogate = "json_lone_surrogate"
        case tooDeep = "json_too_deep"
    }

    /// The field names to extract, as UTF-8.
    let fields: [[UInt8]]
    static let maxDepth = 128

    /// The values of ``fields`` in `p` (`nil` where absent).
    func parse(_ p: UnsafeBufferPointer<UInt8>) throws(Failure) -> [Value?] {
        var ranges: [Range<Int>?] = []
        return try parse(p, ranges: &ranges)
    }

    /// The values of ``fields`` in `p`, and in `ranges` the byte range of each value's JSON
    /// text (to splice a new value into the record without re-serializing it).
    func parse(_ p: UnsafeBufferPointer<UInt8>, ranges: inout [Range<Int>?]) throws(Failure) -> [Value?] {
        ranges = [Range<Int>?](repeating: nil, count: fields.count)
        var cursor = Cursor(p: p)
        cursor.skipWhitespace()
        // A UTF-8 byte order mark before the object is tolerated.
        if cursor.i + 2 < p.count, p[cursor.i] == 0xEF, p[cursor.i + 1] == 0xBB, p[cursor.i + 2] == 0xBF {
            cursor.i += 3
        }
        guard cursor.peek() == UInt8(ascii: "{") else { throw cursor.atEnd ? .invalid : .notObject }
        cursor.i += 1
        var values = [Value?](repeating: nil, count: fields.count)
        cursor.skipWhitespace()
        if cursor.peek() == UInt8(ascii: "}") {
            cursor.i += 1
        } else {
            while true {
                cursor.skipWhitespace()
                let key = try cursor.string()
                cursor.skipWhitespace()
                guard cursor.peek() == UInt8(ascii: ":") else { throw .invalid }
                cursor.i += 1
                cursor.skipWhitespace()
                if let index = fields.firstIndex(of: key) {
                    guard values[index] == nil else { throw .duplicateKey }
                    let start = cursor.i
                    values[index] = try cursor.value(depth: 1)
                    ranges[index] = start..<cursor.i
                } else {
                    try cursor.skipValue(depth: 1)
                }
                cursor.skipWhitespace()
                guard let next = cursor.peek() else { throw .invalid }
                cursor.i += 1
                if next == UInt8(ascii: "}") { break }
                guard next == UInt8(ascii: ",") else { throw .invalid }
            }
        }
        cursor.skipWhitespace()
        guard cursor.atEnd else { throw .invalid }
        return values
    }

    private struct Cursor {
        let p: UnsafeBufferPointer<UInt8>
        var i = 0

        var atEnd: Bool { i >= p.count }

        func peek() -> UInt8? { i < p.count ? p[i] : nil }

        mutating func skipWhitespace() {
            while i < p.count, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0A || p[i] == 0x0D { i += 1 }
        }

        mutating func value(depth: Int) throws(Failure) -> Value {
            guard let b = peek() else { throw .invalid }
            switch b {
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                try skipValue(depth: depth)
                return .composite
            case UInt8(ascii: "n"):
                try literal("null")
                return .null
            default:
                let start = i
                try skipValue(depth: depth)
                return .scalar(Array(p[start..<i]))
            }
        }

        mutating func literal(_ word: StaticString) throws(Failure) {
            let n = word.utf8CodeUnitCount
            guard i + n <= p.count else { throw .invalid }
            for k in 0..<n where p[i + k] != word.utf8Start[k] { throw .invalid }
            i += n
        }

        /// Skips any value, checking its syntax.
        mutating func skipValue(depth: Int) throws(Failure) {
            guard depth <= JSONRecordParser.maxDepth else { throw .tooDeep }
            guard let b = peek() else { throw .invalid }
            switch b {
            case UInt8(ascii: "\""):
                try skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = b == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                i += 1
                skipWhitespace()
                if peek() == close {
                    i += 1
                    return
                }
                while true {
                    skipWhitespace()
                    if close == UInt8(ascii: "}") {
                        try skipString()
                        skipWhitespace()
                        guard peek() == UInt8(ascii: ":") else { throw .invalid }
                        i += 1
                        skipWhitespace()
                    }
                    try skipValue(depth: depth + 1)
                    skipWhitespace()
                    guard let next = peek() else { throw .invalid }
                    i += 1
                    if next == close { return }
                    guard next == UInt8(ascii: ",") else { throw .invalid }
                }
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = i
                while i < p.count, isNumberByte(p[i]) { i += 1 }
                guard i > start, p[i - 1] >= UInt8(ascii: "0"), p[i - 1] <= UInt8(ascii: "9") else { throw .invalid }
            default:
                throw .invalid
            }
        }

        private func isNumberByte(_ b: UInt8) -> Bool {
            (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
        }

        /// Skips a string at `i` (which must be `"`), checking its syntax, building nothing.
        mutating func skipString() throws(Failure) {
            try scanString { _ in
            } escaped: { _ in
            }
        }

        /// Reads a string at `i` (which must be `"`), returning its decoded UTF-8 bytes.
        ///
        /// Runs without escapes are copied in bulk.
        mutating func string() throws(Failure) -> [UInt8] {
            var out: [UInt8] = []
            try scanString {
                out.append(contentsOf: $0)
            } escaped: {
                UTF8Scalar.append($0, to: &out)
            }
            return out
        }

        /// Walks a string at `i` (which must be `"`) to its closing quote, handing runs without
        /// escapes to `run` and each escape's scalar to `escaped`; one place checks the syntax
        /// for reading and for skipping.
        private mutating func scanString(
            run: (UnsafeBufferPointer<UInt8>) -> Void, escaped: (UInt32) -> Void
        ) throws(Failure) {
            guard peek() == UInt8(ascii: "\"") else { throw .invalid }
            i += 1
            while true {
                let runStart = i
                i = ByteScan.firstJSONSpecial(p, from: i)
                guard i < p.count else { throw .invalid }
                if i > runStart { run(UnsafeBufferPointer(rebasing: p[runStart..<i])) }
                let b = p[i]
                if b == UInt8(ascii: "\"") {
                    i += 1
                    return
                }
                guard b == UInt8(ascii: "\\"), i + 1 < p.count else { throw .invalid }  // else a raw control
                let e = p[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): escaped(UInt32(e))
                case UInt8(ascii: "b"): escaped(0x08)
                case UInt8(ascii: "f"): escaped(0x0C)
                case UInt8(ascii: "n"): escaped(0x0A)
                case UInt8(ascii: "r"): escaped(0x0D)
                case UInt8(ascii: "t"): escaped(0x09)
                case UInt8(ascii: "u"):
                    var v = try hex4()
                    if (0xD800...0xDBFF).contains(v) {
                        guard i + 1 < p.count, p[i] == UInt8(ascii: "\\"), p[i + 1] == UInt8(ascii: "u") else {
                            throw .loneSurrogate
                        }
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw .loneSurrogate }
                        v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(v) {
                        throw .loneSurrogate
                    }
                    escaped(v)
                default:
                    throw .invalid
                }
            }
        }

        private mutating func hex4() throws(Failure) -> UInt32 {
            guard i + 4 <= p.count else { throw .invalid }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = p[i]
                let d: UInt32
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
                default: throw .invalid
                }
                v = v << 4 | d
                i += 1
            }
            return v
        }
    }
}
