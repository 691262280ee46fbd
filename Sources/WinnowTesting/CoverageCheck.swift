public import Winnow

/// Checks the "nothing lost" invariant of a page record (DESIGN.md §3.2).
public enum CoverageCheck {
    /// Problems found, worded for a failure message; empty when the record accounts for the page.
    ///
    /// The record accounts for the page when:
    /// - every byte that is not whitespace lies in some span (paragraph, metadata or removed);
    /// - each article's paragraphs, read back from the page (their spans, minus the injected
    ///   noise spans inside them), give the article's text, ignoring whitespace;
    /// - each removed span's text is the page's bytes at its offsets, minus injected noise.
    public static func problems(_ record: PageRecord) -> [String] {
        var out: [String] = []
        let source = record.source
        var covered = [Bool](repeating: false, count: source.count)
        var isNoise = [Bool](repeating: false, count: source.count)
        for span in record.spans {
            for i in span.range { covered[i] = true }
            if case .removed(let kind) = span.role, kind.isCharacterLevel { for i in span.range { isNoise[i] = true } }
        }
        var i = 0
        while i < source.count {
            let length = scalarLength(source[i])
            if !covered[i], !isWhitespace(source, i) {
                let text = String(decoding: source[i..<min(source.count, i + 30)], as: UTF8.self)
                out.append("byte \(i) is in no span: «\(text)»")
                break
            }
            i += length
        }
        func readBack(_ range: Range<Int>) -> String {
            let kept = range.filter { !isNoise[$0] }.map { source[$0] }
            return TruthComparison.withoutWhitespace(String(decoding: kept, as: UTF8.self))
        }
        for (k, article) in record.articles.enumerated() {
            let fromSpans = record.spans.filter { $0.role == .paragraph(article: k) }.map { readBack($0.range) }
                .joined()
            if fromSpans != TruthComparison.withoutWhitespace(article.text) {
                out.append(
                    "article \(k + 1): paragraph spans read «\(fromSpans.prefix(40))…», text is «\(article.text.prefix(40))…»"
                )
            }
        }
        for span in record.removed where !span.kind.isCharacterLevel {
            if readBack(span.start..<span.end) != TruthComparison.withoutWhitespace(span.text) {
                out.append("removed \(span.kind.rawValue) at \(span.start): text does not match the page")
            }
        }
        return out
    }

    private static func scalarLength(_ b: UInt8) -> Int { b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4 }

    private static func isWhitespace(_ s: [UInt8], _ i: Int) -> Bool { PageRecord.isWhitespace(s, at: i) }
}
