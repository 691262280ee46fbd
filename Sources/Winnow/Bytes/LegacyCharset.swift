internal import Glibc

/// Chinese pages in the legacy encodings, GB18030 (a superset of GBK and GB2312) and Big5,
/// decoded to UTF-8 (reliability row U11).
///
/// Common Crawl's WET text is already UTF-8, but plain-text pages and hand-made JSON Lines
/// still arrive in GBK or Big5; read as UTF-8 they are nothing but replacement characters.
/// A page is tried in both encodings only when most of its non-ASCII bytes are not UTF-8.
/// Either encoding accepts most byte pairs of the other, so decoding without an error decides
/// nothing: the decoding with more of the most frequent Han characters wins (decoded right,
/// about half of running Chinese text is in the list below; decoded wrong, almost none).
/// Decoding is glibc's `iconv`; where its modules are missing, the page is read as UTF-8
/// with replacements, as before.
enum LegacyCharset: String, CaseIterable, Sendable {
    case gb18030 = "GB18030"
    case big5 = "BIG5-HKSCS"

    /// The name a page record reports.
    var label: String { self == .gb18030 ? "gb18030" : "big5" }

    /// The bytes decoded in the legacy encoding that reads them as Chinese, or `nil` when
    /// they are mostly UTF-8 or neither encoding gives Chinese text.
    ///
    /// `replaced` is the number of ill-formed UTF-8 sequences in `bytes`.
    static func decode(_ bytes: [UInt8], replaced: Int) -> (charset: LegacyCharset, text: [UInt8])? {
        // GBK and Big5 text is ill-formed at nearly every non-ASCII byte; a UTF-8 page with
        // a few damaged bytes is not tried (nor counted: this runs on every page).
        guard replaced >= 2 else { return nil }
        let high = bytes.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
        guard replaced * 4 >= high else { return nil }
        var best: (charset: LegacyCharset, text: [UInt8], score: Int, errors: Int)?
        for charset in allCases {
            guard let (text, errors) = convert(bytes, from: charset.rawValue, to: "UTF-8") else { continue }
            let (han, common) = hanCounts(text)
            // Chinese: few undecodable bytes, and some of the most frequent characters.
            guard han >= 1, errors * 20 <= han, common * 20 >= han else { continue }
            // More common characters wins; an error costs three; a tie goes to GB18030.
            let score = common - 3 * errors
            if best.map({ score > $0.score || (score == $0.score && errors < $0.errors) }) ?? true {
                best = (charset, text, score, errors)
            }
        }
        return best.map { ($0.charset, $0.text) }
    }

    /// `bytes` converted between two `iconv` encodings, each unconvertible byte replaced by
    /// U+FFFD's UTF-8 bytes and counted; `nil` when the system has no such converter.
    static func convert(_ bytes: [UInt8], from source: String, to target: String) -> (text: [UInt8], errors: Int)? {
        let cd = iconv_open(target, source)
        guard let cd, Int(bitPattern: cd) != -1 else { return nil }
        defer { iconv_close(cd) }
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var written = 0
        var errors = 0
        var input = bytes
        input.withUnsafeMutableBufferPointer { src in
            var inPointer = UnsafeMutableRawPointer(src.baseAddress)?.assumingMemoryBound(to: CChar.self)
            var inLeft = src.count
            while inLeft > 0 {
                if output.count - written < 16 { output += [UInt8](repeating: 0, count: output.count) }
                let result = output.withUnsafeMutableBufferPointer { dst -> Int in
                    // Never nil: the buffer always has room.
                    var outPointer = UnsafeMutableRawPointer(dst.baseAddress)?.advanced(by: written)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = dst.count - written
                    let r = iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
                    written = dst.count - outLeft
                    return r == -1 ? Int(errno) : 0
                }
                switch result {
                case 0, Int(E2BIG): continue
                default:
                    // EILSEQ or EINVAL (cut at the end): one byte becomes U+FFFD.
                    errors += 1
                    if output.count - written < 3 { output += [UInt8](repeating: 0, count: 16) }
                    output.replaceSubrange(written..<(written + 3), with: [0xEF, 0xBF, 0xBD])
                    written += 3
                    inPointer = inPointer.map { $0 + 1 }
                    inLeft -= 1
                }
            }
        }
        output.removeLast(output.count - written)
        return (output, errors)
    }

    /// Han characters in UTF-8 `text`, and how many of them are common ones.
    static func hanCounts(_ text: [UInt8]) -> (han: Int, common: Int) {
        var han = 0
        var common = 0
        for scalar in String(decoding: text, as: UTF8.self).unicodeScalars
        where scalar.value >= 0x4E00 && scalar.value < 0xA000 {
            han += 1
            if commonHan.contains(scalar.value) { common += 1 }
        }
        return (han, common)
    }

    /// About 200 of the most frequent Chinese characters, in both scripts where they differ.
    private static let commonHan: Set<UInt32> = Set(
        ("的一是不了在人有我他这个们中来上大为和国地到以说时要就出也得里后自会家可下而过天去能对小多然于心学么之都好"
            + "看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老"
            + "因很给名法间知世什两次使身者被高已亲其进此话常与活正感新年市记今公民生业工部全政月报道表示"
            + "這個們來為國時說會對後裡過還發開現種動經長兒與將問題從實進關點業報動間無當與體電")
            .unicodeScalars.map(\.value))
}
