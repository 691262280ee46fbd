import Testing
import Winnow
import WinnowTesting

/// Bylines in their usual shapes become outlet, author and editor, and leave the text.
@Suite struct BylineTests {
    static let body = "去年冬天，研究团队在实验室里测试了一种新的电池材料。 结果显示，这种材料的容量保持率超过百分之八十。"

    @Test(
        arguments: [
            ("文 | 城市观察,作者|张远,编辑|刘宁", "城市观察", "张远", "刘宁", false),
            ("文 | 城市观察，作者|张远，编辑|刘宁 文 | 城市观察，作者|张远，编辑|刘宁", "城市观察", "张远", "刘宁", true),
            ("来源：新华社 作者：李青 责任编辑：孙悦", "新华社", "李青", "孙悦", false),
            ("来源:晨光日报,作者:陈思", "晨光日报", "陈思", nil, false),
            ("文/欧阳明", nil, "欧阳明", nil, false),
            ("文/欧阳明 文/欧阳明", nil, "欧阳明", nil, true),
            ("记者 王晓明", nil, nil, nil, false),  // no delimiter: not a byline, stays text
        ] as [(String, String?, String?, String?, Bool)])
    func fields(byline: String, outlet: String?, author: String?, editor: String?, doubled: Bool) throws {
        let record = try #require(Cleaning.record(byline + " " + Self.body))
        let article = try #require(record.articles.first)
        #expect(article.outlet == outlet)
        #expect(article.author == author)
        #expect(article.editor == editor)
        let isByline = outlet != nil || author != nil
        #expect(article.paragraphs.first?.hasPrefix("去年冬天") == isByline)
        #expect(record.removed.contains { $0.kind == .duplicateByline } == doubled)
        #expect(CoverageCheck.problems(record).isEmpty)
    }

    @Test func doubledBylineIsRemovedOnceAsDuplicate() throws {
        let line = "文 | 城市观察,作者|张远 文 | 城市观察,作者|张远 " + Self.body
        let record = try #require(Cleaning.record(line))
        #expect(record.removed.filter { $0.kind == .duplicateByline }.map(\.text) == ["文 | 城市观察,作者|张远"])
    }

    @Test func editorLineAfterTheBody() throws {
        let record = try #require(Cleaning.record("标题\n" + Self.body + "\n责任编辑：刘宁\n"))
        #expect(record.articles.first?.editor == "刘宁")
        #expect(record.articles.first?.paragraphs.count == 2)
    }

    @Test func originalTitle() throws {
        let record = try #require(Cleaning.record("原标题：实验室里的冬天 " + Self.body))
        #expect(record.articles.first?.originalTitle == "实验室里的冬天")
    }
}
