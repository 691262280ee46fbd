/// Finds candidate noise sites on the lines of a page.
///
/// The scan looks only at the lead bytes that can start a candidate scalar (a 256-entry
/// table), decodes those, and groups emoji sequences into units: a pictograph with its
/// variation selectors, skin-tone modifiers, keycap mark, tags and ZWJ-joined successors; a
/// regional-indicator pair; a keycap (`1️⃣`). Everything between candidates is counted, not
/// decoded. Input: validated page bytes and line ranges. Output: ``NoiseSite`` values in page
/// order.
struct NoiseScanner {
    /// Lead bytes whose scalars can be candidates; every other byte is skipped unread.
    private static let leadTable = ByteTable {
        [0xC2, 0xCD, 0xE1, 0xE2, 0xE3, 0xEE, 0xEF, 0xF0, 0xF3, 0xF4].contains($0)
    }

    /// Appends the sites of `line` (bytes `range` of `p`) to `sites`.
    ///
    /// - Returns: The line's punctuation marks and its scalars outside candidate units, for
    ///   the noise model's punctuation test (see ``PunctuationRate``), counted on the way.
    @discardableResult
    static func scan(
        _ p: UnsafeBufferPointer<UInt8>, line: Int, range: Range<Int>, into sites: inout [NoiseSite]
    ) -> (marks: Int, scalars: Int) {
        let firstSite = sites.count
        var i = range.lowerBound
        let end = range.upperBound
        var textStart = i  // end of the last site
        var scalars = 0  // text scalars so far
        var marks = 0
        let table = leadTable
        let asciiMarks = PunctuationRate.asciiMarks
        while i < end {
            let b = p[i]
            // Han (lead bytes E4–E9) is most of the text: skip a whole character at once.
            if b >= 0xE4, b <= 0xE9 {
                i += 3
                scalars &+= 1
                continue
            }
            guard table[b] else {
                if b & 0xC0 != 0x80 { scalars &+= 1 }
                if asciiMarks[b] { marks &+= 1 }
                i += 1
                continue
            }
            let (v, length) = UTF8Scalar.decode(p, at: i)
            let cls = ScalarClass.of(v)
            guard cls.isNoiseCandidate else {
                scalars &+= 1
                if PunctuationRate.isWideMark(v) { marks &+= 1 }
                i += length
                continue
            }
            var unitStart = i
            // A keycap (`1️⃣`) starts with its ASCII base, already counted as text.
            if v == 0xFE0F || v == 0x20E3, i > textStart, isKeycapBase(p[i - 1]) {
                unitStart = i - 1
                scalars -= 1
            }
            let (family, unitEnd) = unit(p, at: i, value: v, class: cls, end: end)
            let position = scalars
            // Merge with the previous site when adjacent and of the same family.
            if sites.count > firstSite, sites[sites.count - 1].range.upperBound == unitStart,
                sites[sites.count - 1].family == family
            {
                sites[sites.count - 1].range = sites[sites.count - 1].range.lowerBound..<unitEnd
                sites[sites.count - 1].units += 1
            } else {
                sites.append(
                    NoiseSite(
                        range: unitStart..<unitEnd, family: family, units: 1, firstScalar: v, line: line,
                        cleanPosition: position, before: .space, after: .space, atLineEdge: false))
            }
            i = unitEnd
            textStart = unitEnd
        }
        resolveNeighbours(p, line: range, sites: &sites[firstSite...])
        return (marks, scalars)
    }

    /// Fills in the text classes on each side of each site, looking past adjacent sites.
    private static func resolveNeighbours(
        _ p: UnsafeBufferPointer<UInt8>, line: Range<Int>, sites: inout ArraySlice<NoiseSite>
    ) {
        var previousEnd = line.lowerBound
        var previousBefore = ScalarClass.space
        for k in sites.indices {
            let start = sites[k].range.lowerBound
            if start == previousEnd, k > sites.startIndex {
                sites[k].before = previousBefore
            } else if start > line.lowerBound {
                sites[k].before = ScalarClass.of(UTF8Scalar.decode(p, endingAt: start).value)
            }
            previousEnd = sites[k].range.upperBound
            previousBefore = sites[k].before
        }
        var nextStart = line.upperBound
        var nextAfter = ScalarClass.space
        for k in sites.indices.reversed() {
            let end = sites[k].range.upperBound
            if end == nextStart, k < sites.endIndex - 1 {
                sites[k].after = nextAfter
            } else if end < line.upperBound {
                sites[k].after = ScalarClass.of(UTF8Scalar.decode(p, at: end).value)
            }
            nextStart = sites[k].range.lowerBound
            nextAfter = sites[k].after
            sites[k].atLineEdge = isEdge(p, sites[k].range, line: line)
        }
    }

    /// Whether only whitespace separates `range` from an end of the line.
    private static func isEdge(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i > line.lowerBound, p[i - 1] == 0x20 || p[i - 1] == 0x09 { i -= 1 }
        if i == line.lowerBound { return true }
        var j = range.upperBound
        while j < line.upperBound, p[j] == 0x20 || p[j] == 0x09 { j += 1 }
        return j == line.upperBound
    }

    @inline(__always)
    private static func isKeycapBase(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "#") || b == UInt8(ascii: "*")
    }

    /// The family of the unit starting at `i` and the offset just past it.
    private static func unit(
        _ p: UnsafeBufferPointer<UInt8>, at i: Int, value v: UInt32, class cls: ScalarClass, end: Int
    ) -> (NoiseFamily, Int) {
        var j = i + UTF8Scalar.length(lead: p[i])
        switch cls {
        case .pictograph:
            extendEmojiSequence(p, &j, end: end)
            return (.emoji, j)
        case .emojiComponent where isRegionalIndicator(v):
            if j < end, isRegionalIndicator(UTF8Scalar.decode(p, at: j).value) { j += 4 }
            return (.emoji, j)
        case .emojiComponent:
            // A keycap mark or a lone selector/modifier; a keycap counts as an emoji.
            if v == 0x20E3 || (v == 0xFE0F && j < end && UTF8Scalar.decode(p, at: j).value == 0x20E3) {
                extendEmojiSequence(p, &j, end: end)
                return (.emoji, j)
            }
            return (.invisible, j)
        case .symbol:
            if j < end, case let next = UTF8Scalar.decode(p, at: j).value, next == 0xFE0F || next == 0xFE0E {
                j += 3
            }
            return (.symbol, j)
        default:
            return (.invisible, j)
        }
    }

    /// Advances `j` past the modifiers and ZWJ-joined parts of an emoji sequence.
    private static func extendEmojiSequence(_ p: UnsafeBufferPointer<UInt8>, _ j: inout Int, end: Int) {
        while j < end {
            let (next, length) = UTF8Scalar.decode(p, at: j)
            if ScalarClass.of(next) == .emojiComponent, !isRegionalIndicator(next) {
                j += length
            } else if next == 0x200D, j + length < end {
                let (joined, joinedLength) = UTF8Scalar.decode(p, at: j + length)
                let joinedClass = ScalarClass.of(joined)
                guard joinedClass == .pictograph || joinedClass == .symbol else { return }
                j += length + joinedLength
            } else {
                return
            }
        }
    }

    @inline(__always)
    private static func isRegionalIndicator(_ v: UInt32) -> Bool { v >= 0x1F1E6 && v <= 0x1F1FF }
}
