/// Character-level precision, recall and F1 of extracted text against gold text.
///
/// Whitespace is ignored on both sides (line breaks and spaces differ between extractors and
/// say nothing about content). Matching characters are those of a longest common subsequence
/// of the two texts, so order counts: a menu whose characters also occur in the article does
/// not score as article text, as it would with a bag of characters.
public struct ExtractionScore: Sendable, Equatable {
    public var precision: Double
    public var recall: Double

    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    /// Scores `extracted` against `gold`.
    ///
    /// Two empty texts score 1; one empty text scores 0.
    public init(extracted: String, gold: String) {
        let x = Self.scalars(extracted)
        let g = Self.scalars(gold)
        if x.isEmpty || g.isEmpty {
            precision = x.isEmpty && g.isEmpty ? 1 : 0
            recall = precision
            return
        }
        let common = Double(Self.lcsLength(x, g))
        precision = common / Double(x.count)
        recall = common / Double(g.count)
    }

    static func scalars(_ s: String) -> [UInt32] {
        s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(\.value)
    }

    /// The length of a longest common subsequence of `a` and `b`, by the bit-parallel
    /// algorithm of Allison and Dix (1986) as written by Hyyrö: one word operation per 64
    /// characters of `a` for each character of `b`.
    public static func lcsLength(_ a: [UInt32], _ b: [UInt32]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let words = (a.count + 63) / 64
        var masks: [UInt32: [UInt64]] = [:]
        for (i, c) in a.enumerated() {
            masks[c, default: Array(repeating: 0, count: words)][i / 64] |= 1 << UInt64(i % 64)
        }
        var v = Array(repeating: UInt64.max, count: words)
        for c in b {
            guard let m = masks[c] else { continue }
            // V' = (V + (V & M)) | (V & ~M), with the addition carried across words.
            var carry: UInt64 = 0
            for w in 0..<words {
                let u = v[w] & m[w]
                let (sum1, o1) = v[w].addingReportingOverflow(u)
                let (sum2, o2) = sum1.addingReportingOverflow(carry)
                carry = (o1 || o2) ? 1 : 0
                v[w] = sum2 | (v[w] & ~m[w])
            }
        }
        var zeros = 0
        for w in 0..<words {
            let bits = w == words - 1 && a.count % 64 != 0 ? a.count % 64 : 64
            let mask: UInt64 = bits == 64 ? .max : (1 << UInt64(bits)) - 1
            zeros += bits - (v[w] & mask).nonzeroBitCount
        }
        return zeros
    }
}
