/// An article while it is being assembled: ranges into the clean view, not yet strings.
struct ArticleDraft: Sendable {
    var title: Range<Int>?
    var outlet: Range<Int>?
    var author: Range<Int>?
    var editor: Range<Int>?
    var via: Range<Int>?
    var originalTitle: Range<Int>?
    /// The normalized publication time from a byline or dateline.
    var published: String?
    /// Paragraphs with the line each came from.
    var paragraphs: [(range: Range<Int>, line: Int)] = []
    /// Lines that belong to the article (for its noise report).
    var lines: [Int] = []
    /// A footer ends an article: text after it starts the next one.
    var isClosed = false
    /// `(kind, value)` pairs read from bylines, to tell a repeated byline from a new one.
    var bylineValues: [(BylineField, [UInt8])] = []

    /// Fills the fields of `group` that are still empty; returns whether the group only
    /// repeated what the article already had.
    mutating func absorb(_ group: BylineParser.Group, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var repeatsOnly = true
        var sawField = false
        for field in group.fields where field.kind != .other {
            sawField = true
            let value = Array(UnsafeBufferPointer(rebasing: p[field.value]))
            let kind: BylineField = field.kind == .text ? (field.pipeDelimited ? .outlet : .author) : field.kind
            if !bylineValues.contains(where: { $0.0 == kind && $0.1 == value }) {
                repeatsOnly = false
                bylineValues.append((kind, value))
            }
            switch kind {
            case .outlet: outlet = outlet ?? field.value
            case .author: author = author ?? field.value
            case .editor: editor = editor ?? field.value
            case .originalTitle: originalTitle = originalTitle ?? field.value
            case .text, .other: break
            }
        }
        return repeatsOnly && sawField
    }
}
