import Testing
@testable import Winnow

/// The match view folds disguises away; signatures estimate Jaccard similarity well.
@Suite struct MinHasherTests {
    static func view(_ s: String) -> [UInt32] {
        var out: [UInt32] = []
        Array(s.utf8).withUnsafeBufferPointer { MatchView.scalars($0, into: &out) }
        return out
    }

    @Test func matchViewFoldsWidthCaseSpaceAndNoise() {
        #expect(Self.view("ＯｐｅｎＡＩ，发布 新模型😀\u{200B}！") == Self.view("openai,发布新模型!"))
        #expect(Self.view("A\u{3000}b") == Self.view("ab"))
        #expect(Self.view("中文") != Self.view("中 文 字"))
    }

    static func grams(_ v: [UInt32]) -> Set<[UInt32]> {
        Set((0...(v.count - 5)).map { Array(v[$0..<($0 + 5)]) })
    }

    /// 300 pairs of an article-length text (400–600 characters) and a mutated copy (characters
    /// replaced, end cut): mean absolute error of the estimate against the exact Jaccard of
    /// 5-gram sets ≤ 0.035 (research/perf.md).
    ///
    /// Texts shorter than the 128 bins estimate worse.
    @Test func estimateTracksExactJaccard() {
        var rng = SplitMix64(seed: 5)
        let base = Array(
            "城市图书馆夜间开放一周年读者数量翻倍馆方统计显示夜间读者中近六成是上班族另有约两成是备考的学生为了支撑夜间开放图书馆调整了排班并引入了自助借还设备".unicodeScalars.map(\.value))
        var totalError = 0.0
        for _ in 0..<300 {
            var a = base
            for _ in 0..<Int.random(in: 5...8, using: &rng) { a += base.shuffled(using: &rng).prefix(60) }
            var b = a
            let edits = Int.random(in: 0..<40, using: &rng)
            for _ in 0..<edits {
                b[Int.random(in: 0..<b.count, using: &rng)] = UInt32.random(in: 0x4E00...0x9FFF, using: &rng)
            }
            if rng.chance(0.3) { b.removeLast(Int.random(in: 0..<(b.count / 3), using: &rng)) }
            let ga = Self.grams(a), gb = Self.grams(b)
            let exact = Double(ga.intersection(gb).count) / Double(ga.union(gb).count)
            var sa = [UInt32](repeating: 0, count: MinHasher.bins), sb = sa
            MinHasher.signature(a, into: &sa)
            MinHasher.signature(b, into: &sb)
            let estimate = sa.withUnsafeBufferPointer { p in sb.withUnsafeBufferPointer { MinHasher.similarity(p, $0) }
            }
            totalError += abs(estimate - exact)
        }
        #expect(totalError / 300 <= 0.035, "mean |estimate − J| = \(totalError / 300)")
    }

    @Test func signaturesAreStable() {
        // Frozen: a change here changes every signature ever written (bump the config).
        var s = [UInt32](repeating: 0, count: MinHasher.bins)
        MinHasher.signature(Self.view("城市图书馆夜间开放一周年"), into: &s)
        var again = [UInt32](repeating: 0, count: MinHasher.bins)
        MinHasher.signature(Self.view("城市图书馆夜间开放一周年"), into: &again)
        #expect(s == again)
        #expect(Set(s).count > 1)
    }

    @Test func numbersTellTemplatedReportsApart() {
        let a = NumberSketch(Self.view("4月13日新增确诊病例3020例，其中境外输入21例，本土2999例，累计治愈18765例"))
        let b = NumberSketch(Self.view("5月22日新增确诊病例187例，其中境外输入13例，本土174例，累计治愈20431例"))
        let cut = NumberSketch(Self.view("4月13日新增确诊病例3020例，其中境外输入21例"))
        #expect(!a.isCompatible(with: b))
        #expect(a.isCompatible(with: cut))
        #expect(a.isCompatible(with: a))
    }
}
