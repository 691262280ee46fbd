/// Turns a "read next" block into links: a header (`推荐阅读`, `相关阅读`, `热门推荐`, …) followed
/// by headline lines, each optionally followed by a line with its view count, or with the
/// count at the end of the headline line (`社区食堂开到了家门口 3121`).
///
/// The header must be a short line (at most 8 characters after an optional colon) of
/// ``Lexicon/linkListHeaders``, and at least one headline must follow. A headline has 2 to 60
/// characters and does not end in `。` (a question or exclamation mark is fine); the block ends
/// at the first line that is neither a headline nor a count, or that is page chrome (a
/// footer, a pager, a login link: ``BoilerplateCues``).
enum LinkListRule {
    struct Link: Sendable {
        var title: Range<Int>
        var views: Int?
    }

    /// Whether the line `p[r]` is a link-list header.
    static func isHeader(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard r.count <= 40 else { return false }
        var r = r
        if r.last.map({ p[$0] }) == UInt8(ascii: ":") { r = r.dropLast() }
        if ByteMatch.hasSuffix(p, r, fullColon) { r = r.lowerBound..<(r.upperBound - 3) }
        r = ParagraphSplitter.trim(p, r)
        return Lexicon.linkListHeaders.contains { ByteMatch.equals(p, r, $0) }
    }

    /// The links of the lines following a header, and how many lines they took.
    static func links(_ p: UnsafeBufferPointer<UInt8>, lines: ArraySlice<Range<Int>>) -> (links: [Link], lines: Int) {
        var links: [Link] = []
        var used = 0
        var k = lines.startIndex
        while k < lines.endIndex {
            let line = lines[k]
            if let views = ViewCount.parse(p, line), !links.isEmpty, links[links.count - 1].views == nil {
                links[links.count - 1].views = views
            } else if let (title, views) = headline(p, line) {
                links.append(Link(title: title, views: views))
            } else {
                break
            }
            k += 1
            used += 1
        }
        return (links, used)
    }

    /// The headline in `p[r]` and a view count at its end, if the line is a headline.
    static func headline(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> (Range<Int>, Int?)? {
        var title = r
        var views: Int?
        // A trailing count after a space.
        var i = r.upperBound
        while i > r.lowerBound, p[i - 1] != UInt8(ascii: " ") { i -= 1 }
        if i > r.lowerBound, let count = ViewCount.parse(p, i..<r.upperBound) {
            views = count
            title = ParagraphSplitter.trim(p, r.lowerBound..<i)
        }
        let scalars = UTF8Scalar.count(p, in: title)
        guard scalars >= 2, scalars <= 60, !title.isEmpty else { return nil }
        if ViewCount.parse(p, title) != nil { return nil }
        if let cue = BoilerplateCues.match(p, r), [.copyright, .pager, .login].contains(cue.role) { return nil }
        let last = UTF8Scalar.decode(p, endingAt: title.upperBound).value
        if last == 0x3002 || last == UInt8(ascii: ".") { return nil }
        return (title, views)
    }

    private static let fullColon: [UInt8] = Array("：".utf8)
}
