import Foundation
import Testing
import WinnowTesting

/// `winnow dedup` on the output of `winnow run`.
@Suite struct DedupCommandTests {
    static func dedup(_ input: URL, jobs: Int) throws -> (out: URL, manifest: [String: Any]) {
        let out = try RunCommandTests.temporaryDirectory().appendingPathComponent("out")
        #expect(try BinaryRunner.run(["run", input.path, "-o", out.path, "-q", "-j", "\(jobs)"]).status == 0)
        let r = try BinaryRunner.run(["dedup", out.path, "-j", "\(jobs)"])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try Data(contentsOf: out.appendingPathComponent("dedup/manifest.json"))
        return (out, try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]))
    }

    /// Generated pages carry copies of Winnow's eight sample articles: eight survive.
    @Test func oneCopyOfEachArticleAndEveryArticleAccountedFor() throws {
        let input = try RunCommandTests.corpus(pages: 150)
        let (out, manifest) = try Self.dedup(input, jobs: 2)
        let articles = try #require(manifest["articles"] as? Int)
        let kept = try #require(manifest["kept"] as? Int)
        let duplicates = try #require(manifest["duplicates"] as? Int)
        #expect(articles == kept + duplicates)
        #expect(kept == 8)
        #expect(manifest["conserved"] as? Bool == true)
        let keptLines = try RunCommandTests.lines(out.appendingPathComponent("dedup"), "articles")
        let dupLines = try RunCommandTests.lines(out.appendingPathComponent("dedup"), "dups")
        #expect(keptLines.count == kept)
        #expect(dupLines.count == duplicates)
        // Every dup names a kept article.
        let keptIds = Set(
            keptLines.compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
            })
        for line in dupLines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(keptIds.contains(object["dup_of"] as? String ?? ""))
        }
    }

    @Test func sameSurvivorsAtAnyThreadCount() throws {
        let input = try RunCommandTests.corpus(pages: 100)
        let (a, _) = try Self.dedup(input, jobs: 1)
        let (b, _) = try Self.dedup(input, jobs: 2)
        for kind in ["articles", "dups"] {
            let x = try RunCommandTests.lines(a.appendingPathComponent("dedup"), kind)
            let y = try RunCommandTests.lines(b.appendingPathComponent("dedup"), kind)
            #expect(x == y)
        }
    }
}

/// Dedup is order-independent: the same records in another order and split over other files
/// give the same survivors, the same `dup_of` and the same kept texts (the property that
/// lets a cluster engine compute the same clusters, `integrations/spark`).
@Suite struct DedupOrderTests {
    /// Kept article id → text, and duplicate id → survivor id.
    static func outcome(_ out: URL) throws -> (kept: [String: String], dupOf: [String: String]) {
        var kept: [String: String] = [:]
        var dupOf: [String: String] = [:]
        for line in try RunCommandTests.lines(out.appendingPathComponent("dedup"), "articles") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            kept[try #require(object["id"] as? String)] = object["text"] as? String
        }
        for line in try RunCommandTests.lines(out.appendingPathComponent("dedup"), "dups") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            dupOf[try #require(object["id"] as? String)] = object["dup_of"] as? String
        }
        return (kept, dupOf)
    }

    @Test func shuffledInputGivesTheSameClusters() throws {
        let dir = try RunCommandTests.temporaryDirectory()
        let original = dir.appendingPathComponent("original")
        try FileManager.default.createDirectory(at: original, withIntermediateDirectories: true)
        let corpus = original.appendingPathComponent("corpus.jsonl")
        let r = try BinaryRunner.run([
            "generate", "--pages", "240", "--seed", "9", "--sources", "60", "--format", "jsonl", "--out", corpus.path,
        ])
        try #require(r.status == 0, "\(r.stderr)")
        var lines = try String(contentsOf: corpus, encoding: .utf8).split(separator: "\n").map(String.init)
        // A seeded shuffle, then three files of different sizes.
        var state: UInt64 = 12345
        for k in stride(from: lines.count - 1, to: 0, by: -1) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            lines.swapAt(k, Int((state >> 33) % UInt64(k + 1)))
        }
        let shuffled = dir.appendingPathComponent("shuffled")
        try FileManager.default.createDirectory(at: shuffled, withIntermediateDirectories: true)
        for (name, range) in [("x.jsonl", 0..<17), ("y.jsonl", 17..<150), ("z.jsonl", 150..<lines.count)] {
            try (lines[range].joined(separator: "\n") + "\n").write(
                to: shuffled.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let (a, manifest) = try DedupCommandTests.dedup(original, jobs: 1)
        let (b, _) = try DedupCommandTests.dedup(shuffled, jobs: 2)
        let x = try Self.outcome(a)
        let y = try Self.outcome(b)
        // The corpus has near-duplicates to cluster, and distinct articles to keep.
        #expect((manifest["near_duplicates"] as? Int ?? 0) > 10)
        #expect(x.kept.count > 30)
        let keptOnlyOnce = Set(x.kept.keys).symmetricDifference(y.kept.keys)
        #expect(keptOnlyOnce.isEmpty, "kept in one order only: \(keptOnlyOnce.sorted().prefix(5))")
        #expect(x.kept.filter { y.kept[$0.key] != $0.value && y.kept[$0.key] != nil }.isEmpty)
        let moved = x.dupOf.filter { y.dupOf[$0.key] != $0.value }
        #expect(
            moved.isEmpty,
            "\(moved.count) duplicates name another survivor, e.g. \(moved.sorted { $0.key < $1.key }.prefix(3))")
    }
}

/// Template lines: a short paragraph one site repeats is removed from its articles, and
/// recorded; the same paragraph on a site that uses it rarely stays.
@Suite struct TemplateLineTests {
    static let template = "关注看点快报，获取更多本地新闻。"

    static func page(site: String, title: String, body: [String]) -> String {
        let text = "\(title)\n\(site)最新热点:\(title)\n" + (body + [template]).joined(separator: " ") + "\n"
        let data = try? JSONSerialization.data(withJSONObject: ["text": text])
        return String(decoding: data ?? Data(), as: UTF8.self)
    }

    @Test func repeatedParagraphOfASiteIsRemoved() throws {
        let dir = try RunCommandTests.temporaryDirectory()
        var lines: [String] = []
        let samples: [(String, [String])] = [
            ("图书馆夜间开放", ["去年今日，市图书馆第一次在晚上十点之后亮起了阅览室的灯。", "一年过去，夜间到馆人数翻了一倍。"]),
            ("早市火了", ["清晨五点半，河边的早市已经热闹起来。", "不少年轻人专程从周边城市赶来逛早市。"]),
            ("社区食堂", ["中午十一点，社区食堂的窗口前已经排起了队。", "六十岁以上的老人还能再享受九折优惠。"]),
            ("绿道夜跑", ["每到晚上八点，滨江绿道上的跑者就多了起来。", "管理部门新增了一百二十盏路灯。"]),
            ("电梯加装", ["在城东的一个老旧小区里，第三部新装的电梯投入使用。", "如今已有六个单元提交了申请。"]),
            ("远程课堂", ["山村小学的孩子们通过屏幕和城里的老师一起上音乐课。", "学校每周能开设四节远程课程。"]),
        ]
        for round in 0..<2 {
            for (title, body) in samples {
                lines.append(Self.page(site: "某某资讯网", title: title + "\(round)", body: body + ["第\(round)版。"]))
            }
        }
        // Site B: the same line on two pages only.
        lines.append(Self.page(site: "城事在线", title: "旧书市集", body: ["周末的旧书市集回来了，摊位比去年多了一倍。"]))
        lines.append(Self.page(site: "城事在线", title: "口袋公园", body: ["家门口的口袋公园又多了三个，附近居民很满意。"]))
        let input = dir.appendingPathComponent("pages.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input)
        let out = dir.appendingPathComponent("out")
        #expect(try BinaryRunner.run(["run", input.path, "-o", out.path, "-q"]).status == 0)
        let r = try BinaryRunner.run(["dedup", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("dedup/manifest.json")))
                as? [String: Any])
        #expect(manifest["template_lines"] as? Int == 1)
        let kept = try RunCommandTests.lines(out.appendingPathComponent("dedup"), "articles")
        let records = kept.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        // Each of site A's six stories appears twice, nearly identical: six survive, and two of B.
        #expect(records.count == 8)
        for record in records {
            let text = record["text"] as? String ?? ""
            let site = record["site"] as? String
            #expect(text.contains(Self.template) == (site == "城事在线"), "\(site ?? "-"): \(text)")
        }
        #expect(manifest["template_paragraphs_removed"] as? Int == 6)
        let recorded = try RunCommandTests.lines(out.appendingPathComponent("dedup"), "templates")
        #expect(recorded.count == 6)
        #expect(recorded.allSatisfy { $0.contains(Self.template) && $0.contains("\"kind\":\"template\"") })
    }
}

/// The passes run one at a time give what they give together; `winnow run --dedup` too.
@Suite struct DedupPassTests {
    @Test func separatePassesGiveTheSameOutput() throws {
        let input = try RunCommandTests.corpus(pages: 80)
        let (together, _) = try DedupCommandTests.dedup(input, jobs: 2)
        let apart = try RunCommandTests.temporaryDirectory().appendingPathComponent("out")
        #expect(try BinaryRunner.run(["run", input.path, "-o", apart.path, "-q"]).status == 0)
        for pass in ["signatures", "clusters", "filter"] {
            let r = try BinaryRunner.run(["dedup", apart.path, "--pass", pass])
            #expect(r.status == 0, "\(pass): \(r.stderr)")
        }
        for kind in ["articles", "dups", "templates"] {
            #expect(
                try RunCommandTests.lines(together.appendingPathComponent("dedup"), kind)
                    == RunCommandTests.lines(apart.appendingPathComponent("dedup"), kind))
        }
    }

    @Test func filterBeforeClustersIsAClearError() throws {
        let input = try RunCommandTests.corpus(pages: 10)
        let out = try RunCommandTests.temporaryDirectory().appendingPathComponent("out")
        #expect(try BinaryRunner.run(["run", input.path, "-o", out.path, "-q"]).status == 0)
        let r = try BinaryRunner.run(["dedup", out.path, "--pass", "filter"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("run the signatures pass first") || r.stderr.contains("run the earlier passes first"))
    }

    @Test func runCanDedupAtTheEnd() throws {
        let input = try RunCommandTests.corpus(pages: 40)
        let out = try RunCommandTests.temporaryDirectory().appendingPathComponent("out")
        let r = try BinaryRunner.run(["run", input.path, "-o", out.path, "-q", "--dedup"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("winnow: dedup: "))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("dedup/manifest.json").path))
    }
}

/// Row J7: duplicate ids are not an error.
///
/// Identical copies under one id keep the copy first in (input path, offset) order, whatever order the paths are given in; a different
/// article under the same id is kept.
@Suite struct DuplicateIdTests {
    @Test func firstCopyInPathAndOffsetOrderSurvives() throws {
        let dir = try RunCommandTests.temporaryDirectory()
        let library = "城市图书馆夜间开放一周年。一年过去，夜间到馆人数翻了一倍，许多年轻人下班后来这里看书学习。馆长说，明年还将增加座位和自习室。"
        let buses = "新区的公交线路今天起调整，共有十二条线路受到影响。市交通局提醒市民出行前查询最新线路信息，合理安排时间。"
        try Data(#"{"id":"same","text":"\#(library)"}"#.utf8).write(to: dir.appendingPathComponent("b.jsonl"))
        try Data(
            (#"{"id":"same","text":"\#(buses)"}"# + "\n" + #"{"id":"same","text":"\#(library)"}"#).utf8
        ).write(to: dir.appendingPathComponent("a.jsonl"))
        let out = dir.appendingPathComponent("out")
        let run = try BinaryRunner.run([
            "run", dir.appendingPathComponent("b.jsonl").path, dir.appendingPathComponent("a.jsonl").path, "-o",
            out.path, "-q",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let dedup = try BinaryRunner.run(["dedup", out.path])
        #expect(dedup.status == 0, "\(dedup.stderr)")
        let kept = try RunCommandTests.lines(out.appendingPathComponent("dedup"), "articles").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(kept.count == 2)
        let survivor = try #require(kept.first { ($0["text"] as? String)?.hasPrefix("城市") == true })
        #expect((survivor["source"] as? String)?.hasSuffix("a.jsonl") == true)
        #expect(survivor["line"] as? Int == 2)
        #expect(kept.contains { ($0["text"] as? String)?.hasPrefix("新区") == true })
        #expect(try RunCommandTests.lines(out.appendingPathComponent("dedup"), "dups").count == 1)
    }
}
