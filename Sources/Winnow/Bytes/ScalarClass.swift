/// The classes of Unicode scalars that Winnow's detectors reason about.
///
/// The classes are coarse on purpose: the noise model needs "could this have been injected?"
/// (``pictograph``, ``emojiComponent``, ``invisible``, ``symbol``), the paragraph splitter needs
/// "is this CJK, Latin or punctuation, and does it end a sentence?", and the block features need
/// shares of each. Ranges come from the Unicode blocks; no tables are loaded at run time.
enum ScalarClass: UInt8, Sendable {
    case han, kana, hangul, latin, digit, otherLetter
    case space
    /// Sentence-final punctuation: `。！？` and their half-width forms, `…`.
    case finalPunct
    /// Opening brackets and quotes (`“「《(`).
    case openPunct
    /// Closing brackets and quotes (`”」》)`).
    case closePunct
    /// Other punctuation: commas, colons, dashes, `、`, `|`.
    case punct
    /// Emoji and other pictographs that can stand alone (`😀`, `⭐`, `❤`).
    case pictograph
    /// Scalars that only modify a preceding pictograph: variation selectors, skin tones,
    /// the keycap mark, tag characters, and regional indicators (which pair up into flags).
    case emojiComponent
    /// Zero-width and other format characters with no visible glyph.
    case invisible
    /// Rare symbols farms inject the same way as emoji: private-use characters, arrows,
    /// geometric shapes, box drawing, enclosed alphanumerics. Letterlike symbols (`℃`, `№`)
    /// and mathematical operators (`≥`) are ordinary text and not in this class.
    case symbol
    case other

    /// Whether this class can be injected noise (and so is a candidate for the noise model).
    @inline(__always)
    var isNoiseCandidate: Bool {
        switch self {
        case .pictograph, .emojiComponent, .invisible, .symbol: return true
        default: return false
        }
    }

    /// Whether text of this class is CJK writing (Han, kana, hangul).
    @inline(__always)
    var isCJKLetter: Bool { self == .han || self == .kana || self == .hangul }

    /// Whether this class is a letter or digit of any script.
    @inline(__always)
    var isWordCharacter: Bool {
        switch self {
        case .han, .kana, .hangul, .latin, .digit, .otherLetter: return true
        default: return false
        }
    }

    /// Classifies one scalar value.
    @inline(__always)
    static func of(_ v: UInt32) -> ScalarClass {
        if v < 0x80 { return ascii[Int(v)] }
        if v >= 0x4E00, v <= 0x9FFF { return .han }  // most of the text, answered first
        if v < 0x1_0000 { return basicPlane[Int(v)] }
        return nonASCII(v)
    }

    /// The class of every scalar of the Basic Multilingual Plane, from ``nonASCII(_:)``
    /// (so the two cannot disagree): 64 KB read once, instead of a ladder of range tests
    /// that CJK punctuation (`，` `、` `“`), the commonest non-Han characters of Chinese
    /// text, fell deep into.
    private static let basicPlane: [ScalarClass] = (0..<0x1_0000).map { (v: UInt32) in
        v < 0x80 ? ascii[Int(v)] : nonASCII(v)
    }

    private static let ascii: [ScalarClass] = (0..<128).map { (v: Int) -> ScalarClass in
        switch UInt8(v) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return .latin
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20: return .space
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): return .finalPunct
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): return .openPunct
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): return .closePunct
        case 0x00..<0x20, 0x7F: return .invisible
        default: return .punct
        }
    }

    private static func nonASCII(_ v: UInt32) -> ScalarClass {
        switch v {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x3FFFF, 0xF900...0xFAFF, 0x3007: return .han
        case 0x3040...0x30FF, 0x31F0...0x31FF: return .kana
        case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: return .hangul
        case 0x00C0...0x024F, 0x1E00...0x1EFF: return v == 0xD7 || v == 0xF7 ? .punct : .latin
        case 0xFF21...0xFF3A, 0xFF41...0xFF5A: return .latin
        case 0xFF10...0xFF19: return .digit
        case 0x00A0, 0x3000, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x1680: return .space
        case 0x3002, 0xFF01, 0xFF1F, 0xFF0E, 0x2026, 0xFF61, 0x203C, 0x2047...0x2049: return .finalPunct
        case 0x201C, 0x2018, 0x300C, 0x300E, 0x300A, 0x3008, 0x3010, 0x3014, 0x3016, 0xFF08, 0xFF3B, 0xFF5B:
            return .openPunct
        case 0x201D, 0x2019, 0x300D, 0x300F, 0x300B, 0x3009, 0x3011, 0x3015, 0x3017, 0xFF09, 0xFF3D, 0xFF5D:
            return .closePunct
        case 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0x180E, 0x00AD, 0x202A...0x202E, 0x2066...0x2069, 0x034F:
            return .invisible
        case 0xFE00...0xFE0F, 0x1F3FB...0x1F3FF, 0x20E3, 0xE0020...0xE007F, 0x1F1E6...0x1F1FF:
            return .emojiComponent
        case 0x1F000...0x1F0FF, 0x1F200...0x1F6FF, 0x1F900...0x1FAFF, 0x2600...0x27BF, 0x2B00...0x2BFF,
            0x2300...0x23FF, 0x1F100...0x1F1E5, 0x3030, 0x303D, 0x3297, 0x3299:
            return .pictograph
        case 0x1F700...0x1F8FF, 0xE000...0xF8FF, 0xF0000...0x10FFFF, 0x2190...0x21FF, 0x25A0...0x25FF,
            0x2500...0x259F, 0x2460...0x24FF:
            return .symbol
        case 0x3001, 0xFF0C, 0xFF1A, 0xFF1B, 0x3003...0x3006, 0x30FB, 0x2010...0x2017, 0x201A...0x201B,
            0x201E...0x2025, 0x2027, 0x2030...0x203B, 0x203D...0x2046, 0xFE10...0xFE6F, 0xFF00...0xFF0F,
            0xFF1C...0xFF20, 0xFF3C, 0xFF3E...0xFF40, 0xFF5C, 0xFF5E...0xFF65, 0x00A1...0x00BF, 0x00D7, 0x00F7,
            0x3018...0x301F:
            return .punct
        case 0x0370...0x1FFF, 0xA000...0xABFF: return .otherLetter
        default: return .other
        }
    }
}
