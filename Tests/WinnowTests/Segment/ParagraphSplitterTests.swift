import Testing
import Winnow
import WinnowTesting

/// A flattened body splits back into paragraphs at sentence ends and between CJK text, and
/// keeps spaces next to Latin words and numbers inline.
@Suite struct ParagraphSplitterTests {
    static func paragraphs(_ body: String) throws -> [String] {
        let record = try #require(Cleaning.record(body))
        return record.articles.flatMap(\.paragraphs)
    }

    @Test(arguments: [
        ("第一段写完了。 第二段开始了。", ["第一段写完了。", "第二段开始了。"]),  // full-width full stop
        ("夜读的人都是谁? 馆方统计显示。", ["夜读的人都是谁?", "馆方统计显示。"]),  // half-width ? after CJK
        ("他说：“灯光很好。” 第二天又来了。", ["他说：“灯光很好。”", "第二天又来了。"]),  // quote after a full stop
        ("结语 一座城市愿意为读书的人留灯。", ["结语", "一座城市愿意为读书的人留灯。"]),  // heading between CJK
        ("　　第一段。　　第二段。", ["第一段。", "第二段。"]),  // ideographic-space indents
        ("研究顶尖 AI,做出了成绩。", ["研究顶尖 AI,做出了成绩。"]),  // Latin word stays inline
        ("英伟达发布 Vera Rubin 平台。", ["英伟达发布 Vera Rubin 平台。"]),
        ("价格上涨 3.5 个百分点。", ["价格上涨 3.5 个百分点。"]),  // number stays inline
        ("这是 Inc. and 的用法。", ["这是 Inc. and 的用法。"]),  // Latin full stop is not a sentence end
        ("同比上涨10.1% 创新高。", ["同比上涨10.1% 创新高。"]),  // space after % stays inline
    ])
    func splits(body: String, expected: [String]) throws {
        #expect(try Self.paragraphs(body) == expected)
    }
}
