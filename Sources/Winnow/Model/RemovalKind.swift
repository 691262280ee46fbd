/// Why a span of a page was left out of the articles.
///
/// The raw values are stable: they appear in JSON output as `kind` and will be stat keys.
public enum RemovalKind: String, Sendable, CaseIterable {
    /// Characters injected at regular intervals to disguise a copy (emoji, zero-width, symbols).
    case injectedNoise = "injected-noise"
    /// The site, section, update-time and view-count lines above an article.
    case pageHeader = "page-header"
    /// A byline repeated right after itself.
    case duplicateByline = "duplicate-byline"
    /// A portal's "expand the rest" link (`展开全文`).
    case foldMarker = "fold-marker"
    /// A portal footer glued to the last sentence (`返回搜狐,查看更多`).
    case sourceFooter = "source-footer"
    /// An enumeration of places or keywords with no sentence structure.
    case keywordStuffing = "keyword-stuffing"
    /// A "read next" block of headlines and view counts (kept as `links`).
    case linkList = "link-list"
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
