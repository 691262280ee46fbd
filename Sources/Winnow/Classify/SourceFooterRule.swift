/// Removes the portal footer glued to an article's last sentence (`…一种态度。返回搜狐,查看更多`)
/// and keeps the portal's name as the article's `via`.
///
/// The footer is a verb of ``Lexicon/footerVerbs`` (`返回`), a name of 1 to 8 letters, an
/// optional comma (half- or full-width) and a tail of ``Lexicon/footerTails`` (`查看更多`,
/// `首页`), at the very end of the article's text.
enum SourceFooterRule {
    struct Match: Sendable {
        /// The footer's bytes (clean offsets), from the verb to the end.
        var range: Range<Int>
        /// The portal's name.
        var via: Range<Int>
    }

    /// The footer at the end of `p[r]`, if there is one.
    static func match(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Match? {
        for tail in Lexicon.footerTails where ByteMatch.hasSuffix(p, r, tail) {
            var nameEnd = r.upperBound - tail.count
            // Optional comma between name and tail.
            if nameEnd > r.lowerBound, p[nameEnd - 1] == UInt8(ascii: ",") {
                nameEnd -= 1
            } else if ByteMatch.hasSuffix(p, r.lowerBound..<nameEnd, fullComma) {
                nameEnd -= fullComma.count
            }
            // Walk back over the name's letters to the verb.
            var nameStart = nameEnd
            var scalars = 0
            while nameStart > r.lowerBound, scalars <= 8 {
                for verb in Lexicon.footerVerbs
                where ByteMatch.hasSuffix(p, r.lowerBound..<nameStart, verb) && scalars >= 1 {
                    return Match(range: (nameStart - verb.count)..<r.upperBound, via: nameStart..<nameEnd)
                }
                let (v, start) = UTF8Scalar.decode(p, endingAt: nameStart)
                guard ScalarClass.of(v).isWordCharacter else { break }
                nameStart = start
                scalars += 1
            }
        }
        return nil
    }

    private static let fullComma: [UInt8] = Array("，".utf8)
}
