/// Parses view counters: `6612`, `1.2万`, `3121次`, `阅读 5230`, `浏览量:2,876`.
enum ViewCount {
    /// The count in `p[range]`, or `nil` unless the range is a number with at most a view
    /// label or unit around it.
    static func parse(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var r = ParagraphSplitter.trim(p, range)
        // A leading label (`阅读 5230`, `浏览量:2876`).
        if let label = ByteMatch.longestPrefix(p, r, in: Lexicon.viewLabels) {
            r = ParagraphSplitter.trim(p, (r.lowerBound + label.count)..<r.upperBound)
            if r.lowerBound < r.upperBound, p[r.lowerBound] == UInt8(ascii: ":") { r = r.dropFirst() }
            if ByteMatch.hasPrefix(p, r, colon) { r = (r.lowerBound + 3)..<r.upperBound }
            r = ParagraphSplitter.trim(p, r)
        }
        // Trailing units (`次`, `人阅读`, `阅读`).
        for suffix in trailingUnits where ByteMatch.hasSuffix(p, r, suffix) {
            r = ParagraphSplitter.trim(p, r.lowerBound..<(r.upperBound - suffix.count))
            break
        }
        var multiplier = 1.0
        if ByteMatch.hasSuffix(p, r, wan) {
            multiplier = 10_000
            r = r.lowerBound..<(r.upperBound - 3)
        } else if let last = r.last.map({ p[$0] }), last == UInt8(ascii: "w") || last == UInt8(ascii: "W") {
            multiplier = 10_000
            r = r.dropLast()
        } else if let last = r.last.map({ p[$0] }), last == UInt8(ascii: "k") || last == UInt8(ascii: "K") {
            multiplier = 1_000
            r = r.dropLast()
        }
        guard !r.isEmpty, r.count <= 15 else { return nil }
        var integer = 0
        var fraction = 0.0
        var scale = 0.1
        var seenDot = false
        var digits = 0
        for i in r {
            let b = p[i]
            if b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
                digits += 1
                if seenDot {
                    fraction += Double(b - UInt8(ascii: "0")) * scale
                    scale /= 10
                } else {
                    integer = integer * 10 + Int(b - UInt8(ascii: "0"))
                }
            } else if b == UInt8(ascii: "."), !seenDot, multiplier > 1 {
                seenDot = true
            } else if b == UInt8(ascii: ","), !seenDot {
                continue
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        return Int(((Double(integer) + fraction) * multiplier).rounded())
    }

    private static let colon: [UInt8] = Array("：".utf8)
    private static let wan: [UInt8] = Array("万".utf8)
    private static let trailingUnits: [[UInt8]] = ["人阅读", "次阅读", "人浏览", "次浏览", "阅读", "浏览", "次", "人"]
        .map { Array($0.utf8) }
}
