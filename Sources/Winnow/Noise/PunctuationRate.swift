/// What counts as clause and sentence punctuation for the noise model's "do the sites
/// stand where punctuation would be?" test.
///
/// People who write with emoji often use them *as* punctuation
/// (`…土鳖了😂我也想买爱疯📱可惜…`): the text around such emoji has almost no commas or full
/// stops. Injected characters are added to text that keeps its punctuation (news prose has a
/// mark every 10 to 15 characters). ``NoiseScanner`` counts the marks as it scans.
enum PunctuationRate {
    /// ASCII marks: `,` `.` `!` `?` `;` `:`.
    static let asciiMarks = ByteTable { ",.!?;:".utf8.contains($0) }

    /// Full-width marks: `、` `。` `，` `！` `？` `：` `；`.
    @inline(__always)
    static func isWideMark(_ v: UInt32) -> Bool {
        v == 0x3001 || v == 0x3002 || v == 0xFF0C || v == 0xFF01 || v == 0xFF1F || v == 0xFF1A || v == 0xFF1B
    }
}
