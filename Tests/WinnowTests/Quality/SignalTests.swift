import Testing
import Winnow
import WinnowTesting

/// Article signals on texts whose values can be counted by hand.
struct SignalTests {
    private func signals(_ paragraphs: [String], removed: Int = 0) -> ArticleSignals {
        var quality = QualitySignals(fullRepetition: true)
        let article = Article(id: "p#1", paragraphs: paragraphs, noise: NoiseReport(removed: removed))
        return quality.signals(of: article)
    }

    @Test func sharesCountNonWhitespaceCharacters() {
        // 今天下雨。(4 Han + 1 punct) OK 2024 (2 Latin, 4 digits); whitespace not counted.
        let s = signals(["今天下雨。 OK 2024"])
        #expect(s.chars == 11)
        #expect(abs(s.han - 4.0 / 11) < 1e-9)
        #expect(abs(s.latin - 2.0 / 11) < 1e-9)
        #expect(abs(s.digits - 4.0 / 11) < 1e-9)
        #expect(abs(s.punctuation - 1.0 / 11) < 1e-9)
        #expect(s.lines == 1)
        #expect(s.linesWithoutEnd == 1)  // ends with a digit
    }

    @Test func duplicateLinesAndTheirCharacters() {
        let s = signals(["第一行。", "第二行内容。", "第一行。", "第一行。"])
        #expect(abs(s.duplicateLines - 0.5) < 1e-9)
        // 4 + 6 + 4 + 4 characters; the two repeats hold 8.
        #expect(abs(s.duplicateLineChars - 8.0 / 18) < 1e-9)
        #expect(s.linesWithoutEnd == 0)
    }

    @Test func repetitionOnCharactersForChinese() {
        // 哈哈哈哈哈哈 has 5 copies of the 2-gram 哈哈: 10 of 6 characters, capped by coverage
        // in the duplicate measure, not in the top measure (Gopher counts occurrences × n).
        let s = signals(["哈哈哈哈哈哈"])
        #expect(s.top2gram > 1)
        #expect(s.duplicate5gram == 1)
        let distinct = signals(["春眠不觉晓处处闻啼鸟夜来风雨声花落知多少"])
        #expect(distinct.top2gram == 0)
        #expect(distinct.duplicate10gram == 0)
        #expect(distinct.top3gram == 0)
    }

    /// Without full repetition the costly n-gram signals are absent, the others the same.
    @Test func fullRepetitionIsOptional() {
        var quality = QualitySignals()
        let article = Article(id: "p#1", paragraphs: ["哈哈哈哈哈哈哈哈哈哈哈哈"])
        let s = quality.signals(of: article)
        #expect(s.top3gram == nil && s.top4gram == nil && s.duplicate5gram == nil)
        #expect(s.duplicate10gram == signals(article.paragraphs).duplicate10gram)
        #expect(s.top2gram == signals(article.paragraphs).top2gram)
    }

    @Test func repetitionOnWordsForEnglish() {
        // Character 10-grams repeat in any English text; word 10-grams do not.
        let prose = signals([
            "The river rose in the night and the town woke to water in the streets, "
                + "so the mayor of the town asked the people of the valley for help."
        ])
        #expect(prose.duplicate10gram == 0)
        let repeated = signals([String(repeating: "buy cheap watches online today ", count: 6)])
        #expect(repeated.duplicate10gram > 0.9)
    }

    @Test func functionWordsAndNoiseDensity() {
        // 我的书在桌子上: 我, 的, 在 are grammatical words among 7 Han characters.
        let s = signals(["我的书在桌子上。"], removed: 2)
        #expect(abs(s.functionWords - 3.0 / 7) < 1e-9)
        #expect(abs(s.noiseDensity - 2.0 / 10) < 1e-9)
    }

    @Test func mojibakeIsSeen() {
        // 中文 encoded as UTF-8 and read as Latin-1.
        let utf8 = Array("中文内容中文内容".utf8)
        let garbled = String(String.UnicodeScalarView(utf8.map { Unicode.Scalar($0) }))
        #expect(signals([garbled]).mojibake > 0.2)
        #expect(signals(["Le café est très bon à Montréal."]).mojibake == 0)
        // A no-break space (U+00A0, in the continuation-byte range) after a Latin-1 letter is
        // a space, not half of a garbled pair; a garbled pair split over two lines is none.
        #expect(signals(["Voilà\u{A0}: très bien, à\u{A0}demain."]).mojibake == 0)
        #expect(signals(["Ã", "\u{A9}"]).mojibake == signals(["Ã", "x"]).mojibake)
        #expect(signals(["Ã\u{A9}"]).mojibake > signals(["Ã", "\u{A9}"]).mojibake)
    }

    @Test func simplifiedAndTraditional() {
        #expect(signals(["这个国家的发展说明了时代的进步。"]).script == "Hans")
        #expect(signals(["這個國家的發展說明了時代的進步。"]).script == "Hant")
        #expect(signals(["这个国家與這個國家的發展说明"]).script == "mixed")
        #expect(signals(["Hello world."]).script == nil)
    }
}

/// The repetition signals against a direct count of the n-grams themselves (no hashing, no
/// shortcuts) on random Chinese texts rich in repeats.
struct RepetitionOracleTests {
    /// Gopher's two measures, counted naively: units in the most frequent n-gram (0 without
    /// a repeat), and units covered by an n-gram occurring more than once.
    static func expected(_ units: [Character], n: Int) -> (top: Double, duplicate: Double) {
        guard units.count >= n else { return (0, 0) }
        let grams = (0...(units.count - n)).map { String(units[$0..<($0 + n)]) }
        var counts: [String: Int] = [:]
        for g in grams { counts[g, default: 0] += 1 }
        let top = counts.values.max() ?? 0
        var covered = Array(repeating: false, count: units.count)
        for (i, g) in grams.enumerated() where counts[g, default: 0] > 1 {
            for k in i..<(i + n) { covered[k] = true }
        }
        let total = Double(units.count)
        return (top > 1 ? Double(top * n) / total : 0, Double(covered.filter { $0 }.count) / total)
    }

    @Test(arguments: 1...4) func matchesADirectCount(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let alphabet = Array(
            "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后"
                + "多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合")
        // Frequent characters, or a run of consecutive code points: n-grams that differ by
        // one in a unit's value must not be taken for one (`h | 1` as a table key once did).
        // Seed 4 takes them beyond the Basic Multilingual Plane (CJK Extension B), where
        // 2-grams are hashed rather than packed.
        let first: UInt32 = seed == 4 ? 0x2_0000 : 0x4E00
        let consecutive = (0..<UInt32(random.next() % 12) + 2).compactMap {
            Unicode.Scalar(first + $0).map(Character.init)
        }
        let vocabulary = seed % 2 == 0 ? consecutive : Array(alphabet.prefix(Int(random.next() % 40) + 3))
        for _ in 0..<60 {
            let length = Int(random.next() % 300) + 1
            var units = (0..<length).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
            // Copy a stretch elsewhere now and then, so that long n-grams repeat too.
            if length > 30, random.next() % 2 == 0 {
                let from = Int(random.next() % UInt64(length - 20))
                let count = Int(random.next() % 15) + 5
                let to = Int(random.next() % UInt64(length - count))
                units.replaceSubrange(to..<(to + count), with: units[from..<(from + count)])
            }
            var quality = QualitySignals(fullRepetition: true)
            let s = quality.signals(of: Article(id: "p#1", paragraphs: [String(units)]))
            let two = Self.expected(units, n: 2), five = Self.expected(units, n: 5), ten = Self.expected(units, n: 10)
            #expect(abs(s.top2gram - two.top) < 1e-12, "\(String(units))")
            #expect(abs(s.duplicate10gram - ten.duplicate) < 1e-12, "\(String(units))")
            #expect(abs((s.duplicate5gram ?? -1) - five.duplicate) < 1e-12, "\(String(units))")
        }
    }
}
