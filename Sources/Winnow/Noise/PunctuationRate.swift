/// Counts clause and sentence punctuation on a line, for the noise model's "do the sites
/// stand where punctuation would be?" test.
///
/// People who write with emoji often use them *as* punctuation
/// (`…土鳖了😂我也想买爱疯📱可惜…`): the text around such emoji has almost no commas or full
/// stops. Injected characters are added to text that keeps its punctuation (news prose has a
/// mark every 10 to 15 characters).
enum PunctuationRate {
    /// Punctuation marks and scalars in `p[range]`.
    static func count(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (marks: Int, scalars: Int) {
        var marks = 0
        var scalars = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let b = p[i]
            if b & 0xC0 != 0x80 { scalars &+= 1 }
            switch b {
            case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"),
                UInt8(ascii: ":"):
                marks &+= 1
            case 0xE3 where i + 2 < range.upperBound && p[i + 1] == 0x80 && (p[i + 2] == 0x81 || p[i + 2] == 0x82):
                marks &+= 1  // 、。
            case 0xEF where i + 2 < range.upperBound && p[i + 1] == 0xBC:
                let c = p[i + 2]
                if c == 0x8C || c == 0x81 || c == 0x9F || c == 0x9A || c == 0x9B { marks &+= 1 }  // ，！？：；
            default:
                break
            }
            i += 1
        }
        return (marks, scalars)
    }
}
