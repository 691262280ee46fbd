/// The text of one page in two layers: the validated source bytes, and a clean view of each
/// line with the injected noise taken out.
///
/// Every later stage reads the clean view and reports what it found as ranges of it; the
/// anchors map those ranges back to the source, so every decision can be shown in place
/// (`--explain`) and checked for loss. Ranges are byte offsets; no `String` is built here.
struct PageText: Sendable {
    /// One non-empty line of the page.
    struct Line: Sendable {
        /// The line in the source, without its newline and surrounding spaces.
        var source: Range<Int>
        /// The line's clean view in ``PageText/clean``.
        var clean: Range<Int>
        /// The anchors of this line in ``PageText/anchors``.
        var anchors: Range<Int>
    }

    /// A point where clean and source offsets correspond; until the next anchor, the two
    /// advance together.
    struct Anchor: Sendable {
        var clean: Int
        var source: Int
    }

    var source: [UInt8]
    var clean: [UInt8] = []
    var lines: [Line] = []
    var anchors: [Anchor] = []

    init(source: [UInt8]) {
        self.source = source
        clean.reserveCapacity(source.count)
    }

    /// The source offset of clean offset `c`, which lies in line `line`.
    func sourceOffset(ofClean c: Int, line: Int) -> Int {
        let range = lines[line].anchors
        var lo = range.lowerBound
        var hi = range.upperBound - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if anchors[mid].clean <= c { lo = mid } else { hi = mid - 1 }
        }
        return anchors[lo].source + (c - anchors[lo].clean)
    }

    /// The source range that clean range `r` of line `line` came from (injected sites inside
    /// it included).
    func sourceRange(ofClean r: Range<Int>, line: Int) -> Range<Int> {
        if r.isEmpty {
            let s = sourceOffset(ofClean: r.lowerBound, line: line)
            return s..<s
        }
        let start = sourceOffset(ofClean: r.lowerBound, line: line)
        let end = sourceOffset(ofClean: r.upperBound - 1, line: line) + 1
        return start..<end
    }

    /// The clean view of `r` as a `String` (for metadata and tests, not for hot loops).
    func string(_ r: Range<Int>) -> String {
        clean.withUnsafeBufferPointer { UTF8Repair.string($0, r) }
    }
}
