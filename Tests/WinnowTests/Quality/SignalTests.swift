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
    }

    @Test func simplifiedAndTraditional() {
        #expect(signals(["这个国家的发展说明了时代的进步。"]).script == "Hans")
        #expect(signals(["這個國家的發展說明了時代的進步。"]).script == "Hant")
        #expect(signals(["这个国家與這個國家的發展说明"]).script == "mixed")
        #expect(signals(["Hello world."]).script == nil)
    }
}
