/// Finds an article's text pasted a second time at its end (`title + body + body`, a
/// repost that glued the body under itself, a forum post quoted in full by its reply).
///
/// Corpora inherit such doubles from their sources (THUCNews repeats the body of hundreds
/// of its articles), and the repetition filters then drop the article whole. Removing the
/// second copy instead keeps the article and says why (`repeated-text`).
///
/// The tail of the article is compared with the text before it, character by character,
/// whitespace ignored (the two copies are often broken into lines differently, and the
/// second often starts inside a line, after a glued headline). The removed part repeats
/// earlier text exactly and is long enough that a coincidence is out of the question: at
/// least ``minimumCharacters`` and a quarter of the article.
enum RepeatedPassage {
    static let minimumCharacters = 50
    /// Characters at the very end that must occur earlier for a repeat to be considered.
    static let anchorLength = 24
    /// Bytes at the very end looked up verbatim before anything else is done.
    static let probeBytes = 24

    /// Where the repeated tail of `paragraphs` (ranges into `p`) starts: the paragraph
    /// and the byte offset in it; nil when the article does not end by repeating itself.
    static func tailStart(_ p: UnsafeBufferPointer<UInt8>, _ paragraphs: [Range<Int>]) -> (
        paragraph: Int, offset: Int
    )? {
        guard paragraphs.count >= 2 || (paragraphs.first?.count ?? 0) >= 2 * minimumCharacters else { return nil }
        guard mayRepeat(p, paragraphs) else { return nil }
        var s: [UInt32] = []
        var offsets: [Int] = []
        var owners: [Int] = []
        for (k, range) in paragraphs.enumerated() {
            var i = range.lowerBound
            while i < range.upperBound {
                let (v, length) = UTF8Scalar.decode(p, at: i)
                if ScalarClass.of(v) != .space {
                    s.append(v)
                    offsets.append(i)
                    owners.append(k)
                }
                i += length
            }
        }
        let n = s.count
        guard n >= 2 * minimumCharacters else { return nil }
        // The longest L such that s[n-L..<n] equals some earlier s[e-L..<e] with e <= n - L,
        // trying the nearest earlier ends first. Comparisons stop after 8n steps in all, so
        // that periodic text (`哈哈哈…`, where every end matches) stays linear.
        var longest = 0
        var budget = 8 * n
        var e = n - anchorLength
        while e >= anchorLength, budget > 0 {
            defer { e -= 1 }
            guard s[e - 1] == s[n - 1] else { continue }
            let limit = min(n - e, e)
            var length = 0
            while length < limit, s[e - 1 - length] == s[n - 1 - length] { length += 1 }
            budget -= length + 1
            if length >= anchorLength { longest = max(longest, length) }
        }
        guard longest >= minimumCharacters, longest * 4 >= n else { return nil }
        return (owners[n - longest], offsets[n - longest])
    }

    /// Whether the last ``probeBytes`` bytes of the article occur, byte for byte, earlier
    /// in it.
    ///
    /// A repeated tail ends where the earlier copy ends, at the end of a line, so its last
    /// bytes are written the same way in both. Most articles fail this cheap test and
    /// are done with.
    private static func mayRepeat(_ p: UnsafeBufferPointer<UInt8>, _ paragraphs: [Range<Int>]) -> Bool {
        guard let last = paragraphs.last else { return false }
        guard last.count >= probeBytes else { return true }  // too short to probe: look closer
        let probe = (last.upperBound - probeBytes)..<last.upperBound
        for range in paragraphs.dropLast() where ByteMatch.contains(p, range, probe) { return true }
        return ByteMatch.contains(p, last.lowerBound..<probe.lowerBound, probe)
    }
}
