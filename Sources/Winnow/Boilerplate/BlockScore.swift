/// How much one line of an ordinary page reads like article prose, and the chrome role its
/// cue names.
///
/// The score is in letters (Han, Latin, digits): a line of prose counts its letters, a line
/// of chrome costs a fixed amount plus half its letters. Summed over a run of lines, it
/// finds the densest run of prose (``ProseSegments``).
struct BlockScore: Sendable, Equatable {
    var value: Int
    /// The role a cue phrase (or the line's markup) names, when the line is short enough for
    /// a cue to count.
    var cue: RemovalKind?
    /// Sentence or clause punctuation around enough letters to be prose.
    var isProse: Bool
    var letters: Int
    /// Latin letters among ``letters`` (the rest are Han and digits, for the script test).
    var latin: Int

    /// A line with fewer letters than this, and no sentence end, is link-sized.
    static let linkLetters = 10
    /// A sentence needs this many letters (`好的。` is a reply, not an article).
    static let sentenceLetters = 4
    /// What a line of chrome costs on top of half its letters.
    static let chromeCost = 5
    /// What a cue line costs on top of half its letters.
    static let cueCost = 20

    /// Scores the clean line `p[line]`.
    ///
    /// `pageTitle` is the page's `<title>` line: a line it
    /// contains repeats the title (a teaser or a heading), and is not article text.
    init(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, pageTitle: Range<Int>? = nil) {
        let f = LineFeatures(p, line)
        letters = f.han + f.latin + f.digits
        latin = f.latin
        // Prose: a sentence end, or a run of clauses (`，`/`、`) long enough not to be a list
        // of two names.
        isProse =
            (letters >= Self.sentenceLetters && f.finalPunct >= 1) || (f.separators >= 2 && letters >= 20)
        cue = nil
        if Self.isMarkup(p, line, scalars: f.scalars) {
            cue = .markup
        } else if f.scalars <= BoilerplateCues.maxCueLineScalars, Self.startsWithFloorNumber(p, line) {
            cue = .comment
        } else if f.scalars <= BoilerplateCues.maxCopyrightLineScalars, let match = BoilerplateCues.match(p, line) {
            // A cue counts on a short line that is not a sentence, or that is mostly cues
            // (`点赞 收藏 客户端看 安装客户端，随时随地给你精彩！`); a footer's notices count
            // on longer lines too, unless the line reads as prose (grammatical words); a
            // label names its block whatever follows (`视频简介：…`).
            let short = f.scalars <= BoilerplateCues.maxCueLineScalars
            let mostlyCues = match.count >= 2 && match.bytes * 4 >= line.count
            let shortChrome = short && (!(isProse && letters >= 20) || mostlyCues)
            let footer = match.role == .copyright && f.functionWordRate < 0.05
            let label = match.isLabel && BoilerplateCues.labelRoles.contains(match.role)
            if shortChrome || footer || label { cue = match.role }
        }
        // A headline cut short (`章子怡：我这辈子最正确的决定，就是在40...`) is a link.
        if cue == nil, letters <= 60, Self.endsWithEllipsis(p, line) {
            cue = .relatedLinks
            isProse = false
        }
        if cue == nil, let title = pageTitle, f.scalars <= 100, Self.repeatsTitle(p, line, title) {
            cue = .caption
        }
        if cue != nil {
            value = -(Self.cueCost + letters / 2)
        } else if isProse {
            // Clauses without grammatical words (a list of places with commas) count half.
            let grammatical = f.functionWordRate >= 0.03 || f.latin > f.han
            value = grammatical ? letters : letters / 2
        } else if Self.isDataLine(p, line) {
            // `成人票原价：279元`, `1、上海野生动物园`: the items of a list inside an article
            // neither make a run nor break one.
            value = 0
        } else if letters < Self.linkLetters {
            value = -Self.linkLetters
        } else {
            value = -(Self.chromeCost + letters / 2)
        }
    }

    /// Whether the line, without its final punctuation, is part of the page title.
    static func repeatsTitle(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, _ title: Range<Int>) -> Bool {
        guard line != title else { return false }
        var end = line.upperBound
        while end > line.lowerBound {
            let (v, start) = UTF8Scalar.decode(p, endingAt: end)
            guard ScalarClass.of(v) == .finalPunct else { break }
            end = start
        }
        return end - line.lowerBound >= 12 && ByteMatch.contains(p, title, line.lowerBound..<end)
    }

    /// A `label：value` line or an enumerated item (`1、`, `2.`, `(3)`, `（四）`).
    static func isDataLine(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var i = line.lowerBound
        // An enumerator: digits, or a bracketed number, then `、`, `.`, `)` or `）`.
        var digits = 0
        while i < line.upperBound, p[i] >= 0x30, p[i] <= 0x39 {
            digits += 1
            i += 1
        }
        if digits > 0, digits <= 2, i < line.upperBound {
            let v = UTF8Scalar.decode(p, at: i).value
            if v == 0x3001 || v == 0x2E || v == 0x29 || v == 0xFF09 { return true }
        }
        // A colon with a value after it.
        i = line.lowerBound
        while i < line.upperBound {
            let (v, length) = UTF8Scalar.decode(p, at: i)
            i += length
            if v == 0xFF1A || v == 0x3A { return i < line.upperBound && i > line.lowerBound + length }
        }
        return false
    }

    /// A forum floor: `2楼`, `#3`, `15F` at the start of a short line.
    static func startsWithFloorNumber(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var i = line.lowerBound
        if i < line.upperBound, p[i] == UInt8(ascii: "#") { i += 1 }
        let digitsStart = i
        while i < line.upperBound, p[i] >= 0x30, p[i] <= 0x39 { i += 1 }
        guard i > digitsStart, i - digitsStart <= 5 else { return false }
        if p[line.lowerBound] == UInt8(ascii: "#") { return true }
        return i < line.upperBound && (p[i] == UInt8(ascii: "F") || ByteMatch.hasPrefix(p, i..<line.upperBound, floor))
    }

    private static let floor: [UInt8] = Array("楼".utf8)

    /// Whether the line ends with `...`, `…` or `……`.
    static func endsWithEllipsis(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let last = UTF8Scalar.decode(p, endingAt: line.upperBound)
        if last.value == 0x2026 { return true }
        guard last.value == 0x2E, last.start > line.lowerBound else { return false }
        return UTF8Scalar.decode(p, endingAt: last.start).value == 0x2E
    }

    /// HTML, CSS or script source: tags, braces, `=` and `;` make up a noticeable share of
    /// the line.
    static func isMarkup(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, scalars: Int) -> Bool {
        var marks = 0
        for i in line {
            switch p[i] {
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "="),
                UInt8(ascii: ";"):
                marks += 1
            default: break
            }
        }
        return marks >= 4 && marks * 20 >= scalars
    }
}
