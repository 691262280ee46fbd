/// Removes fold markers, the "expand the rest" links of portals (`展开全文`, `阅读全文`,
/// `展开剩余 85%`), that copying leaves between paragraphs.
///
/// A piece is a marker when it is short (at most 12 characters), has no sentence punctuation,
/// and is made only of marker words from ``Lexicon`` (`展开`, `全文`, `剩余`, `阅读`, …), spaces
/// and percentages, including at least one of `全文`, `剩余` or `继续阅读`. A marker at the start
/// of a longer piece (`展开全文为了支撑…`), or after a space inside one, is split off the same way.
enum FoldMarkerRule {
    /// Whether the piece `p[r]` is a fold marker.
    static func isMarker(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard r.count <= 36, UTF8Scalar.count(p, in: r) <= 12 else { return false }
        var i = r.lowerBound
        var hasCore = false
        while i < r.upperBound {
            if let part = ByteMatch.longestPrefix(p, i..<r.upperBound, in: Lexicon.foldMarkerParts) {
                if part == quanwen || part == shengyu { hasCore = true }
                i += part.count
                continue
            }
            if let end = percentageEnd(p, i, r.upperBound) {
                i = end
                continue
            }
            if p[i] == UInt8(ascii: " ") {
                i += 1
                continue
            }
            return false
        }
        return hasCore || ByteMatch.equals(p, r, continueReading)
    }

    /// The length of a marker at the start of `p[r]` when more text follows it, glued
    /// (`展开全文为了支撑…`) or after a space the paragraph splitter keeps inline
    /// (`展开剩余85% 内胆…`, a space after `%`).
    static func leadingMarkerLength(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        guard ByteMatch.longestPrefix(p, r, in: Lexicon.foldMarkerParts) != nil else { return nil }
        var j = r.lowerBound
        var best: Int?
        while j < r.upperBound {
            if let part = ByteMatch.longestPrefix(p, j..<r.upperBound, in: Lexicon.foldMarkerParts) {
                j += part.count
            } else if let end = percentageEnd(p, j, r.upperBound) {
                j = end
            } else if p[j] == UInt8(ascii: " ") {
                j += 1
            } else {
                break
            }
            if j < r.upperBound, isMarker(p, r.lowerBound..<j) { best = j - r.lowerBound }
        }
        // Trailing spaces belong to the gap, not the marker.
        return best.map { ParagraphSplitter.trim(p, r.lowerBound..<(r.lowerBound + $0)).count }
    }

    /// The end of a percentage (`85%`, `72.5%`) starting at `i`, or `nil`: the only numbers a
    /// marker holds (`展开剩余85%`), so that a year after a marker (`展开全文 2023年`) stays text.
    private static func percentageEnd(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
        var j = i
        while j < end, (p[j] >= UInt8(ascii: "0") && p[j] <= UInt8(ascii: "9")) || p[j] == UInt8(ascii: ".") { j += 1 }
        guard j > i, j < end, p[j] == UInt8(ascii: "%") else { return nil }
        return j + 1
    }

    private static let quanwen: [UInt8] = Array("全文".utf8)
    private static let shengyu: [UInt8] = Array("剩余".utf8)
    private static let continueReading: [UInt8] = Array("继续阅读".utf8)
}
