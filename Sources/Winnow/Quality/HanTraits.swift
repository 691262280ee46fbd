/// What the quality signals ask of a character of the main Han block (U+4E00–U+9FFF).
///
/// One byte per character: is it a grammatical word (的了是在 …), a form only Simplified
/// Chinese writes (`这`), or one only Traditional writes (`這`)?
///
/// One table lookup instead of three (the function-word filter and the two script bitmaps)
/// on the character most Chinese articles are made of. Derived from ``Lexicon`` and
/// ``ChineseScript`` so that it cannot disagree with them.
enum HanTraits {
    static let functionWord: UInt8 = 1
    static let simplifiedOnly: UInt8 = 2
    static let traditionalOnly: UInt8 = 4
    /// The first scalar of the block, and the number of scalars in it.
    static let first: UInt32 = 0x4E00
    static let count: UInt32 = 0xA000 - 0x4E00

    static let table: [UInt8] = (0..<count).map { offset in
        let v = first + offset
        var traits: UInt8 = Lexicon.isFunctionWord(v) ? functionWord : 0
        var simplified = 0
        var traditional = 0
        ChineseScript.tally(v, simplified: &simplified, traditional: &traditional)
        if simplified > 0 { traits |= simplifiedOnly }
        if traditional > 0 { traits |= traditionalOnly }
        return traits
    }
}
