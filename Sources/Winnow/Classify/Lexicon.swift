/// The small, documented phrase lists Winnow uses as hints.
///
/// Every list here backs a structural detector and is never the only evidence (DESIGN.md
/// §3.1): a fold marker must also be a short piece with no sentence punctuation, a link-list
/// header must be followed by headline lines, a footer must sit at the end of a body.
/// Extend a list when a new farm shows a new phrase; add a test with the phrase.
enum Lexicon {
    private static func bytes(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }

    /// Words fold markers are built from (`展开全文`, `阅读全文`, `点击展开全文`, `展开剩余 85%`,
    /// `继续阅读`, `余下全文`, `查看全文`, …).
    static let foldMarkerParts = PhraseSet(bytes(["展开", "全文", "剩余", "阅读", "查看", "点击", "继续", "余下"]))

    /// Portal footers: `返回{portal},查看更多` and the like.
    ///
    /// The portal name between the
    /// verb and the tail becomes the article's `via`.
    static let footerVerbs = bytes(["点击返回", "返回", "回到"])  // longest first
    static let footerTails = bytes(["查看更多", "首页", "阅读更多", "看更多", "查看更多精彩", "了解更多"])

    /// Headers of link lists ("read next" blocks).
    static let linkListHeaders = bytes([
        "推荐阅读", "相关阅读", "热门推荐", "猜你喜欢", "相关文章", "延伸阅读", "热门文章", "精彩推荐", "为你推荐",
        "相关新闻", "热点推荐", "大家都在看", "更多推荐", "热门阅读", "推荐文章", "相关推荐", "最新文章", "热门资讯",
        "精彩阅读", "往期回顾", "往期推荐", "热文推荐", "今日推荐", "相关资讯",
    ])

    /// Byline labels and the field each one fills.
    static let bylineLabels: [(label: [UInt8], kind: BylineField)] =
        ([
            ("责任编辑", .editor), ("编辑", .editor), ("责编", .editor), ("作者", .author), ("撰文", .author),
            ("记者", .author), ("文字", .author), ("来源", .outlet), ("稿源", .outlet), ("原标题", .originalTitle),
            ("文", .text), ("图", .other), ("摄影", .other), ("校对", .other), ("审核", .other), ("通讯员", .other),
            ("出品", .other), ("排版", .other), ("美编", .other),
        ] as [(String, BylineField)]).map { (label: Array($0.0.utf8), kind: $0.1) }

    /// The byline labels prepared for matching (indices as in ``bylineLabels``).
    static let bylineLabelSet = PhraseSet(bylineLabels.map(\.label))

    /// Labels of view counters and dates in a page's meta line (`更新时间: … 浏览次数:6612`).
    static let viewLabels = PhraseSet(
        bytes([
            "浏览次数", "浏览量", "阅读量", "阅读数", "阅读", "浏览", "点击", "点击量", "点击数", "人气", "热度", "访问量",
            "围观",
        ]))
    static let dateLabels = PhraseSet(
        bytes([
            "更新时间", "发布时间", "发表时间", "时间", "日期", "发布日期", "更新日期", "发布于", "更新于", "上传时间",
        ]))

    /// Endings of site names, to split `某某资讯网最新热点` into site and section when no
    /// separator stands between them.
    static let siteSuffixes = bytes([
        "资讯网", "新闻网", "在线", "之家", "门户", "日报", "晚报", "时报", "频道", "网", "站", ".com", ".cn", ".net",
    ])

    /// Frequent grammatical words of Chinese prose; enumerations and keyword lists have almost
    /// none.
    @inline(__always)
    static func isFunctionWord(_ v: UInt32) -> Bool {
        // Most Han characters are not function words: a 256-bit filter on a hash of the scalar
        // rejects them before the exact check.
        guard functionWordFilter[bucket(v)] else { return false }
        return isFunctionWordExact(v)
    }

    @inline(__always)
    private static func bucket(_ v: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: (v &* 0x9E37_79B1) >> 24) }

    /// The buckets of the function words, derived from ``isFunctionWordExact(_:)`` so the two
    /// cannot disagree.
    private static let functionWordFilter: ByteTable = {
        let buckets = Set((UInt32(0x4E00)...0x9FFF).filter(isFunctionWordExact).map(bucket))
        return ByteTable { buckets.contains($0) }
    }()

    private static func isFunctionWordExact(_ v: UInt32) -> Bool {
        switch v {
        case 0x7684, 0x4E86, 0x662F, 0x5728, 0x548C, 0x6709, 0x8FD9, 0x6211, 0x4ED6, 0x4EEC, 0x4E5F, 0x5C31,
            0x90FD, 0x800C, 0x4E0E, 0x5BF9, 0x5C06, 0x88AB, 0x628A, 0x4E4B, 0x5176, 0x4F46, 0x6216, 0x4E0D,
            0x4E3A, 0x5230, 0x4ECE, 0x8BA9, 0x7ED9, 0x5F97, 0x5730, 0x7740, 0x8FC7, 0x5417, 0x5462, 0x5427:
            // 的了是在和有这我他们也就都而与对将被把之其但或不为到从让给得地着过吗呢吧
            return true
        default:
            return false
        }
    }
}

/// The metadata field a byline label fills.
enum BylineField: Sendable {
    case outlet, author, editor, originalTitle
    /// `文`: with `|` it names the outlet (`文 | 城市观察`, the account that published), with
    /// `/` or `:` the writer (`文/张远`).
    case text
    /// Credits Winnow records but does not map (photographer, proofreader, ...).
    case other
}
