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
    /// Units in the most frequent 2-, 3- and 4-gram of units.
    ///
    /// Units are characters for CJK text, words for other scripts. The 3- and 4-gram values are computed only with
    /// ``QualitySignals/fullRepetition`` (`nil` otherwise): they cost as much as the rest.
    public var top2gram = 0.0
    public var top3gram: Double?
    public var top4gram: Double?
    /// Units inside 5- and 10-grams of units that occur more than once (5: full repetition only).
    public var duplicate5gram: Double?
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
        guard w.isPretty else {
            // Compact (every article record): built in scratch memory, copied once.
            return w.flatObject(capacity: 4096) { flat in
                forEachField { name, value, isCount in
                    flat.key(name)
                    if isCount, let value { flat.value(Int(value)) } else { flat.value(value.map(Self.rounded)) }
                }
                flat.key("script"); flat.value(ascii: script)
            }
        }
        w.beginObject()
        forEachField { name, value, isCount in
            w.key(name)
            if isCount, let value { w.value(Int(value)) } else { w.value(value.map(Self.rounded)) }
        }
        w.key("script"); w.value(script)
        w.endObject()
    }

    /// Four decimals for filters and statistics (the JSON shows three): the same values on
    /// every machine.
    static func rounded(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

    /// Calls `body` with each numeric signal in output order: its JSON name, its value
    /// (`nil` when not computed) and whether it is a count.
    func forEachField(_ body: (StaticString, Double?, Bool) -> Void) {
        body("chars", Double(chars), true)
        body("han", han, false)
        body("kana", kana, false)
        body("hangul", hangul, false)
        body("latin", latin, false)
        body("digits", digits, false)
        body("punctuation", punctuation, false)
        body("symbols", symbols, false)
        body("mojibake", mojibake, false)
        body("lines", Double(lines), true)
        body("lines_without_end", linesWithoutEnd, false)
        body("duplicate_lines", duplicateLines, false)
        body("duplicate_line_chars", duplicateLineChars, false)
        body("top_2gram", top2gram, false)
        body("top_3gram", top3gram, false)
        body("top_4gram", top4gram, false)
        body("duplicate_5gram", duplicate5gram, false)
        body("duplicate_10gram", duplicate10gram, false)
        body("mean_line_length", meanLineLength, false)
        body("function_words", functionWords, false)
        body("noise_density", noiseDensity, false)
        body("boilerplate", boilerplate, false)
    }

    /// The names of the numeric signals, in output order.
    static let names: [String] = {
        var out: [String] = []
        ArticleSignals().forEachField { name, _, _ in out.append(name.description) }
        return out
    }()

    /// The numeric signals computed, and `lang_score`, by name (for `winnow stats`).
    public var named: [(name: String, value: Double)] {
        var out: [(name: String, value: Double)] = []
        forEachField { name, value, _ in if let value { out.append((name.description, value)) } }
        return out + [("lang_score", languageScore)]
    }
}
