/// Quality signals of one article, recorded under `signals` in the article records of
/// `winnow run` (issue 6), and read by ``QualityFilters``.
///
/// Shares are of the article's non-whitespace characters. Repetition signals follow Gopher
/// (Rae et al. 2021), computed on characters, which is what a word is worth in Chinese.
public struct ArticleSignals: Sendable, Equatable {
    /// Non-whitespace characters.
    public var chars = 0
    public var han = 0.0
    public var kana = 0.0
    public var hangul = 0.0
    public var latin = 0.0
    public var digits = 0.0
    public var punctuation = 0.0
    /// Pictographs, rare symbols, invisible and unassigned characters.
    public var symbols = 0.0
    /// U+FFFD and the Latin-1 letters that UTF-8 read as Latin-1 turns into (`Ã¤Â¸`).
    public var mojibake = 0.0
    /// Lines (paragraphs).
    public var lines = 0
    /// Lines (paragraphs) that do not end with sentence punctuation, as a share of lines.
    public var linesWithoutEnd = 0.0
    /// Lines that repeat an earlier line of the article, as a share of lines, and the share
    /// of characters in them.
    public var duplicateLines = 0.0
    public var duplicateLineChars = 0.0
    /// Units in the most frequent 2-, 3- and 4-gram of units: characters for CJK text,
    /// words for other scripts.
    public var top2gram = 0.0
    public var top3gram = 0.0
    public var top4gram = 0.0
    /// Units inside 5- and 10-grams of units that occur more than once.
    public var duplicate5gram = 0.0
    public var duplicate10gram = 0.0
    /// Mean line (paragraph) length in characters.
    public var meanLineLength = 0.0
    /// Grammatical words (的了是在和 …) per Han character.
    public var functionWords = 0.0
    /// Injected units removed per character, before cleaning.
    public var noiseDensity = 0.0
    /// The share of the page's bytes that were removed as chrome or noise.
    public var boilerplate = 0.0
    /// `Hans`, `Hant` or `mixed` for Chinese text with characters that tell; `nil` otherwise.
    public var script: String?
    /// Language (`zh`, `en`, `ja`, `ko`, `ru`, `ar`, `other`) and its score in 0…1.
    public var language = "other"
    public var languageScore = 0.0

    public init() {}
}

extension ArticleSignals {
    /// Writes the `signals` object (`lang` and `lang_score` are written by the caller at
    /// the top level of the record).
    func write(to w: inout JSONWriter) {
        w.beginObject()
        for (name, value) in fields {
            w.key(dynamic: name)
            if name == "chars" || name == "lines" { w.value(Int(value)) } else { w.value(Self.rounded(value)) }
        }
        w.key("script"); w.value(script)
        w.endObject()
    }

    /// Four decimals: enough to choose thresholds, and the same bytes on every machine.
    static func rounded(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

    /// The numeric signals by their JSON names, in output order.
    var fields: [(name: String, value: Double)] {
        [
            ("chars", Double(chars)), ("han", han), ("kana", kana), ("hangul", hangul), ("latin", latin),
            ("digits", digits), ("punctuation", punctuation), ("symbols", symbols), ("mojibake", mojibake),
            ("lines", Double(lines)), ("lines_without_end", linesWithoutEnd), ("duplicate_lines", duplicateLines),
            ("duplicate_line_chars", duplicateLineChars), ("top_2gram", top2gram), ("top_3gram", top3gram),
            ("top_4gram", top4gram), ("duplicate_5gram", duplicate5gram), ("duplicate_10gram", duplicate10gram),
            ("mean_line_length", meanLineLength), ("function_words", functionWords),
            ("noise_density", noiseDensity), ("boilerplate", boilerplate),
        ]
    }

    /// The numeric signals and `lang_score`, for filters and `winnow stats`.
    public var named: [(name: String, value: Double)] { fields + [("lang_score", languageScore)] }
}
