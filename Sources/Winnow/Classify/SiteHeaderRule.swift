/// Recognizes the line a farm prints above an article: the site name, the section name and
/// the title again (`某某资讯网最新热点:城市图书馆…`, `新闻网 > 社会 > 城市图书馆…`).
///
/// The line must end with the page title and have a prefix of at most 40 characters. The
/// prefix is split into site and section at a separator (` `, `>`, `»`, `|`, `-`, `_`, `/`)
/// when there is one, otherwise after the first site-name ending of ``Lexicon`` that leaves a
/// section of two characters or more (`某某资讯网` + `最新热点`). Without either, the whole
/// prefix is the site and the section is unknown.
enum SiteHeaderRule {
    struct Values: Sendable {
        var site: Range<Int>?
        var section: Range<Int>?
    }

    static func parse(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, title: Range<Int>) -> Values? {
        let titleBytes = Array(UnsafeBufferPointer(rebasing: p[title]))
        guard !titleBytes.isEmpty, line.count > titleBytes.count, ByteMatch.hasSuffix(p, line, titleBytes) else {
            return nil
        }
        var prefix = line.lowerBound..<(line.upperBound - titleBytes.count)
        // Drop the separator before the title.
        while let last = prefix.last, isSeparatorByte(p, last) || isFullColonEnd(p, prefix) {
            prefix = prefix.lowerBound..<(isFullColonEnd(p, prefix) ? prefix.upperBound - 3 : last)
        }
        prefix = ParagraphSplitter.trim(p, prefix)
        guard !prefix.isEmpty, UTF8Scalar.count(p, in: prefix) <= 40 else { return nil }
        // Split at separators.
        var parts: [Range<Int>] = []
        var start = prefix.lowerBound
        var i = prefix.lowerBound
        while i < prefix.upperBound {
            if isSeparatorByte(p, i) || ByteMatch.hasPrefix(p, i..<prefix.upperBound, guillemet) {
                let length = isSeparatorByte(p, i) ? 1 : guillemet.count
                let part = ParagraphSplitter.trim(p, start..<i)
                if !part.isEmpty { parts.append(part) }
                i += length
                start = i
            } else {
                i += UTF8Scalar.length(lead: p[i])
            }
        }
        let tail = ParagraphSplitter.trim(p, start..<prefix.upperBound)
        if !tail.isEmpty { parts.append(tail) }
        if parts.count >= 2, let first = parts.first, let last = parts.last {
            return Values(site: first, section: last)
        }
        // No separator: split after a site-name ending.
        var j = prefix.lowerBound
        var scalarsBefore = 0
        while j < prefix.upperBound {
            for suffix in Lexicon.siteSuffixes where ByteMatch.hasPrefix(p, j..<prefix.upperBound, suffix) {
                let siteEnd = j + suffix.count
                let rest = siteEnd..<prefix.upperBound
                if scalarsBefore >= 1, UTF8Scalar.count(p, in: rest) >= 2 {
                    return Values(site: prefix.lowerBound..<siteEnd, section: rest)
                }
            }
            j += UTF8Scalar.length(lead: p[j])
            scalarsBefore += 1
        }
        return Values(site: prefix, section: nil)
    }

    private static let guillemet: [UInt8] = Array("»".utf8)

    private static func isSeparatorByte(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        switch p[i] {
        case UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "-"), UInt8(ascii: "_"),
            UInt8(ascii: "/"), UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }

    private static func isFullColonEnd(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        ByteMatch.hasSuffix(p, r, Array("：".utf8))
    }
}
