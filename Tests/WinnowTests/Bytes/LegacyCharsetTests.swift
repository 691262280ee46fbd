import Testing
import WinnowTesting

@testable import Winnow

/// Row U11: GBK/GB18030 and Big5 pages are decoded, named in `charset`, and cleaned as if
/// they had been UTF-8; UTF-8 with a few damaged bytes, Latin-1 and binary are not.
struct LegacyCharsetTests {
    static let simplified = [
        "本市今年新建的三座公园将在下月对外开放，市民可以免费入园。", "科技馆周末举办机器人展览",
        "记者从交通部门了解到，新的公交线路已经开通，沿线居民出行更加方便了。他说，这是大家期待已久的事情。",
    ]
    static let traditional = [
        "本市今年新建的三座公園將在下個月對外開放，市民可以免費入園。", "科技館週末舉辦機器人展覽",
        "記者從交通部門了解到，新的公車路線已經開通，沿線居民出行更加方便了。他說，這是大家期待已久的事情。",
    ]

    static func encoded(_ text: String, as charset: LegacyCharset) throws -> [UInt8] {
        let (bytes, errors) = try #require(LegacyCharset.convert(Array(text.utf8), from: "UTF-8", to: charset.rawValue))
        try #require(errors == 0, "\(text) is not representable in \(charset)")
        return bytes
    }

    @Test(arguments: [(LegacyCharset.gb18030, simplified), (.big5, traditional)])
    func legacyPagesAreDecoded(charset: LegacyCharset, texts: [String]) throws {
        for text in texts {
            let bytes = try Self.encoded(text, as: charset)
            let record = try #require(PageCleaner().clean(bytes).record, "\(text)")
            #expect(record.charset == charset.label, "\(text)")
            #expect(record.invalidUTF8 == 0)
            #expect(record.source == Array(text.utf8))
        }
    }

    /// A generated farm page (emoji, bylines, link lists) in GB18030, which encodes every
    /// character, gives the same record as in UTF-8.
    @Test func farmPagesInGB18030CleanAsInUTF8() throws {
        for (k, page) in FarmPageGenerator.samplePages(count: 40, seed: 5).enumerated() {
            let bytes = try Self.encoded(page.text, as: .gb18030)
            let utf8 = PageCleaner().clean(Array(page.text.utf8)).record
            let legacy = PageCleaner().clean(bytes).record
            #expect(legacy?.charset == "gb18030", "page \(k)")
            #expect(legacy?.articles.map(\.text) == utf8?.articles.map(\.text), "page \(k)")
            #expect(legacy?.removed == utf8?.removed, "page \(k)")
        }
    }

    @Test func utf8WithAFewDamagedBytesStaysUTF8() throws {
        var bytes = Array(Self.simplified[2].utf8)
        bytes[4] = 0xFF
        bytes[40] = 0xC0
        let record = try #require(PageCleaner().clean(bytes).record)
        #expect(record.charset == "utf-8")
        // Replaced as the standard library replaces them, not decoded as GB18030 or Big5.
        let replacements = String(decoding: bytes, as: UTF8.self).unicodeScalars.filter { $0 == "\u{FFFD}" }.count
        #expect(replacements > 2)
        #expect(record.invalidUTF8 == replacements)
    }

    @Test func latin1AndBinaryAreNotReadAsChinese() {
        // "Le café était fermé à midi, naïve idée." in Latin-1: lone high bytes.
        let latin1: [UInt8] =
            Array("Le caf".utf8) + [0xE9] + Array(" ".utf8) + [0xE9] + Array("tait ferm".utf8)
            + [0xE9, 0x20, 0xE0] + Array(" midi, na".utf8) + [0xEF] + Array("ve id".utf8) + [0xE9, 0x65, 0x2E]
        #expect(LegacyCharset.decode(latin1, replaced: 7) == nil)
        var random = SplitMix64(seed: 3)
        for _ in 0..<50 {
            let bytes = (0..<400).map { _ in UInt8(truncatingIfNeeded: random.next() | 1) }
            let replaced = UTF8Repair.repairing(bytes).replaced
            #expect(LegacyCharset.decode(bytes, replaced: replaced) == nil)
        }
    }
}
