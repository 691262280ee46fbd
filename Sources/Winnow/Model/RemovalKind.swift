/// Why a span of a page was left out of the articles.
///
/// The raw values are stable: they appear in JSON output as `kind` and will be stat keys.
public enum RemovalKind: String, Sendable, CaseIterable {
    /// Characters injected at regular intervals to disguise a copy (emoji, zero-width, symbols).
    case injectedNoise = "injected-noise"
    /// A U+FEFF inside the text, left where files were joined with their byte order marks.
    case byteOrderMark = "byte-order-mark"
    /// The site, section, update-time and view-count lines above an article.
    case pageHeader = "page-header"
    /// A byline repeated right after itself.
    case duplicateByline = "duplicate-byline"
    /// The end of an article that repeats, character for character, its earlier text (a
    /// body pasted twice); the first copy stays.
    case repeatedText = "repeated-text"
    /// A portal's "expand the rest" link (`展开全文`).
    case foldMarker = "fold-marker"
    /// A portal footer glued to the last sentence (`返回搜狐,查看更多`).
    case sourceFooter = "source-footer"
    /// An enumeration of places or keywords with no sentence structure.
    case keywordStuffing = "keyword-stuffing"
    /// A "read next" block of headlines and view counts (kept as `links`).
    case linkList = "link-list"

    // Chrome of ordinary pages (issue 5), named by ``BoilerplateCues`` or by the block's shape.

    /// Menus and channel lists: runs of short link-like lines.
    case navigation
    /// Login and registration boxes.
    case login
    /// Share, bookmark, print and "open in the app" buttons.
    case share
    /// Lists of other headlines (`相关新闻`, `热点搜索`) outside the article.
    case relatedLinks = "related-links"
    /// `上一篇`/`下一篇` and page numbers.
    case pager
    /// Footers: `版权所有`, ICP numbers, "about us" links.
    case copyright
    /// Advertisement captions.
    case ad
    /// Video and picture descriptions outside the article text (`视频简介：…`).
    case caption
    /// Comment boxes and reply counters.
    case comment
    /// HTML, CSS or script source left in the text by the crawler's extractor.
    case markup
    /// Prose away from the article's main text: a teaser or a sidebar that is too small, or
    /// too far from the article, to be part of it.
    case outsideArticle = "outside-article"

    /// Characters taken out of the text around them (the text stays), not a block of lines:
    /// such spans sit inside paragraphs and other spans.
    public var isCharacterLevel: Bool { self == .injectedNoise || self == .byteOrderMark }
}

/// A span removed from a page, with its reason.
public struct RemovedSpan: Sendable, Equatable {
    public var kind: RemovalKind
    /// The removed text (injected characters already taken out of block-level spans; they are
    /// reported as spans of their own).
    public var text: String
    /// Byte offsets of the span in the page (after invalid UTF-8 was replaced).
    public var start: Int
    public var end: Int

    public init(kind: RemovalKind, text: String, start: Int, end: Int) {
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
    }
}
