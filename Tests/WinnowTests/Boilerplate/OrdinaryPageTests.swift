import Foundation
import Testing
import Winnow
import WinnowTesting

/// Ordinary portal and forum pages (issue 5), written for these tests: the article comes
/// back from among menus, login boxes, share buttons, pagers, related links and footers.
struct OrdinaryPageTests {
    /// The parts of a portal page, put together in page order.
    struct Portal {
        var site = "晨光新闻网"
        var channel = "国内"
        var headline = "城市公园新增夜间开放时段"
        var dateline = "2024-03-05 10:21 来源：新华社 作者：张远"
        var menu = ["首页", "国内", "国际", "财经", "科技", "体育", "娱乐", "汽车"]
        var login = ["登录", "注册", "忘记密码"]
        var share = "分享到： 微信 微博 QQ空间"
        var paragraphs = [
            "记者从市园林部门了解到，从下月起，城区十二座公园将把开放时间延长至晚上十点，方便市民下班后散步锻炼。",
            "园林部门表示，延长开放时段的公园已经增设了照明设施和巡逻人员，并在主要路口安排了志愿者引导游客。",
            "不少市民对此表示欢迎。一位在附近工作的市民说，以前下班时公园已经关门，现在终于可以带孩子来走一走了。",
        ]
        var pager = ["上一篇：地铁三号线延长线开通运营", "下一篇：全市中小学开展春季体育节"]
        var related = ["相关新闻", "公园绿地面积再创新高", "市民骑行道全线贯通", "春季花展本周末开幕", "老旧小区改造进展顺利"]
        var footer = ["关于我们 | 联系我们 | 广告服务", "晨光新闻网 版权所有", "京ICP备12345678号"]

        var title: String { "\(headline)_\(channel)_\(site)" }

        var text: String {
            ([title] + menu + login + [headline, dateline, share] + paragraphs + pager + related + footer)
                .joined(separator: "\n")
        }
    }

    private func clean(_ text: String) throws -> PageRecord {
        let record = try #require(Cleaning.record(text))
        #expect(CoverageCheck.problems(record).isEmpty, "\(CoverageCheck.problems(record))")
        return record
    }

    @Test func portalArticleComesBackWithItsMetadata() throws {
        let page = Portal()
        let record = try clean(page.text)
        #expect(record.title == page.title)
        #expect(record.noArticle == nil)
        let article = try #require(record.articles.first)
        #expect(record.articles.count == 1)
        #expect(article.paragraphs == page.paragraphs)
        #expect(article.title == page.headline)
        #expect(article.outlet == "新华社")
        #expect(article.author == "张远")
        #expect(article.published == "2024-03-05 10:21")
        let kinds = Set(record.removed.map(\.kind))
        for kind in [RemovalKind.navigation, .login, .share, .pager, .copyright] {
            #expect(kinds.contains(kind), "no \(kind) span in \(record.removed.map(\.kind))")
        }
        // The related headlines are a link list: kept as links, not as text.
        #expect(kinds.contains(.linkList) || kinds.contains(.relatedLinks))
        #expect(record.links.map(\.title) == Array(page.related.dropFirst()))
    }

    /// Other menus, other punctuation widths, Traditional cues, a date in Chinese format:
    /// the same article.
    @Test func variationsGiveTheSameArticle() throws {
        var page = Portal()
        page.menu = ["首頁", "要聞", "兩岸", "國際", "財經", "生活"]
        page.login = ["登入", "註冊"]
        page.share = "分享 收藏 列印"
        page.dateline = "發布時間:2024年03月05日 10:21 作者:張遠"
        page.pager = ["上一篇:地鐵三號線延長線開通", "下一篇:中小學開展體育節"]
        page.related = ["相關新聞", "公園綠地面積再創新高", "市民騎行道全線貫通", "春季花展本週末開幕"]
        page.footer = ["Copyright © 2024 晨光新聞網. All Rights Reserved.", "隱私權政策 | 服務條款"]
        let record = try clean(page.text)
        #expect(record.articles.map(\.paragraphs) == [page.paragraphs])
        #expect(record.articles.first?.published == "2024-03-05 10:21")
        #expect(record.articles.first?.title == page.headline)
    }

    @Test func menuLengthAndOrderDoNotChangeTheArticle() throws {
        var random = SplitMix64(seed: 11)
        let reference = try clean(Portal().text).articles.map(\.paragraphs)
        for _ in 0..<20 {
            var page = Portal()
            page.menu = (0..<(3 + Int(random.next() % 25))).map { _ in random.pick(Portal().menu + ["图片", "视频", "专题"]) }
            page.related = ["相关新闻"] + page.related.dropFirst().shuffled(using: &random)
            #expect(try clean(page.text).articles.map(\.paragraphs) == reference)
        }
    }

    /// A share bar between two paragraphs is removed without cutting the article in two.
    @Test func shareBarInsideTheArticleDoesNotSplitIt() throws {
        var page = Portal()
        page.paragraphs.insert("点赞 收藏 转发", at: 2)
        let record = try clean(page.text)
        #expect(record.articles.count == 1)
        #expect(record.articles.first?.paragraphs == Portal().paragraphs)
    }

    /// Cue words inside sentences are article text.
    @Test func cueWordsInsideSentencesStay() throws {
        var page = Portal()
        page.paragraphs.append("市民登录政务平台即可预约夜间导览，平台不会收取任何费用，也不会推送广告。")
        let record = try clean(page.text)
        #expect(record.articles.first?.paragraphs == page.paragraphs)
    }

    /// Without an in-page headline the title is the `<title>` without channel and site.
    @Test func titleWithoutHeadlineDropsTheSiteName() throws {
        let page = Portal()
        let text = page.text.replacingOccurrences(of: "\n\(page.headline)\n", with: "\n")
        let record = try clean(text)
        #expect(record.articles.first?.title == page.headline)
    }

    /// A forum index (headlines with reply counts, no prose) gives no article, and says why.
    @Test func listPageHasNoArticleAndSaysWhy() throws {
        let topics = (1...15).map { "求助帖第\($0)号 关于装修选材的问题" }
        let text = (["装修论坛_家居社区"] + Portal().menu + Portal().login + topics + ["1 2 3 下一页"] + Portal().footer)
            .joined(separator: "\n")
        let record = try clean(text)
        #expect(record.articles.isEmpty)
        let reason = try #require(record.noArticle)
        #expect(reason.contains("no prose"))
        #expect(record.json().contains("\"no_article\":\"no prose"))
    }

    /// A one-sentence news item is still an article.
    @Test func oneSentenceItemIsKept() throws {
        var page = Portal()
        page.paragraphs = ["市气象台今天发布大风蓝色预警。"]
        let record = try clean(page.text)
        #expect(record.articles.map(\.paragraphs) == [page.paragraphs])
    }

    /// A forum thread: the first post and a long reply, separated by user lines, both kept.
    @Test func forumThreadKeepsThePostAndTheReplies() throws {
        let post = Portal().paragraphs[0]
        let reply = Portal().paragraphs[1] + Portal().paragraphs[2]
        let text =
            (["公园夜间开放讨论_本地论坛"] + Portal().menu + Portal().login
            + ["楼主 小李", "发表于 2024-03-05 12:00", post, "回复 举报", "2楼 老王", "发表于 2024-03-05 12:30", reply, "回复 举报"]
            + Portal().footer).joined(separator: "\n")
        let record = try clean(text)
        let got = TruthComparison.withoutWhitespace(record.articles.map(\.text).joined())
        #expect(got == TruthComparison.withoutWhitespace(post + reply))
    }

    /// Farm pages keep their own rules: a page without chrome lines is not touched by the
    /// boilerplate stage (the generated-page tests hold the accuracy).
    @Test func pageWithoutChromeIsLeftToTheFarmRules() throws {
        let page = Portal()
        let text = ([page.headline] + page.paragraphs).joined(separator: "\n")
        let record = try clean(text)
        #expect(record.removed.isEmpty)
        #expect(record.articles.map(\.paragraphs) == [page.paragraphs])
    }
}
