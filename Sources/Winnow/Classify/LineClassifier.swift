/// The role of one line of a page.
enum LineRole: Sendable, Equatable {
    /// The page title (the first line, when it is one).
    case title
    /// Site/section or meta line above the article.
    case pageHeader
    case keywordStuffing
    /// A link-list header or one of its headline and count lines.
    case linkList
    /// A line holding only a byline (`来源：新华社 作者：张远`).
    case byline
    /// Article text: prose, flattened or not, with its byline, markers and footer inside.
    case body
    /// An ordinary page's headline above its article (the range without a media tag).
    case headline(Range<Int>)
    /// A publication time with bylines around it, above an article.
    case dateline(DatelineRule.Dateline)
    /// Chrome of an ordinary page (``BoilerplateStage``). An `inline` line sits inside the
    /// article's text and does not split it.
    case boilerplate(RemovalKind, inline: Bool)
}

/// Gives each clean line of a page a role, and reads the page-level metadata on the way.
///
/// Rules run in a fixed order, first match wins: title (first line only), link list, site
/// header, meta line, keyword stuffing, byline, and otherwise body.
struct LineClassifier {
    struct Layout: Sendable {
        var roles: [LineRole] = []
        var title: Range<Int>?
        var site: Range<Int>?
        var section: Range<Int>?
        var updated: String?
        var views: Int?
        var links: [LinkListRule.Link] = []
        /// The first article's title when no headline is found: the page title without the
        /// site names after it (ordinary pages only).
        var articleTitle: Range<Int>?
        /// Why the page has no article, when ``BoilerplateStage`` found none.
        var noArticle: String?
    }

    /// The page header rules look only this far down: headers sit above the first article.
    static let headerWindow = 4

    static func classify(_ p: UnsafeBufferPointer<UInt8>, lines: [Range<Int>]) -> Layout {
        var layout = Layout()
        layout.roles = Array(repeating: .body, count: lines.count)
        var k = 0
        if lines.count > 1, isTitle(p, lines[0]) {
            layout.roles[0] = .title
            layout.title = lines[0]
            k = 1
        }
        while k < lines.count {
            let line = lines[k]
            if LinkListRule.isHeader(p, line) {
                let (links, used) = LinkListRule.links(p, lines: lines[(k + 1)...])
                if used > 0 {
                    for j in k...(k + used) { layout.roles[j] = .linkList }
                    layout.links += links
                    k += used + 1
                    continue
                }
            }
            if k <= headerWindow, let title = layout.title, layout.site == nil,
                let header = SiteHeaderRule.parse(p, line, title: title)
            {
                layout.roles[k] = .pageHeader
                layout.site = header.site
                layout.section = header.section
            } else if k <= headerWindow, let meta = MetaLineRule.parse(p, line) {
                layout.roles[k] = .pageHeader
                layout.updated = layout.updated ?? meta.updated
                layout.views = layout.views ?? meta.views
            } else if lines.count > 1, KeywordStuffingRule.matches(LineFeatures(p, line, stopAtSentenceEnd: true)),
                BylineParser.group(p, at: line.lowerBound, end: line.upperBound) == nil
            {
                // A page of one line is its own content, however list-like (a post listing
                // symptoms), and a list under a byline is an article (a list of delegates);
                // stuffing is an anonymous block beside an article.
                layout.roles[k] = .keywordStuffing
            } else if let group = BylineParser.group(p, at: line.lowerBound, end: line.upperBound),
                group.range.upperBound == line.upperBound
            {
                layout.roles[k] = .byline
            }
            k += 1
        }
        return layout
    }

    /// A first line is the title when it is one short piece of text that no other rule claims.
    static func isTitle(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        guard line.count <= 640 else { return false }  // over 160 characters whatever the script
        let features = LineFeatures(p, line)
        // One sentence at most: a title may end with `?` or `!`, but does not hold two.
        // Portal titles run long with the channel and site appended (`标题_频道_网站`).
        guard features.scalars <= 160, features.finalPunct == 0 || (features.finalPunct == 1 && features.endsSentence)
        else { return false }
        if LinkListRule.isHeader(p, line) || MetaLineRule.parse(p, line) != nil { return false }
        if BylineParser.group(p, at: line.lowerBound, end: line.upperBound) != nil { return false }
        if ViewCount.parse(p, line) != nil { return false }
        return !KeywordStuffingRule.matches(features)
    }
}
