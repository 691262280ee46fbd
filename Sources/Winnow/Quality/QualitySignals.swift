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
    /// The hash and character count of each line of the current article.
    ///
    /// Hashing the `String`s themselves would normalize them to NFC first, and cost more
    /// than every other signal. Sorted once at the end to find repeats: cheaper than a `Set`
    /// insert per line, whose hashing is SipHash.
    private var lineHashes: [(hash: UInt64, chars: Int)] = []
    /// Also compute the top 3- and 4-gram and duplicate 5-gram shares (`[signals]
    /// full_repetition`): they double the cost of the signals and no default filter reads them.
    public var fullRepetition = false

    /// The repetition signals read at most this many units (the first ones) of an article.
    ///
    /// Their tables take 32 bytes per unit, and an article of a 64 MB record would otherwise
    /// need a gigabyte for them. A million characters is some 300 news articles.
    static let maxRepetitionUnits = 1 << 20

    public init(fullRepetition: Bool = false) {
        self.fullRepetition = fullRepetition
    }

    /// The signals of `article`; `boilerplate` is its page's ``boilerplate(of:)``.
    public mutating func signals(of article: Article, boilerplate: Double = 0) -> ArticleSignals {
        var s = ArticleSignals()
        words.removeAll(keepingCapacity: true)
        var word: UInt32 = 0x811C_9DC5
        var inWord = false
        var counts = LanguageIdentifier.Counts()
        var han = 0, kana = 0, hangul = 0, latin = 0, digits = 0, punctuation = 0, symbols = 0, mojibake = 0
        var functionWords = 0, simplified = 0, traditional = 0
        var linesWithoutEnd = 0
        lineHashes.removeAll(keepingCapacity: true)
        var bytes = 0
        for paragraph in article.paragraphs { bytes += paragraph.utf8.count }
        // The characters go through a pointer (a scalar is at least a byte, so `bytes`
        // is room enough): an append per character checked the array's uniqueness each time.
        if sequence.count < bytes { sequence = Array(repeating: 0, count: bytes) }
        var chars = 0
        sequence.withUnsafeMutableBufferPointer { sequence in
            HanTraits.table.withUnsafeBufferPointer { traits in
                for var paragraph in article.paragraphs {
                    var lineChars = 0
                    var last: UInt32 = 0
                    var beforeLast: UInt32 = 0
                    var previous: UInt32 = 0
                    let lineHash = paragraph.withUTF8 { p in
                        var i = 0
                        while i < p.count {
                            let (v, length) = UTF8Scalar.decode(p, at: i)
                            i += length
                            let hanOffset = v &- HanTraits.first
                            if hanOffset < HanTraits.count {
                                // The main Han block, most of the text: class, counts and traits
                                // at once (what the general path below does for any scalar).
                                if inWord {
                                    words.append(word)
                                    word = 0x811C_9DC5
                                    inWord = false
                                }
                                counts.han &+= 1
                                han &+= 1
                                lineChars &+= 1
                                sequence[chars] = v
                                chars &+= 1
                                let t = traits[Int(hanOffset)]
                                functionWords &+= Int(t & HanTraits.functionWord)
                                simplified &+= Int((t & HanTraits.simplifiedOnly) >> 1)
                                traditional &+= Int((t & HanTraits.traditionalOnly) >> 2)
                                beforeLast = last
                                last = v
                                previous = v
                                continue
                            }
                            counts.add(v)
                            let cls = ScalarClass.of(v)
                            // Words for the repetition signals of alphabetic text: FNV-1a of the letters.
                            if cls == .latin || cls == .digit || cls == .otherLetter {
                                word = (word ^ v) &* 0x0100_0193
                                inWord = true
                            } else if inWord {
                                words.append(word)
                                word = 0x811C_9DC5
                                inWord = false
                            }
                            if cls == .space { continue }
                            lineChars += 1
                            sequence[chars] = v
                            chars &+= 1
                            // UTF-8 read as Latin-1: a lead byte (`Ã`, `ä`, `æ` …) then a continuation
                            // byte (a C1 control or a Latin-1 sign).
                            if previous >= 0xC2, previous <= 0xEF, v >= 0x80, v <= 0xBF { mojibake += 2 }
                            switch cls {
                            case .han:
                                han += 1
                                if Lexicon.isFunctionWord(v) { functionWords += 1 }
                                ChineseScript.tally(v, simplified: &simplified, traditional: &traditional)
                            case .kana: kana += 1
                            case .hangul: hangul += 1
                            case .latin:
                                latin += 1
                            case .digit: digits += 1
                            case .finalPunct, .openPunct, .closePunct, .punct:
                                punctuation += 1
                            case .otherLetter: break
                            default:
                                symbols += 1
                                if v == 0xFFFD { mojibake += 1 }
                            }
                            beforeLast = last
                            last = v
                            previous = v
                        }
                        return StableHash.hash64(p)
                    }
                    if inWord {
                        words.append(word)
                        word = 0x811C_9DC5
                        inWord = false
                    }
                    let lastClass = ScalarClass.of(last)
                    let ends =
                        lastClass == .finalPunct
                        || (lastClass == .closePunct && ScalarClass.of(beforeLast) == .finalPunct)
                    if !ends { linesWithoutEnd += 1 }
                    lineHashes.append((lineHash, lineChars))
                }
            }
        }
        // A line that repeats an earlier one: every line of a run of equal hashes but one.
        var duplicateLines = 0, duplicateLineChars = 0
        lineHashes.sort { $0.hash < $1.hash }
        for i in lineHashes.indices.dropFirst() where lineHashes[i].hash == lineHashes[i - 1].hash {
            duplicateLines += 1
            duplicateLineChars += lineHashes[i].chars
        }
        // English function words decide only between Latin-script languages.
        if latin * 2 > counts.letters {
            for paragraph in article.paragraphs { counts.addWords(paragraph[...].utf8) }
        }
        s.chars = chars
        s.lines = article.paragraphs.count
        let lines = max(1, article.paragraphs.count)
        func share(_ n: Int) -> Double { chars == 0 ? 0 : Double(n) / Double(chars) }
        s.han = share(han)
        s.kana = share(kana)
        s.hangul = share(hangul)
        s.latin = share(latin)
        s.digits = share(digits)
        s.punctuation = share(punctuation)
        s.symbols = share(symbols)
        s.mojibake = min(1, share(mojibake))
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
        s.functionWords = han == 0 ? 0 : Double(functionWords) / Double(han)
        let removed = article.noise.removed
        s.noiseDensity = chars + removed == 0 ? 0 : Double(removed) / Double(chars + removed)
        s.boilerplate = boilerplate
        s.script = han * 2 >= chars ? ChineseScript.name(simplified: simplified, traditional: traditional) : nil
        (s.language, s.languageScore) = LanguageIdentifier.identify(counts)
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
