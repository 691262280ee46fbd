import Testing
import Winnow
import WinnowTesting

/// Row U8: a U+FEFF inside a page (files joined with their byte order marks) is removed
/// wherever it is, and counted as `byte-order-mark`; FEFF injected at a period stays
/// `injected-noise`.
struct ByteOrderMarkTests {
    static let bom = "\u{FEFF}"

    @Test(arguments: [
        ("at the start", bom + InjectedNoiseTests.prose, 1),
        (
            "inside a word and between paragraphs",
            "去年冬天，研究" + bom + "团队在实验室里测试了一种新的电池材料。 " + bom + "结果显示，这种材料的容量保持率超过百分之八十。", 2
        ),
        ("a run of two, after Latin", "负责人表示，下一步将与 OpenAI" + bom + bom + " 等机构合作，用模型加速材料筛选。", 1),
    ])
    func strayMarksAreRemovedAndCounted(name: String, text: String, runs: Int) throws {
        let record = try #require(Cleaning.record("标题\n" + text + "\n"), "\(name)")
        #expect(CoverageCheck.problems(record).isEmpty, "\(name)")
        #expect(record.removed.filter { $0.kind == .byteOrderMark }.count == runs, "\(name)")
        #expect(record.removed.allSatisfy { $0.kind != .injectedNoise }, "\(name)")
        let article = try #require(record.articles.first, "\(name)")
        #expect(!article.text.unicodeScalars.contains("\u{FEFF}"), "\(name)")
        #expect(
            TruthComparison.withoutWhitespace(article.text)
                == TruthComparison.withoutWhitespace(text.replacing(Self.bom, with: "")), "\(name)")
    }

    @Test func periodicMarksAreInjectedNoise() throws {
        let noisy = Cleaning.inject(InjectedNoiseTests.prose, units: [Self.bom], every: 19)
        let record = try #require(Cleaning.record("标题\n" + noisy + "\n"))
        #expect(record.removed.filter { $0.kind == .injectedNoise }.count > 5)
        #expect(record.removed.allSatisfy { $0.kind != .byteOrderMark })
        #expect(record.articles.first?.paragraphs == InjectedNoiseTests.paragraphs)
    }
}
