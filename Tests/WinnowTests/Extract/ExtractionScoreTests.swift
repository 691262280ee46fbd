import Testing
import Winnow
import WinnowTesting

/// The scoring used by the extraction benchmark must itself be right.
struct ExtractionScoreTests {
    /// The textbook dynamic programme, to check the bit-parallel version against.
    private func lcsByTable(_ a: [UInt32], _ b: [UInt32]) -> Int {
        var previous = Array(repeating: 0, count: b.count + 1)
        for x in a {
            var row = [0]
            for (j, y) in b.enumerated() { row.append(x == y ? previous[j] + 1 : max(previous[j + 1], row[j])) }
            previous = row
        }
        return previous[b.count]
    }

    @Test func bitParallelLCSAgreesWithTheTableOnRandomStrings() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<200 {
            // Small alphabets make long common subsequences; lengths cross the 64-bit words.
            let alphabet = UInt32(2 + random.next() % 6)
            let a = (0..<Int(random.next() % 150)).map { _ in UInt32(truncatingIfNeeded: random.next()) % alphabet }
            let b = (0..<Int(random.next() % 150)).map { _ in UInt32(truncatingIfNeeded: random.next()) % alphabet }
            #expect(ExtractionScore.lcsLength(a, b) == lcsByTable(a, b), "a=\(a) b=\(b)")
        }
    }

    @Test func scoresIgnoreWhitespaceButNotOrder() {
        let gold = "今天 天气很好。\n我们去公园。"
        #expect(ExtractionScore(extracted: "今天天气很好。我们去公园。", gold: gold).f1 == 1)
        // Extra menu text lowers precision, not recall.
        let withMenu = ExtractionScore(extracted: "首页新闻\n今天天气很好。我们去公园。", gold: gold)
        #expect(withMenu.recall == 1)
        #expect(abs(withMenu.precision - 13.0 / 17.0) < 1e-9)
        // The same characters in another order are not the same text.
        #expect(ExtractionScore(extracted: "园公去们我。好很气天天今", gold: "今天天气很好。我们去公园").f1 < 0.3)
        #expect(ExtractionScore(extracted: "", gold: gold).f1 == 0)
        #expect(ExtractionScore(extracted: " ", gold: "").f1 == 1)
    }
}
