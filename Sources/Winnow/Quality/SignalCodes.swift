/// One byte per scalar of the Basic Multilingual Plane saying what the quality signals
/// count it as, and per code the counters it adds to, packed four to a word.
///
/// With them the character pass (``CharacterTally/scan``) has no branch on what a
/// character is: Chinese text alternates Han characters and CJK punctuation at no
/// predictable rhythm, and every branch on the class was a misprediction waiting.
/// Derived from ``ScalarClass`` and ``HanTraits`` so that it cannot disagree with them.
enum SignalCodes {
    static let space: UInt8 = 0
    /// Han: `1 + traits` (the three ``HanTraits`` bits), so 1...8.
    static let han: UInt8 = 1
    static let kana: UInt8 = 9, hangul: UInt8 = 10
    /// Letters and digits, the characters of words: 11...15.
    static let latin: UInt8 = 11, digit: UInt8 = 12, cyrillic: UInt8 = 13, arabic: UInt8 = 14
    static let otherLetter: UInt8 = 15
    static let punctuation: UInt8 = 16, symbol: UInt8 = 17, replacement: UInt8 = 18
    static let count = 19

    static func isWordCharacter(_ code: UInt8) -> Bool { code &- latin <= otherLetter - latin }

    /// The code of any scalar.
    static func code(_ v: UInt32) -> UInt8 {
        if v == 0xFFFD { return replacement }
        let offset = v &- HanTraits.first
        if offset < HanTraits.count { return han + HanTraits.table[Int(offset)] }
        switch ScalarClass.of(v) {
        case .space: return space
        case .han: return han
        case .kana: return kana
        case .hangul: return hangul
        case .latin: return latin
        case .digit: return digit
        case .otherLetter:
            switch v {
            case 0x0400...0x04FF: return cyrillic
            case 0x0621...0x064A, 0x0671...0x06D3: return arabic
            default: return otherLetter
            }
        case .finalPunct, .openPunct, .closePunct, .punct: return punctuation
        default: return symbol
        }
    }

    /// ``code(_:)`` of every scalar below U+10000.
    static let table: [UInt8] = (0..<0x1_0000).map { code(UInt32($0)) }

    /// The four packed counter words each code adds, at `4 * code`: sixteen-bit fields.
    ///
    /// Word 0: Han, function words, simplified-only, traditional-only. Word 1: kana,
    /// hangul, Latin, digits. Word 2: punctuation, Cyrillic, Arabic, other letters.
    /// Word 3: symbols, replacement characters.
    static let increments: [UInt64] = (0..<count).flatMap { (c: Int) -> [UInt64] in
        var words: [UInt64] = [0, 0, 0, 0]
        let code = UInt8(c)
        switch code {
        case han...(han + 7):
            let t = UInt64(code - han)
            words[0] = 1 | (t & 1) << 16 | (t >> 1 & 1) << 32 | (t >> 2 & 1) << 48
        case kana: words[1] = 1
        case hangul: words[1] = 1 << 16
        case latin: words[1] = 1 << 32
        case digit: words[1] = 1 << 48
        case punctuation: words[2] = 1
        case cyrillic: words[2] = 1 << 16
        case arabic: words[2] = 1 << 32
        case otherLetter: words[2] = 1 << 48
        case symbol: words[3] = 1
        case replacement: words[3] = 1 | 1 << 16
        default: break
        }
        return words
    }
}
