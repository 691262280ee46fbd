/// Computes ``ArticleSignals`` for the articles of a page.
///
/// One pass over each article's scalars gathers the shares, the language and script
/// counts and the character sequence; the repetition signals then run over that sequence
/// with a reused table. Create one per worker (it owns scratch buffers).
///
/// Repetition is measured on characters for CJK text, where a character is about a word,
/// and on words for other scripts, as Gopher defines it: character 10-grams of English are
/// two words, and repeat in any article (` of the `).
public struct QualitySignals {
    private var repetition = NGramRepetition()
    private var sequence: [UInt32] = []
    private var words: [UInt32] = []
    /// Each line of the current article, keyed by its length and first bytes.
    ///
    /// Sorted once at the end, so that equal lines sit side by side; only lines whose keys
    /// agree are compared byte by byte, and lines of one length that start alike are rare.
    /// No hash at all: hashing every line's bytes cost more than a tenth of the signals
    /// (and hashing the `String`s would normalize them to NFC first).
    private var lineKeys: [LineKey] = []
    /// Also compute the top 3- and 4-gram and duplicate 5-gram shares (`[signals]
    /// full_repetition`): they double the cost of the signals and no default filter reads them.
    public var fullRepetition = false

    /// The repetition signals read at most this many units (the first ones) of an article.
    ///
    /// Their tables take some 24 bytes per unit, and an article of a 64 MB record would
    /// otherwise need well over a gigabyte for them. A million characters is some 300 news articles.
    static let maxRepetitionUnits = 1 << 20

    public init(fullRepetition: Bool = false) {
        self.fullRepetition = fullRepetition
    }

    /// The signals of `article`; `boilerplate` is its page's ``boilerplate(of:)``.
    public mutating func signals(of article: Article, boilerplate: Double = 0) -> ArticleSignals {
        var s = ArticleSignals()
        words.removeAll(keepingCapacity: true)
        var tally = CharacterTally()
        var linesWithoutEnd = 0
        lineKeys.removeAll(keepingCapacity: true)
        var bytes = 0
        for paragraph in article.paragraphs { bytes += paragraph.utf8.count }
        // The characters go through a pointer (a scalar is at least a byte, so `bytes`
        // is room enough): an append per character checked the array's uniqueness each time.
        if sequence.count < bytes { sequence = Array(repeating: 0, count: bytes) }
        var lineWords: [UInt32] = []
        swap(&lineWords, &words)
        sequence.withUnsafeMutableBufferPointer { sequence in
            SignalCodes.table.withUnsafeBufferPointer { codes in
                SignalCodes.increments.withUnsafeBufferPointer { increments in
                    for index in article.paragraphs.indices {
                        var paragraph = article.paragraphs[index]
                        let (end, prefix) = paragraph.withUTF8 { p in
                            var local = tally
                            let end = local.scan(
                                p, sequence: sequence, codes: codes, increments: increments, words: &lineWords)
                            tally = local
                            return (end, LineKey.prefix(p))
                        }
                        let lastClass = ScalarClass.of(end.last)
                        let ends =
                            lastClass == .finalPunct
                            || (lastClass == .closePunct && ScalarClass.of(end.beforeLast) == .finalPunct)
                        if !ends { linesWithoutEnd += 1 }
                        let key = LineKey(bytes: paragraph.utf8.count, prefix: prefix, index: index, chars: end.chars)
                        lineKeys.append(key)
                    }
                }
            }
        }
        swap(&lineWords, &words)
        let han = tally.han, kana = tally.kana, hangul = tally.hangul, latin = tally.latin
        let counts = tally.language
        // A line that repeats an earlier one: every line of a run of equal lines but one.
        var duplicateLines = 0, duplicateLineChars = 0
        let paragraphs = article.paragraphs
        lineKeys.sort { a, b in
            if a.bytes != b.bytes { return a.bytes < b.bytes }
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            return paragraphs[a.index].utf8.lexicographicallyPrecedes(paragraphs[b.index].utf8)
        }
        for i in lineKeys.indices.dropFirst() {
            let a = lineKeys[i - 1], b = lineKeys[i]
            guard a.bytes == b.bytes, a.prefix == b.prefix,
                paragraphs[a.index].utf8.elementsEqual(paragraphs[b.index].utf8)
            else { continue }
            duplicateLines += 1
            duplicateLineChars += b.chars
        }
        let chars = tally.chars
        s.chars = chars
        s.lines = article.paragraphs.count
        let lines = max(1, article.paragraphs.count)
        func share(_ n: Int) -> Double { chars == 0 ? 0 : Double(n) / Double(chars) }
        s.han = share(han)
        s.kana = share(kana)
        s.hangul = share(hangul)
        s.latin = share(latin)
        s.digits = share(tally.digits)
        s.punctuation = share(tally.punctuation)
        s.symbols = share(tally.symbols)
        s.mojibake = min(1, share(tally.mojibake))
        s.linesWithoutEnd = Double(linesWithoutEnd) / Double(lines)
        s.duplicateLines = Double(duplicateLines) / Double(lines)
        s.duplicateLineChars = share(duplicateLineChars)
        // Characters for CJK text, words otherwise (borrowed, not copied).
        let onCharacters = (han + kana + hangul) * 2 >= chars
        var units: [UInt32] = []
        if onCharacters { swap(&units, &sequence) } else { swap(&units, &words) }
        let measured = min(onCharacters ? chars : units.count, Self.maxRepetitionUnits)
        units.withUnsafeBufferPointer { all in
            let units = UnsafeBufferPointer(rebasing: all[..<measured])
            (s.top2gram, s.duplicate10gram) = repetition.topAndDuplicate(units, top: 2, duplicate: 10)
            if fullRepetition {
                s.top3gram = repetition.topFraction(units, n: 3)
                s.top4gram = repetition.topFraction(units, n: 4)
                s.duplicate5gram = repetition.duplicateFraction(units, n: 5)
            }
        }
        if onCharacters { swap(&units, &sequence) } else { swap(&units, &words) }
        s.meanLineLength = Double(chars) / Double(lines)
        s.functionWords = han == 0 ? 0 : Double(tally.functionWords) / Double(han)
        let removed = article.noise.removed
        s.noiseDensity = chars + removed == 0 ? 0 : Double(removed) / Double(chars + removed)
        s.boilerplate = boilerplate
        s.script =
            han * 2 >= chars ? ChineseScript.name(simplified: tally.simplified, traditional: tally.traditional) : nil
        (s.language, s.languageScore) = LanguageIdentifier.identify(counts, paragraphs: article.paragraphs)
        s.languageScore = ArticleSignals.rounded(s.languageScore)
        return s
    }

    /// The share of the page's bytes removed (chrome, farm blocks, injected noise).
    public static func boilerplate(of page: PageRecord) -> Double {
        guard page.bytes > 0 else { return 0 }
        let removed = page.removed.reduce(0) { $0 + max(0, $1.end - $1.start) }
        return min(1, Double(removed) / Double(page.bytes))
    }
}

/// A line of an article as the duplicate-line count sorts it: its length in bytes and its
/// first eight bytes, then (for lines whose keys agree) its bytes.
private struct LineKey {
    var bytes: Int
    var prefix: UInt64
    var index: Int
    var chars: Int

    /// The first eight bytes of `p` (fewer, zero-padded, for a shorter line).
    static func prefix(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        for i in 0..<min(8, p.count) { value = value << 8 | UInt64(p[i]) }
        return value
    }
}
