/// The runs of lines where prose outweighs chrome: disjoint maximal-sum segments of the
/// line scores.
///
/// The best segment is the maximum-sum run of the whole page (Kadane); the others are the
/// best runs left and right of it, found the same way, recursively. This is the maximum
/// subsequence segmentation of Pasternack and Roth (WWW 2009), applied to lines with
/// Chinese-aware scores, and extended to several segments so a page with two articles or a
/// forum thread keeps each.
enum ProseSegments {
    struct Segment: Sendable, Equatable {
        var lines: Range<Int>
        var sum: Int
    }

    /// Segments with a sum of at least `minimum`, in page order.
    static func find(_ scores: [Int], minimum: Int) -> [Segment] {
        var out: [Segment] = []
        var pending = [0..<scores.count]
        while let range = pending.popLast() {
            guard let best = bestRun(scores, in: range), best.sum >= minimum else { continue }
            out.append(best)
            pending.append(range.lowerBound..<best.lines.lowerBound)
            pending.append(best.lines.upperBound..<range.upperBound)
        }
        return out.sorted { $0.lines.lowerBound < $1.lines.lowerBound }
    }

    /// The maximum-sum run in `scores[range]` (the earliest on ties), or `nil` when no score
    /// there is positive.
    static func bestRun(_ scores: [Int], in range: Range<Int>) -> Segment? {
        var best: Segment?
        var runStart = range.lowerBound
        var runSum = 0
        for k in range {
            if runSum <= 0 {
                runStart = k
                runSum = 0
            }
            runSum += scores[k]
            if runSum > 0, runSum > best?.sum ?? 0 { best = Segment(lines: runStart..<(k + 1), sum: runSum) }
        }
        return best
    }
}
