import Testing
import Winnow
import WinnowTesting

/// Enumerations with no sentence structure are removed as keyword stuffing, whatever they list.
@Suite struct KeywordStuffingTests {
    static let body = "去年冬天，研究团队在实验室里测试了一种新的电池材料。 结果显示，这种材料的容量保持率超过百分之八十。"

    @Test(arguments: [
        "黑龙江省:哈尔滨市:(道里区、南岗区、道外区、平房区、松北区、香坊区、呼兰区、阿城区、双城区)",
        "湖北省：武汉市：（江岸区、江汉区、硚口区、汉阳区、武昌区、青山区、洪山区）",
        "二手车价格、二手车交易市场、二手车评估、二手车过户、二手车贷款、二手车保险",
        "北京/上海/广州/深圳/杭州/成都/重庆/武汉",
        "热门搜索：手机壳，充电宝，数据线，蓝牙耳机，智能手表，平板电脑",
    ])
    func removesEnumeration(line: String) throws {
        let record = try #require(Cleaning.record("标题\n\(Self.body)\n\(line)\n"))
        #expect(record.removed.map(\.kind) == [.keywordStuffing])
        #expect(record.articles.count == 1)
    }

    @Test(arguments: [
        "活动覆盖了济南、青岛、淄博、烟台、潍坊等城市，吸引了大量游客前来参观。",  // prose that enumerates
        "参加会议的有张三、李四、王五、赵六和钱七，他们都发表了讲话。",
    ])
    func keepsProseThatEnumerates(line: String) throws {
        let record = try #require(Cleaning.record("标题\n\(Self.body)\n\(line)\n"))
        #expect(record.removed.isEmpty)
        #expect(record.articles.flatMap(\.paragraphs).contains(line))
    }

    @Test func aOneLinePageIsNeverStuffing() throws {
        let post = "感冒、发热、心慌、厌食、疲劳、压抑"
        let record = try #require(Cleaning.record(post))
        #expect(record.articles.first?.text == post)
    }
}
