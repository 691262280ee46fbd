/// The per-character counts behind an article's signals, gathered line by line.
///
/// ``scan(_:sequence:codes:increments:words:)`` counts one line in locals (packed
/// counters, the word being hashed) and adds them to these fields at its end: counters
/// kept in fields, or captured by closures, were read and written through memory for
/// every character.
struct CharacterTally {
    var han = 0, kana = 0, hangul = 0, latin = 0, digits = 0, punctuation = 0, symbols = 0, mojibake = 0
    var functionWords = 0, simplified = 0, traditional = 0
    /// Letters of the scripts ``ScalarClass`` calls `otherLetter`, split for language
    /// identification (the CJK and Latin counts above serve it as they are).
    var cyrillic = 0, arabic = 0, otherLetters = 0
    /// Characters written to the sequence so far (non-whitespace scalars).
    var chars = 0

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
    /// Each character is looked up in ``SignalCodes`` and its code's packed increments are
    /// added to four local words, without a branch on its class; the words are spread
    /// into the fields before a sixteen-bit field can overflow. Counters kept in `self`
    /// instead were read-modify-writes to memory, a store-to-load chain per character.
    mutating func scan(
        _ p: UnsafeBufferPointer<UInt8>, sequence: UnsafeMutableBufferPointer<UInt32>,
        codes: UnsafeBufferPointer<UInt8>, increments: UnsafeBufferPointer<UInt64>, words: inout [UInt32]
    ) -> LineEnd {
        var chars = self.chars
        let lineStart = chars
        var a0: UInt64 = 0, a1: UInt64 = 0, a2: UInt64 = 0, a3: UInt64 = 0
        // The word being read (FNV-1a of its letters), for the repetition signals of
        // alphabetic text; a line ends any word.
        let wordSeed: UInt32 = 0x811C_9DC5
        var word = wordSeed
        var inWord = false
        var i = 0
        while i < p.count {
            // At most 65,535 bytes, so at most as many characters, between spreads.
            let chunkEnd = min(p.count, i + 0xFFFF)
            while i < chunkEnd {
                let (v, length) = UTF8Scalar.decode(p, at: i)
                i &+= length
                let code = v < 0x1_0000 ? codes[Int(v)] : SignalCodes.code(v)
                let row = 4 &* Int(code)
                a0 &+= increments[row]
                a1 &+= increments[row &+ 1]
                a2 &+= increments[row &+ 2]
                a3 &+= increments[row &+ 3]
                if SignalCodes.isWordCharacter(code) {
                    word = (word ^ v) &* 0x0100_0193
                    inWord = true
                } else if inWord {
                    words.append(word)
                    word = wordSeed
                    inWord = false
                }
                // UTF-8 read as Latin-1: a lead byte (`Ã`, `ä`, `æ` …) then a continuation
                // byte (a C1 control or a Latin-1 sign). Such a second character is rare, so
                // this is the only place that looks at the character before.
                if v &- 0x80 <= 0xBF - 0x80, code != SignalCodes.space, chars > lineStart,
                    sequence[chars - 1] &- 0xC2 <= 0xEF - 0xC2
                {
                    mojibake &+= 2
                }
                // Spaces are written too but not counted: the next character overwrites them.
                sequence[chars] = v
                chars &+= code != SignalCodes.space ? 1 : 0
            }
            spread(&a0, &a1, &a2, &a3)
        }
        if inWord { words.append(word) }
        self.chars = chars
        var end = LineEnd()
        end.chars = chars - lineStart
        if end.chars > 0 { end.last = sequence[chars - 1] }
        if end.chars > 1 { end.beforeLast = sequence[chars - 2] }
        return end
    }

    /// Adds the packed counts to their fields and zeroes them (see ``SignalCodes/increments``).
    private mutating func spread(_ a0: inout UInt64, _ a1: inout UInt64, _ a2: inout UInt64, _ a3: inout UInt64) {
        func field(_ word: UInt64, _ k: UInt64) -> Int { Int((word >> (16 * k)) & 0xFFFF) }
        han &+= field(a0, 0)
        functionWords &+= field(a0, 1)
        simplified &+= field(a0, 2)
        traditional &+= field(a0, 3)
        kana &+= field(a1, 0)
        hangul &+= field(a1, 1)
        latin &+= field(a1, 2)
        digits &+= field(a1, 3)
        punctuation &+= field(a2, 0)
        cyrillic &+= field(a2, 1)
        arabic &+= field(a2, 2)
        otherLetters &+= field(a2, 3)
        symbols &+= field(a3, 0)
        mojibake &+= field(a3, 1)
        a0 = 0
        a1 = 0
        a2 = 0
        a3 = 0
    }

    /// The letter counts language identification decides from.
    var language: LanguageIdentifier.Counts {
        LanguageIdentifier.Counts(
            han: han, kana: kana, hangul: hangul, latin: latin, cyrillic: cyrillic, arabic: arabic,
            otherLetters: otherLetters)
    }
}
