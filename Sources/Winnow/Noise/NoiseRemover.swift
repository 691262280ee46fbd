/// Builds the clean view of each line: the line without the sites judged injected, with the
/// whitespace a removal leaves behind collapsed.
///
/// A removal between two spaces (`AI 😀 导览`) would leave two; the second is dropped with
/// the site. A removal at a line's edge leaves no dangling space. Kept runs are copied in
/// bulk (STYLE.md §5).
enum NoiseRemover {
    /// Fills `text.clean`, `text.lines` and `text.anchors` from the source `lines`, leaving
    /// out `removed` (sites sorted by position, each with its line index).
    static func buildCleanView(_ text: inout PageText, lines: [Range<Int>], removed: [NoiseSite]) {
        var k = 0
        text.lines.reserveCapacity(lines.count)
        text.source.withUnsafeBufferPointer { p in
            for (index, line) in lines.enumerated() {
                let cleanStart = text.clean.count
                let anchorStart = text.anchors.count
                var cursor = line.lowerBound
                while k < removed.count, removed[k].line < index { k += 1 }
                while k < removed.count, removed[k].line == index {
                    append(p, cursor..<removed[k].range.lowerBound, lineStart: cleanStart, to: &text)
                    cursor = removed[k].range.upperBound
                    k += 1
                }
                append(p, cursor..<line.upperBound, lineStart: cleanStart, to: &text)
                while text.clean.count > cleanStart, LineSplitter.isBlank(text.clean[text.clean.count - 1]) {
                    text.clean.removeLast()
                }
                if text.anchors.count == anchorStart {
                    text.anchors.append(.init(clean: cleanStart, source: line.lowerBound))
                }
                text.lines.append(
                    .init(source: line, clean: cleanStart..<text.clean.count, anchors: anchorStart..<text.anchors.count)
                )
            }
        }
    }

    /// Appends the source run `r`, skipping leading blanks when the clean line is empty or
    /// already ends in a blank.
    private static func append(
        _ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, lineStart: Int, to text: inout PageText
    ) {
        var lo = r.lowerBound
        let endsBlank = text.clean.count == lineStart || LineSplitter.isBlank(text.clean[text.clean.count - 1])
        if endsBlank {
            while lo < r.upperBound, LineSplitter.isBlank(p[lo]) { lo += 1 }
        }
        guard lo < r.upperBound else { return }
        text.anchors.append(.init(clean: text.clean.count, source: lo))
        text.clean.append(contentsOf: UnsafeBufferPointer(rebasing: p[lo..<r.upperBound]))
    }
}
