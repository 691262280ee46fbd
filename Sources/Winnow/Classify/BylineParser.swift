/// Parses bylines: `文 | 城市观察,作者|张远,编辑|刘宁`, `来源：新华社 作者：张远`, `文/张远`,
/// `责任编辑:刘宁`, `原标题:…`.
///
/// A byline is a group of `LABEL DELIMITER VALUE` fields. Labels come from ``Lexicon``;
/// delimiters are `|`, `｜`, `:`, `：`, `/`, `／` with optional spaces around; a value runs to
/// the next space or field separator (`,`, `，`, `;`, `；`) and has 1 to 24 characters. Fields
/// in a group are joined by a separator or a space; a label already seen in the group starts a
/// new group, which is how a doubled byline (`文 | A,作者|B 文 | A,作者|B`) splits in two.
enum BylineParser {
    struct Field: Sendable {
        var kind: BylineField
        /// The value (clean offsets).
        var value: Range<Int>
        /// The delimiter was `|`/`｜` (for `文 | 城市观察`, which names an outlet).
        var pipeDelimited: Bool
    }

    struct Group: Sendable {
        var range: Range<Int>
        var fields: [Field]
    }

    /// The byline group starting at `start` (after whitespace), or `nil`.
    static func group(_ p: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Group? {
        var fields: [Field] = []
        var labelsSeen: [BylineField] = []
        var i = skipSpaces(p, start, end)
        let groupStart = i
        var groupEnd = i
        while i < end {
            guard let (field, next) = self.field(p, at: i, end: end),
                !labelsSeen.contains(field.kind) || field.kind == .other
            else { break }
            fields.append(field)
            labelsSeen.append(field.kind)
            groupEnd = field.value.upperBound
            i = next
            // A separator, or spaces, may join the next field.
            if i < end, let length = separatorLength(p, at: i) {
                i = skipSpaces(p, i + length, end)
            } else {
                i = skipSpaces(p, i, end)
            }
        }
        guard !fields.isEmpty else { return nil }
        return Group(range: groupStart..<groupEnd, fields: fields)
    }

    /// Parses one field at `i`: its value and the offset after it.
    static func field(_ p: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (Field, Int)? {
        guard i < end, let index = Lexicon.bylineLabelSet.longestMatch(p, i..<end) else { return nil }
        let best = Lexicon.bylineLabels[index]
        var j = skipSpaces(p, i + best.label.count, end)
        guard j < end, let (delimiterLength, isPipe) = delimiter(p, at: j, end: end) else { return nil }
        j = skipSpaces(p, j + delimiterLength, end)
        let valueStart = j
        var scalars = 0
        while j < end, ParagraphSplitter.whitespaceLength(p, at: j) == 0 {
            if best.kind != .originalTitle, separatorLength(p, at: j) != nil || delimiter(p, at: j, end: end)?.1 == true
            {
                break
            }
            // A date glued to the value (`来源：央视网2022年01月03日`) is not part of it.
            if scalars > 0, p[j] >= 0x30, p[j] <= 0x39, DateParser.parse(p, j..<end) != nil { break }
            j += UTF8Scalar.length(lead: p[j])
            scalars += 1
        }
        guard scalars >= 1, scalars <= (best.kind == .originalTitle ? 80 : 24) else { return nil }
        return (Field(kind: best.kind, value: valueStart..<j, pipeDelimited: isPipe), j)
    }

    private static func delimiter(_ p: UnsafeBufferPointer<UInt8>, at j: Int, end: Int) -> (Int, Bool)? {
        switch p[j] {
        case UInt8(ascii: "|"): return (1, true)
        case UInt8(ascii: ":"), UInt8(ascii: "/"): return (1, false)
        default:
            for (pattern, isPipe) in wideDelimiters where ByteMatch.hasPrefix(p, j..<end, pattern) {
                return (pattern.count, isPipe)
            }
            return nil
        }
    }

    private static let wideDelimiters: [([UInt8], Bool)] = [
        (Array("｜".utf8), true), (Array("：".utf8), false), (Array("／".utf8), false),
    ]

    private static func separatorLength(_ p: UnsafeBufferPointer<UInt8>, at j: Int) -> Int? {
        let b = p[j]
        if b == UInt8(ascii: ",") || b == UInt8(ascii: ";") { return 1 }
        if b == 0xEF, j + 2 < p.count, p[j + 1] == 0xBC, p[j + 2] == 0x8C || p[j + 2] == 0x9B { return 3 }  // ，；
        return nil
    }

    private static func skipSpaces(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end, case let n = ParagraphSplitter.whitespaceLength(p, at: i), n > 0 { i += n }
        return i
    }
}
