/// Recognizes a page's meta line, the update time and view counter a farm prints under the
/// title (`更新时间: 浏览次数:6612`, `发布时间：2024-03-05 10:21 阅读量：1.2万`).
///
/// The line must consist only of `LABEL:VALUE` pairs (half- or full-width colon) whose labels
/// are date or view labels of ``Lexicon``, with values that are empty, a date or a count.
/// Such a line is removed as `page-header`; its values become `updated` and `views`.
enum MetaLineRule {
    struct Values: Sendable {
        var updated: String?
        var views: Int?
    }

    static func parse(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Values? {
        // The line must open with a label; this also keeps long body lines cheap.
        guard
            ByteMatch.longestPrefix(p, range, in: Lexicon.dateLabels) != nil
                || ByteMatch.longestPrefix(p, range, in: Lexicon.viewLabels) != nil
        else { return nil }
        // Find each colon and the lexicon label that ends right before it.
        var labels: [(start: Int, valueStart: Int, isDate: Bool)] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let colonLength =
                p[i] == UInt8(ascii: ":") ? 1 : (ByteMatch.hasPrefix(p, i..<range.upperBound, fullColon) ? 3 : 0)
            guard colonLength > 0 else {
                i += UTF8Scalar.length(lead: p[i])
                continue
            }
            let before = range.lowerBound..<i
            let dateLabel = longestSuffix(p, before, Lexicon.dateLabels.phrases)
            let viewLabel = longestSuffix(p, before, Lexicon.viewLabels.phrases)
            let label = (dateLabel?.count ?? 0) >= (viewLabel?.count ?? 0) ? dateLabel : viewLabel
            // A colon with no label before it belongs to a value (`10:21`).
            guard let label else {
                i += colonLength
                continue
            }
            labels.append((i - label.count, i + colonLength, label == dateLabel))
            i += colonLength
        }
        guard let first = labels.first, ParagraphSplitter.trim(p, range.lowerBound..<first.start).isEmpty else {
            return nil
        }
        var values = Values()
        for (k, label) in labels.enumerated() {
            let valueEnd = k + 1 < labels.count ? labels[k + 1].start : range.upperBound
            let value = ParagraphSplitter.trim(p, label.valueStart..<max(label.valueStart, valueEnd))
            if value.isEmpty { continue }
            if label.isDate {
                guard let date = DateParser.parse(p, value), date.end == value.upperBound else { return nil }
                values.updated = date.text
            } else {
                guard let count = ViewCount.parse(p, value) else { return nil }
                values.views = count
            }
        }
        return values
    }

    private static let fullColon: [UInt8] = Array("：".utf8)

    private static func longestSuffix(
        _ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ phrases: [[UInt8]]
    ) -> [UInt8]? {
        var best: [UInt8]?
        let trimmedRange = ParagraphSplitter.trim(p, range)
        for phrase in phrases
        where ByteMatch.hasSuffix(p, trimmedRange, phrase) && trimmedRange.upperBound == range.upperBound {
            if phrase.count > (best?.count ?? 0) { best = phrase }
        }
        return best
    }
}
