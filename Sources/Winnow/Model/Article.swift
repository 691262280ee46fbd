/// One article recovered from a page.
public struct Article: Sendable, Equatable {
    /// `PAGE_ID#N`, N counting from 1 in page order.
    public var id: String
    public var title: String?
    /// The publisher named in the byline (`文 | 城市观察`, `来源：新华社`).
    public var outlet: String?
    public var author: String?
    public var editor: String?
    /// The portal the copy came through, from its footer (`返回搜狐,查看更多` → `搜狐`).
    public var via: String?
    /// `原标题：…`, the title the article had at its outlet.
    public var originalTitle: String?
    /// The publication time printed with the byline, normalized like ``PageRecord/updated``.
    public var published: String?
    /// The paragraphs, as published (full-width punctuation kept).
    public var paragraphs: [String]
    public var noise: NoiseReport

    /// The paragraphs joined by `\n`.
    public var text: String { paragraphs.joined(separator: "\n") }

    public init(
        id: String, title: String? = nil, outlet: String? = nil, author: String? = nil, editor: String? = nil,
        via: String? = nil, originalTitle: String? = nil, published: String? = nil, paragraphs: [String] = [],
        noise: NoiseReport = .init()
    ) {
        self.id = id
        self.title = title
        self.outlet = outlet
        self.author = author
        self.editor = editor
        self.via = via
        self.originalTitle = originalTitle
        self.published = published
        self.paragraphs = paragraphs
        self.noise = noise
    }
}

/// What the noise model found in one article.
public struct NoiseReport: Sendable, Equatable {
    /// Injected units removed (one emoji sequence, one invisible character, one symbol each).
    public var removed: Int
    /// Mean distance between injection sites, in characters; `nil` with fewer than two sites.
    public var period: Double?
    /// Probability that the decision (noise or no noise) is right, from the noise model.
    public var confidence: Double

    public init(removed: Int = 0, period: Double? = nil, confidence: Double = 1) {
        self.removed = removed
        self.period = period
        self.confidence = confidence
    }
}

/// A headline from a page's link list.
public struct Link: Sendable, Equatable {
    public var title: String
    public var views: Int?

    public init(title: String, views: Int? = nil) {
        self.title = title
        self.views = views
    }
}
