/// Reads the line that ordinary pages print between headline and article: a publication
/// time with bylines, in any order (`2024-05-20 16:25:01 来源:上海奉贤 选稿：许文杰`,
/// `来源：央视网2022年01月03日 19:10`, `发布时间：2024年03月05日 10:21 | 作者：张远`).
enum DatelineRule {
    /// Longer lines are not datelines.
    static let maxScalars = 80

    struct Dateline: Sendable, Equatable {
        /// The normalized time (``DateParser``), if the line has one.
        var published: String?
        /// Where the first byline group starts, if the line has one.
        var bylineStart: Int?
    }

    /// The dateline in `p[line]`, or `nil`.
    ///
    /// A dateline is a short line that is not a sentence, with a date.
    static func parse(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Dateline? {
        let f = LineFeatures(p, line)
        guard f.scalars <= maxScalars, !f.endsSentence, let date = firstDate(p, line) else { return nil }
        return Dateline(published: date, bylineStart: firstBylineStart(p, line))
    }

    /// The first date in `p[line]`, starting at a digit that follows a non-digit.
    static func firstDate(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> String? {
        var i = line.lowerBound
        while i < line.upperBound {
            if isDigit(p[i]), i == line.lowerBound || !isDigit(p[i - 1]),
                let (text, _) = DateParser.parse(p, i..<line.upperBound)
            {
                return text
            }
            i += 1
        }
        return nil
    }

    /// Where the first byline group in `p[line]` starts (at a scalar boundary).
    static func firstBylineStart(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Int? {
        var i = line.lowerBound
        while i < line.upperBound {
            if Lexicon.bylineLabelSet.firstBytes[p[i]], BylineParser.group(p, at: i, end: line.upperBound) != nil {
                return i
            }
            i += UTF8Scalar.decode(p, at: i).length
        }
        return nil
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
