/// Finds an ordinary page's in-page headline (its `<h1>`), and cleans the `<title>` when the
/// page has none.
///
/// A WET page starts with the HTML `<title>`, which portals pad with the channel and the
/// site (`标题_频道_网站`, `问题 - 知乎`); the headline proper usually appears again as a line
/// of its own above the article. That line is the one the `<title>` starts with, or the
/// heading right above the article text.
enum HeadlineRule {
    /// How far above the article the headline is looked for, in lines.
    static let window = 16

    /// The headline line above `start` (the first line of the article's text), or `nil`:
    /// the nearest line that the page title starts with or contains, or a heading with only
    /// bylines between it and the article.
    static func find(
        _ p: UnsafeBufferPointer<UInt8>, lines: [Range<Int>], roles: [LineRole], above start: Int,
        pageTitle: Range<Int>?
    ) -> Int? {
        var k = start - 1
        var adjacent = true
        while k >= max(1, start - window) {
            let line = lines[k]
            switch roles[k] {
            case .byline, .dateline:
                k -= 1
                continue
            case .body, .boilerplate:
                if isHeading(p, line) {
                    // Half the bare title at least, so a channel name in the title is no headline.
                    if let title = pageTitle, 2 * line.count >= titleWithoutSite(p, title).count,
                        ByteMatch.contains(p, title, line)
                    {
                        return k
                    }
                    if adjacent, case .body = roles[k] { return k }
                }
            default:
                return nil
            }
            adjacent = false
            k -= 1
        }
        return nil
    }

    /// A short line without a sentence inside it (a final `?`/`!` is fine).
    static func isHeading(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        guard line.count <= 400 else { return false }
        let f = LineFeatures(p, line)
        return f.han + f.latin >= 4 && f.scalars <= 100 && (f.finalPunct == 0 || (f.finalPunct == 1 && f.endsSentence))
    }

    /// The headline without a leading media tag (`[视频]`, `【图文】`).
    static func withoutMediaTag(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Range<Int> {
        for (open, close) in brackets where ByteMatch.hasPrefix(p, line, open) {
            let inner = (line.lowerBound + open.count)..<line.upperBound
            guard let tag = ByteMatch.longestPrefix(p, inner, in: mediaTags),
                ByteMatch.hasPrefix(p, (inner.lowerBound + tag.count)..<line.upperBound, close)
            else { continue }
            let rest = (inner.lowerBound + tag.count + close.count)..<line.upperBound
            let trimmed = ParagraphSplitter.trim(p, rest)
            return trimmed.isEmpty ? line : trimmed
        }
        return line
    }

    /// The `<title>` without the channel and site names portals append after `_`, `|` or
    /// ` - `: the part before the first such separator, when it is at least four
    /// characters long.
    static func titleWithoutSite(_ p: UnsafeBufferPointer<UInt8>, _ title: Range<Int>) -> Range<Int> {
        var i = title.lowerBound
        while i < title.upperBound {
            if let sep = siteSeparators.first(where: { ByteMatch.hasPrefix(p, i..<title.upperBound, $0) }) {
                let head = ParagraphSplitter.trim(p, title.lowerBound..<i)
                if LineFeatures(p, head).scalars >= 4 { return head }
                i += sep.count
                continue
            }
            i += 1
        }
        return title
    }

    private static let brackets: [([UInt8], [UInt8])] = [("[", "]"), ("【", "】")].map {
        (Array($0.0.utf8), Array($0.1.utf8))
    }
    private static let mediaTags = PhraseSet(
        ["视频", "图", "组图", "图文", "图集", "直播", "音频", "快讯", "独家"].map { Array($0.utf8) })
    private static let siteSeparators: [[UInt8]] = ["_", " | ", "|", "｜", " - ", " – "].map { Array($0.utf8) }
}
