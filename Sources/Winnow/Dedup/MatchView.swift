/// The match view of a text: what two copies of an article share however they were
/// disguised (DESIGN.md §3.3). Used for dedup and statistics only, never for output.
///
/// Whitespace, invisible characters and the noise classes (emoji, pictographs, rare
/// symbols) are dropped; full-width ASCII forms (`Ａ`, `，`, `：`) fold to their ASCII
/// counterparts; ASCII letters fold to lower case. Everything else stays as it is.
enum MatchView {
    /// Appends the match-view scalars of `p` to `out`.
    static func scalars(_ p: UnsafeBufferPointer<UInt8>, into out: inout [UInt32]) {
        var i = 0
        while i < p.count {
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
