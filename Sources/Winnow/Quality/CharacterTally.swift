/// The per-character counts behind an article's signals, gathered line by line.
///
/// A struct scanned by a method of its own, not locals captured by closures: captured
/// counters live in memory and every character paid a load and a store for each; a local
/// copy of this struct stays in registers for the whole line.
struct CharacterTally {
    var han = 0, kana = 0, hangul = 0, latin = 0, digits = 0, punctuation = 0, symbols = 0, mojibake = 0
    var functionWords = 0, simplified = 0, traditional = 0
    /// Letters of the scripts ``ScalarClass`` calls `otherLetter`, split for language
    /// identification (the CJK and Latin counts above serve it as they are).
    var cyrillic = 0, arabic = 0, otherLetters = 0
    /// Characters written to the sequence so far (non-whitespace scalars).
    var chars = 0
    /// The word being read (FNV-1a of its letters), for the repetition signals of
    /// alphabetic text.
    var word: UInt32 = 0x811C_9DC5
    var inWord = false

    /// What one line ends with, for "lines without sentence punctuation".
    struct LineEnd {
        var chars = 0
        var last: UInt32 = 0
        var beforeLast: UInt32 = 0
    }

    /// Counts the scalars of the line `p`, appends its non-whitespace scalars to
    /// `sequence` (from index ``chars``; the caller made room for one per byte) and its
    /// finished words to `words`.
    ///
    /// The counters the Han path touches are locals, not fields: through `self` they were
    /// read-modify-writes to memory, one store-to-load chain per counter per character.
    /// Its three trait counts are packed into one word (21 bits each) and spread out at the
    /// end of the line, or every 2^20 characters so that none overflows.
    mutating func scan(
        _ p: UnsafeBufferPointer<UInt8>, sequence: UnsafeMutableBufferPointer<UInt32>,
        traits: UnsafeBufferPointer<UInt8>, words: inout [UInt32]
    ) -> LineEnd {
        var han = self.han, chars = self.chars
        let lineStart = chars
        var packed: UInt64 = 0
        var pending = 0
        var previous: UInt32 = 0
        var i = 0
        while i < p.count {
            let (v, length) = UTF8Scalar.decode(p, at: i)
            i &+= length
            let hanOffset = v &- HanTraits.first
            if hanOffset < HanTraits.count {
                // The main Han block, most of the text: class, counts and traits at once
                // (what the general path below does for any scalar).
                if inWord { finishWord(into: &words) }
                han &+= 1
                sequence[chars] = v
                chars &+= 1
                let t = UInt64(traits[Int(hanOffset)])
                packed &+= (t & 1) | (t & 2) << 20 | (t & 4) << 40
                previous = v
                pending &+= 1
                if pending == 1 << 20 {
                    unpack(&packed)
                    pending = 0
                }
                continue
            }
            let cls = ScalarClass.of(v)
            if cls == .latin || cls == .digit || cls == .otherLetter {
                word = (word ^ v) &* 0x0100_0193
                inWord = true
            } else if inWord {
                finishWord(into: &words)
            }
            if cls == .space { continue }
            sequence[chars] = v
            chars &+= 1
            // UTF-8 read as Latin-1: a lead byte (`Ã`, `ä`, `æ` …) then a continuation byte
            // (a C1 control or a Latin-1 sign).
            if previous >= 0xC2, previous <= 0xEF, v >= 0x80, v <= 0xBF { mojibake &+= 2 }
            switch cls {
            case .han:
                han &+= 1
                if Lexicon.isFunctionWord(v) { functionWords &+= 1 }
                ChineseScript.tally(v, simplified: &simplified, traditional: &traditional)
            case .kana: kana &+= 1
            case .hangul: hangul &+= 1
            case .latin: latin &+= 1
            case .digit: digits &+= 1
            case .finalPunct, .openPunct, .closePunct, .punct: punctuation &+= 1
            case .otherLetter:
                switch v {
                case 0x0400...0x04FF: cyrillic &+= 1
                case 0x0621...0x064A, 0x0671...0x06D3: arabic &+= 1
                default: otherLetters &+= 1
                }
            default:
                symbols &+= 1
                if v == 0xFFFD { mojibake &+= 1 }
            }
            previous = v
        }
        if inWord { finishWord(into: &words) }
        unpack(&packed)
        self.han = han
        self.chars = chars
        var end = LineEnd()
        end.chars = chars - lineStart
        if end.chars > 0 { end.last = sequence[chars - 1] }
        if end.chars > 1 { end.beforeLast = sequence[chars - 2] }
        return end
    }

    /// Adds the packed trait counts to their fields and zeroes them.
    private mutating func unpack(_ packed: inout UInt64) {
        let field: UInt64 = (1 << 21) - 1
        functionWords &+= Int(packed & field)
        simplified &+= Int((packed >> 21) & field)
        traditional &+= Int((packed >> 42) & field)
        packed = 0
    }

    /// The letter counts language identification decides from.
    var language: LanguageIdentifier.Counts {
        LanguageIdentifier.Counts(
            han: han, kana: kana, hangul: hangul, latin: latin, cyrillic: cyrillic, arabic: arabic,
            otherLetters: otherLetters)
    }

    private mutating func finishWord(into words: inout [UInt32]) {
        words.append(word)
        word = 0x811C_9DC5
        inWord = false
    }
}
