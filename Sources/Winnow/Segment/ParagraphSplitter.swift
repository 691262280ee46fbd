/// Splits a flattened body back into paragraphs.
///
/// Farms flatten an article onto one line by joining its paragraphs with spaces. A space
/// separates paragraphs when a sentence ends before it (`。`, `！`, `？`, `…`, or a half-width
/// `?`/`!`/`.` right after CJK text, optionally followed by a closing quote), when it stands
/// between two CJK characters (`结语 一座城市`), or when it is an ideographic space (U+3000,
/// the paragraph indent of Chinese pages). A space next to Latin letters or digits inside a
/// sentence (`研究顶尖 AI,做出`, `Vera Rubin`) stays inline. A short heading thus becomes its
/// own paragraph, because CJK text sits on both sides of the spaces around it.
enum ParagraphSplitter {
    /// The paragraphs of `bytes[range]`, as trimmed, non-empty ranges.
    ///
    /// - Parameter breaksBefore: Also split at a space that the rules keep inline when the
    ///   text after it starts a block of its own (a fold marker after `---`); asked only at
    ///   such spaces.
    static func split(
        _ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, breaksBefore: (Int) -> Bool = { _ in false }
    ) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var pieceStart = range.lowerBound
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            // Only these bytes can start whitespace (space, tab, U+3000, U+00A0): jump to the
            // next one eight bytes at a time.
            i = ByteScan.firstIndex(p, from: i, to: end, anyOf: 0x20, 0x09, 0xE3, 0xC2)
            guard i < end else { break }
            guard whitespaceLength(p, at: i) > 0 else {
                i += 1
                continue
            }
            // Extend over the whole whitespace run.
            let runStart = i
            var hasIdeographicSpace = false
            while i < end, case let n = whitespaceLength(p, at: i), n > 0 {
                if n == 3 { hasIdeographicSpace = true }
                i += n
            }
            guard runStart > pieceStart else {
                pieceStart = i
                continue
            }
            if i < end,
                hasIdeographicSpace || separates(p, before: runStart, after: i, lineStart: pieceStart)
                    || breaksBefore(i)
            {
                pieces.append(pieceStart..<runStart)
                pieceStart = i
            }
        }
        var last = pieceStart..<end
        while !last.isEmpty, whitespaceEndingAt(p, last.upperBound) > 0 {
            last = last.lowerBound..<(last.upperBound - whitespaceEndingAt(p, last.upperBound))
        }
        if !last.isEmpty { pieces.append(last) }
        return pieces
    }

    /// Whether the whitespace between offsets `before` and `after` separates paragraphs.
    static func separates(_ p: UnsafeBufferPointer<UInt8>, before: Int, after: Int, lineStart: Int) -> Bool {
        let (left, leftStart) = UTF8Scalar.decode(p, endingAt: before)
        let right = UTF8Scalar.decode(p, at: after).value
        var leftClass = ScalarClass.of(left)
        let rightClass = ScalarClass.of(right)
        var scalarBefore = leftStart
        // A closing quote or bracket after a sentence end (`。”`) still ends the sentence.
        if leftClass == .closePunct, leftStart > lineStart {
            let (inner, innerStart) = UTF8Scalar.decode(p, endingAt: leftStart)
            if ScalarClass.of(inner) == .finalPunct {
                leftClass = .finalPunct
                scalarBefore = innerStart
                return isSentenceEnd(p, inner, at: innerStart, lineStart: lineStart)
            }
        }
        if leftClass == .finalPunct {
            return isSentenceEnd(p, left, at: scalarBefore, lineStart: lineStart)
        }
        let rightIsCJK = rightClass.isCJKLetter || (rightClass == .openPunct && right > 0x7F)
        return leftClass.isCJKLetter && rightIsCJK
    }

    /// Whether a half-width `.`, `!` or `?` ends a sentence: only after CJK text.
    ///
    /// `谁? 馆方` splits, `Inc. and` and `3.5` do not. Full-width marks always end one.
    private static func isSentenceEnd(
        _ p: UnsafeBufferPointer<UInt8>, _ mark: UInt32, at start: Int, lineStart: Int
    ) -> Bool {
        if mark > 0x7F { return true }
        guard start > lineStart else { return false }
        let previous = UTF8Scalar.decode(p, endingAt: start).value
        let previousClass = ScalarClass.of(previous)
        return previousClass.isCJKLetter || (previousClass == .finalPunct && previous > 0x7F)
            || (previousClass == .closePunct && previous > 0x7F)
    }

    /// The byte length of the whitespace scalar at `i` (space, tab, U+3000, U+00A0), or 0.
    @inline(__always)
    static func whitespaceLength(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = p[i]
        if b == 0x20 || b == 0x09 { return 1 }
        if b == 0xE3, i + 2 < p.count, p[i + 1] == 0x80, p[i + 2] == 0x80 { return 3 }
        if b == 0xC2, i + 1 < p.count, p[i + 1] == 0xA0 { return 2 }
        return 0
    }

    /// The byte length of the whitespace scalar ending at `end`, or 0.
    @inline(__always)
    static func whitespaceEndingAt(_ p: UnsafeBufferPointer<UInt8>, _ end: Int) -> Int {
        guard end > 0 else { return 0 }
        let b = p[end - 1]
        if b == 0x20 || b == 0x09 { return 1 }
        if end >= 3, p[end - 3] == 0xE3, p[end - 2] == 0x80, b == 0x80 { return 3 }
        if end >= 2, p[end - 2] == 0xC2, b == 0xA0 { return 2 }
        return 0
    }

    /// `r` without whitespace (space, tab, U+3000, U+00A0) at either end.
    static func trim(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound
        var hi = r.upperBound
        while lo < hi, case let n = whitespaceLength(p, at: lo), n > 0 { lo += n }
        while hi > lo, case let n = whitespaceEndingAt(p, hi), n > 0 { hi -= n }
        return lo..<hi
    }
}
