/// Counts over one clean line that the block rules read: how long it is, how much of it is
/// sentence punctuation, grammatical words, enumeration separators.
///
/// Computed in one pass over the line's scalars.
struct LineFeatures: Sendable {
    var scalars = 0
    var han = 0
    var latin = 0
    var digits = 0
    var finalPunct = 0
    var functionWords = 0
    /// Enumeration separators: `、`, commas, slashes.
    var separators = 0
    /// Items: maximal runs of letters and digits between separators, brackets, colons, spaces.
    var items = 0
    var brackets = 0
    /// Whether the line ends with sentence-final punctuation (a closing quote may follow).
    var endsSentence = false

    /// Counts over `p[range]`.
    ///
    /// - Parameter stopAtSentenceEnd: Stop at the first sentence-final mark, for rules that
    ///   only care whether there is one (a body line has one in its first few dozen bytes).
    init(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, stopAtSentenceEnd: Bool = false) {
        var i = range.lowerBound
        var inItem = false
        var lastClass = ScalarClass.space
        var lastNonClose = ScalarClass.space
        while i < range.upperBound {
            // Fast path for the common case, a Han character in the BMP's main block.
            let lead = p[i]
            if lead >= 0xE4, lead <= 0xE9, i + 2 < range.upperBound {
                let v = (UInt32(lead) & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
                i += 3
                scalars += 1
                han += 1
                if Lexicon.isFunctionWord(v) { functionWords += 1 }
                if !inItem { items += 1 }
                inItem = true
                lastClass = .han
                lastNonClose = .han
                continue
            }
            let (v, length) = UTF8Scalar.decode(p, at: i)
            i += length
            let cls = ScalarClass.of(v)
            scalars += 1
            switch cls {
            case .han:
                han += 1
                if Lexicon.isFunctionWord(v) { functionWords += 1 }
            case .latin: latin += 1
            case .digit: digits += 1
            case .finalPunct:
                // A full stop inside a number or a name (`10.1%`, `8.96亿`, `cctv.com`) ends
                // nothing.
                let inNumber = v == 0x2E && i < range.upperBound && Self.isASCIIAlphanumeric(p[i])
                if !inNumber {
                    finalPunct += 1
                    if stopAtSentenceEnd { return }
                }
            case .openPunct, .closePunct: brackets += 1
            case .punct:
                if v == 0x3001 || v == 0x2C || v == 0xFF0C || v == 0x2F || v == 0xFF0F { separators += 1 }
            default: break
            }
            let wordLike = cls.isWordCharacter
            if wordLike, !inItem { items += 1 }
            inItem = wordLike
            lastClass =
                cls == .finalPunct && v == 0x2E && i < range.upperBound && Self.isASCIIAlphanumeric(p[i]) ? .punct : cls
            if cls != .closePunct { lastNonClose = cls }
        }
        endsSentence = lastClass == .finalPunct || (lastClass == .closePunct && lastNonClose == .finalPunct)
    }

    private static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }

    /// Mean length of an item in scalars.
    var meanItemLength: Double { items == 0 ? 0 : Double(han + latin + digits) / Double(items) }

    /// Share of Han characters that are grammatical words.
    var functionWordRate: Double { han == 0 ? 0 : Double(functionWords) / Double(han) }
}
