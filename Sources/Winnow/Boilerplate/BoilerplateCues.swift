/// The cue lexicon of page chrome: short phrases that name what a block of an ordinary page
/// is for (`登录`, `分享到`, `版权所有`, `上一篇` ...).
///
/// A cue is one feature among several (issue 5): it names the role of a line that the prose
/// score already finds weak, and it only counts on short lines without sentence punctuation,
/// so an article that mentions `登录` or `广告` keeps its sentence. Extend a list when a site
/// shows a new phrase, and add a test with it.
enum BoilerplateCues {
    /// Lines longer than this (in scalars) are never cue lines, except copyright lines.
    static let maxCueLineScalars = 40
    /// Footers pack many notices into one line.
    static let maxCopyrightLineScalars = 160

    /// Roles whose cue, as a label at the start of a line, names the whole line however long
    /// (a comment or a login prompt may be a sentence, a video description is one).
    static let labelRoles: [RemovalKind] = [.caption, .copyright, .ad, .comment]

    /// Traditional forms are listed beside the simplified ones where they differ (pages from
    /// Hong Kong and Taiwan).
    private static let table: [(RemovalKind, [String])] = [
        (.login, ["登录", "登陆", "注册", "忘记密码", "自动登录", "退出", "个人中心", "会员中心", "账号", "帐号", "登入", "註冊", "會員"]),
        (
            .share,
            [
                "分享到", "分享", "扫一扫", "扫码", "二维码", "手机观看", "收藏", "点赞", "打印", "关闭窗口", "字号", "复制链接",
                "朋友圈", "转发", "举报", "客户端", "纠错", "轉發", "檢舉", "客戶端", "下載",
            ]
        ),
        (
            .relatedLinks,
            Lexicon.linkListHeaders.map { String(decoding: $0, as: UTF8.self) } + [
                "相关稿件", "热点搜索", "热门搜索", "相关话题", "最新发布", "热门排行", "排行榜", "点击排行", "相关专题",
                "热点新闻", "最新资讯", "专题推荐", "热门标签", "你可能还想看", "你可能還想看", "相關新聞", "推薦閱讀",
                "熱門", "延伸閱讀", "更多新聞",
            ]
        ),
        (.pager, ["上一篇", "下一篇", "上一页", "下一页", "返回顶部", "回到顶部", "尾页", "返回列表", "下一章", "上一章"]),
        (
            .copyright,
            [
                "版权所有", "版权声明", "ICP", "备案", "许可证", "Copyright", "copyright", "©", "不良信息举报", "联系我们", "关于我们",
                "免责声明", "网站地图", "广告服务", "公网安备", "隐私政策", "用户协议", "All Rights Reserved", "服务条款",
                "意见反馈", "违法和不良", "请勿转载", "禁止转载", "未经授权", "未经许可", "版權所有", "關於我們", "私隱政策", "隱私權政策", "服務條款", "聯絡我們",
            ]
        ),
        (.ad, ["广告", "推广", "赞助", "廣告", "贊助"]),
        (.caption, ["视频简介", "内容简介", "节目简介", "图片来源", "[图片]", "图集"]),
        (
            .comment,
            [
                "评论", "网友评论", "跟帖", "我来说两句", "回复", "写回答", "添加评论", "条回答", "人赞同", "更多回答", "楼主", "沙发", "只看该作者", "評論", "回覆",
                "留言",
            ]
        ),
        (.navigation, ["首页", "导航", "频道大全", "栏目大全", "当前位置", "您的位置", "你的位置", "位置：", "更多>>", "返回", "首頁"]),
    ]

    private static let phrases = PhraseSet(table.flatMap { entry in entry.1.map { Array($0.utf8) } })
    private static let kinds: [RemovalKind] = table.flatMap { entry in entry.1.map { _ in entry.0 } }

    /// What the cue phrases in one line say.
    struct Match: Sendable, Equatable {
        /// The role of the first cue phrase, scanning left to right.
        var role: RemovalKind
        /// How many cue phrases the line holds (`点赞 收藏 客户端看` has three).
        var count: Int
        /// Bytes of the line the cue phrases take.
        var bytes: Int
        /// The line starts with the cue as a label (`视频简介：…`, `版权声明：…`).
        var isLabel: Bool
    }

    /// The cue phrases in `p[range]`; `nil` when the line holds none.
    static func match(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Match? {
        var found: Match?
        var i = range.lowerBound
        while i < range.upperBound {
            if phrases.firstBytes[p[i]], let k = phrases.longestMatch(p, i..<range.upperBound) {
                if found == nil {
                    let after = i + phrases.phrases[k].count
                    let label =
                        i == range.lowerBound
                        && (ByteMatch.hasPrefix(p, after..<range.upperBound, colon)
                            || ByteMatch.hasPrefix(p, after..<range.upperBound, fullColon))
                    found = Match(role: kinds[k], count: 0, bytes: 0, isLabel: label)
                }
                found?.count += 1
                found?.bytes += phrases.phrases[k].count
                i += phrases.phrases[k].count
                continue
            }
            i += UTF8Scalar.length(lead: p[i])
        }
        return found
    }

    private static let colon: [UInt8] = Array(":".utf8)
    private static let fullColon: [UInt8] = Array("：".utf8)
}
