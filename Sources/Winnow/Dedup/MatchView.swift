/// The match view of a text: what two copies of an article share however they were
/// disguised (DESIGN.md §3.3).
///
/// Used for dedup and statistics only, never for output.
///
/// Whitespace, invisible characters and the noise classes (emoji, pictographs, rare
/// symbols) are dropped; full-width ASCII forms (`Ａ`, `，`, `：`) fold to their ASCII
/// counterparts; ASCII letters fold to lower case. Everything else stays as it is.
enum MatchView {
    /// Appends the match-view scalars of `p` to `out`.
    static func scalars(_ p: UnsafeBufferPointer<UInt8>, into out: inout [UInt32]) {
        var i = 0
        out.reserveCapacity(out.count + p.count / 2)
        while i < p.count {
            // Fast path: Han in the main block (lead bytes E4–E9) is kept as it is.
            let lead = p[i]
            if lead >= 0xE4, lead <= 0xE9, i + 2 < p.count {
                out.append((UInt32(lead) & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F))
                i += 3
                continue
            }
            let (v, length) = UTF8Scalar.decode(p, at: i)
            i += length
            switch ScalarClass.of(v) {
            case .space, .invisible, .pictograph, .emojiComponent, .symbol:
                continue
            default:
                var folded = v
                if folded >= 0xFF01, folded <= 0xFF5E { folded -= 0xFEE0 }  // full-width ASCII
                if folded >= 0x41, folded <= 0x5A { folded += 0x20 }  // A-Z
                out.append(folded)
            }
        }
    }
}
