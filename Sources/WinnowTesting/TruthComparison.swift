public import Winnow

/// Compares a page record with the truth a page was generated from.
public enum TruthComparison {
    /// The differences between `record` and `truth`, worded for a failure message; empty
    /// when every article's text (ignoring whitespace) and all metadata match.
    public static func differences(_ record: PageRecord, _ truth: FarmPageGenerator.Truth) -> [String] {
        var out: [String] = []
        func check<T: Equatable>(_ name: String, _ got: T?, _ want: T?) {
            if got != want { out.append("\(name): got \(String(describing: got)), want \(String(describing: want))") }
        }
        check("site", record.site, truth.site)
        check("section", record.section, truth.section)
        check("title", record.title, truth.title)
        check("updated", record.updated, truth.updated)
        check("views", record.views, truth.views)
        check("links", record.links, truth.links)
        guard record.articles.count == truth.articles.count else {
            out.append("articles: got \(record.articles.count), want \(truth.articles.count)")
            for (k, a) in record.articles.enumerated() { out.append("  got #\(k + 1): \(a.text.prefix(60))") }
            return out
        }
        for (k, (got, want)) in zip(record.articles, truth.articles).enumerated() {
            check("article \(k + 1) title", got.title, want.title)
            check("article \(k + 1) outlet", got.outlet, want.outlet)
            check("article \(k + 1) author", got.author, want.author)
            check("article \(k + 1) editor", got.editor, want.editor)
            check("article \(k + 1) via", got.via, want.via)
            let gotText = withoutWhitespace(got.text)
            let wantText = withoutWhitespace(want.paragraphs.joined())
            if gotText != wantText {
                out.append("article \(k + 1) text differs at \(firstDifference(gotText, wantText))")
            }
        }
        return out
    }

    /// `s` without any whitespace (paragraph breaks and spaces are not compared).
    public static func withoutWhitespace(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }

    private static func firstDifference(_ a: String, _ b: String) -> String {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        var i = 0
        while i < min(x.count, y.count), x[i] == y[i] { i += 1 }
        func around(_ s: [Unicode.Scalar]) -> String {
            String(String.UnicodeScalarView(s[max(0, i - 12)..<min(s.count, i + 12)]))
        }
        return "scalar \(i): got «\(around(x))», want «\(around(y))»"
    }
}
