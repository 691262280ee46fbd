/// The filters a corpus run applies to each article's ``ArticleSignals``; an article that
/// fails one goes to `filtered/` with the filter's name, its value and the threshold.
///
/// Every default is documented in `winnow config --default` with the measurement behind it
/// (BENCHMARKS.md, "Quality filters"). Filters run in the order of ``check(_:)``; the first
/// that fails names the drop.
public struct QualityFilters: Sendable, Equatable {
    /// Whether filters run at all (`[filters] enabled = false` keeps every article).
    public var enabled = true
    public var minChars = 10
    /// Languages kept; empty keeps all.
    public var languages: [String] = []
    public var minLanguageScore = 0.0
    public var maxSymbols = 0.25
    public var maxMojibake = 0.05
    public var maxLinesWithoutEnd = 1.0
    /// A link list that reached an article: at least ``linkListMinLines`` lines, at least
    /// this share of them without sentence punctuation, and short (``linkListMaxLineLength``).
    public var linkListLinesWithoutEnd = 0.8
    public var linkListMinLines = 3
    public var linkListMaxLineLength = 25.0
    public var maxDuplicateLineChars = 0.5
    public var maxTop2gram = 0.2
    public var maxDuplicate10gram = 0.8
    /// Grammatical words per Han character, for text that is mostly Han and long enough to
    /// judge (at least ``functionWordsMinChars``): a keyword or place list has none.
    public var minFunctionWords = 0.005
    public var functionWordsMinChars = 80
    public var maxNoiseDensity = 0.5

    public init() {}

    /// A failed filter: its name (as in the configuration), the article's value and the
    /// threshold, for `filtered/` records and manifest counts.
    public struct Failure: Sendable, Equatable {
        public var filter: String
        public var value: Double
        public var threshold: Double
        /// Set for the language filter: the language found.
        public var language: String?
    }

    /// The first filter `s` fails, or `nil` when the article is kept.
    public func check(_ s: ArticleSignals) -> Failure? {
        guard enabled else { return nil }
        func fail(_ name: String, _ value: Double, _ threshold: Double) -> Failure {
            Failure(filter: name, value: ArticleSignals.rounded(value), threshold: threshold)
        }
        if s.chars < minChars { return fail("min_chars", Double(s.chars), Double(minChars)) }
        if !languages.isEmpty, !languages.contains(s.language) {
            var f = fail("languages", s.languageScore, 0)
            f.language = s.language
            return f
        }
        if s.languageScore < minLanguageScore { return fail("min_lang_score", s.languageScore, minLanguageScore) }
        if s.mojibake > maxMojibake { return fail("max_mojibake", s.mojibake, maxMojibake) }
        if s.symbols > maxSymbols { return fail("max_symbols", s.symbols, maxSymbols) }
        if s.linesWithoutEnd > maxLinesWithoutEnd {
            return fail("max_lines_without_end", s.linesWithoutEnd, maxLinesWithoutEnd)
        }
        if s.lines >= linkListMinLines, s.meanLineLength <= linkListMaxLineLength,
            s.linesWithoutEnd >= linkListLinesWithoutEnd
        {
            return fail("link_list", s.linesWithoutEnd, linkListLinesWithoutEnd)
        }
        if s.duplicateLineChars > maxDuplicateLineChars {
            return fail("max_duplicate_line_chars", s.duplicateLineChars, maxDuplicateLineChars)
        }
        if s.top2gram > maxTop2gram { return fail("max_top_2gram", s.top2gram, maxTop2gram) }
        if s.duplicate10gram > maxDuplicate10gram {
            return fail("max_duplicate_10gram", s.duplicate10gram, maxDuplicate10gram)
        }
        if s.han >= 0.5, s.chars >= functionWordsMinChars, s.functionWords < minFunctionWords {
            return fail("min_function_words", s.functionWords, minFunctionWords)
        }
        if s.noiseDensity > maxNoiseDensity { return fail("max_noise_density", s.noiseDensity, maxNoiseDensity) }
        return nil
    }

    /// Writes the settings as a JSON object (in the manifest).
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("enabled"); w.value(enabled)
        w.key("min_chars"); w.value(minChars)
        w.key("languages")
        w.beginArray()
        for language in languages { w.value(language) }
        w.endArray()
        w.key("min_lang_score"); w.value(minLanguageScore)
        w.key("max_symbols"); w.value(maxSymbols)
        w.key("max_mojibake"); w.value(maxMojibake)
        w.key("max_lines_without_end"); w.value(maxLinesWithoutEnd)
        w.key("link_list_lines_without_end"); w.value(linkListLinesWithoutEnd)
        w.key("link_list_min_lines"); w.value(linkListMinLines)
        w.key("link_list_max_line_length"); w.value(linkListMaxLineLength)
        w.key("max_duplicate_line_chars"); w.value(maxDuplicateLineChars)
        w.key("max_top_2gram"); w.value(maxTop2gram)
        w.key("max_duplicate_10gram"); w.value(maxDuplicate10gram)
        w.key("min_function_words"); w.value(minFunctionWords)
        w.key("function_words_min_chars"); w.value(functionWordsMinChars)
        w.key("max_noise_density"); w.value(maxNoiseDensity)
        w.endObject()
    }

    /// The settings that change output, in a fixed order (part of the run's configuration hash).
    var canonicalText: String {
        "filters.enabled=\(enabled)\nmin_chars=\(minChars)\nlanguages=\(languages.joined(separator: ","))\n"
            + "min_lang_score=\(minLanguageScore)\nmax_symbols=\(maxSymbols)\nmax_mojibake=\(maxMojibake)\n"
            + "max_lines_without_end=\(maxLinesWithoutEnd)\nlink_list=\(linkListLinesWithoutEnd),\(linkListMinLines),"
            + "\(linkListMaxLineLength)\nmax_duplicate_line_chars=\(maxDuplicateLineChars)\n"
            + "max_top_2gram=\(maxTop2gram)\nmax_duplicate_10gram=\(maxDuplicate10gram)\n"
            + "min_function_words=\(minFunctionWords)\nfunction_words_min_chars=\(functionWordsMinChars)\n"
            + "max_noise_density=\(maxNoiseDensity)\n"
    }
}
