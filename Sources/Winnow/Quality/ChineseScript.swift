/// Tells Simplified from Traditional Chinese by the common characters whose forms differ.
///
/// The two strings below pair about 120 frequent characters, simplified form first: `这/這`,
/// `国/國`, `说/說`, … Text with only one side's forms is that script; with both in strength,
/// `mixed`; with too few of either (a list of names, a short line), unknown.
enum ChineseScript {
    private static let simplified = Array(
        "这个们国说时会来为对发经学问开关长现进过还后动种样实应与门见听书东车马电话语请让认识记钱银买卖头线级红业华亚区岁两义乐产从众体价总战报场务队员办据万号边达运农论设历习负责变传总结构区域计划标准质检举称导师务节约续纪录观观点规划议题专业综合协调测试"
    ).map(\.unicodeScalars.first!.value)
    private static let traditional = Array(
        "這個們國說時會來為對發經學問開關長現進過還後動種樣實應與門見聽書東車馬電話語請讓認識記錢銀買賣頭線級紅業華亞區歲兩義樂產從眾體價總戰報場務隊員辦據萬號邊達運農論設歷習負責變傳總結構區域計劃標準質檢舉稱導師務節約續紀錄觀觀點規劃議題專業綜合協調測試"
    ).map(\.unicodeScalars.first!.value)

    /// One bit per scalar of the main Han block (U+4E00–U+9FFF), set for telling characters.
    ///
    /// A bitmap, not a set: this runs on every Han character of every article.
    private static let simplifiedOnly = bitmap(simplified, except: traditional)
    private static let traditionalOnly = bitmap(traditional, except: simplified)

    private static func bitmap(_ scalars: [UInt32], except other: [UInt32]) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: (0xA000 - 0x4E00) / 64)
        for v in Set(scalars).subtracting(other) where v >= 0x4E00 && v < 0xA000 {
            bits[Int(v - 0x4E00) >> 6] |= 1 << UInt64((v - 0x4E00) & 63)
        }
        return bits
    }

    /// Counts `v` if it is a telling character.
    @inline(__always)
    static func tally(_ v: UInt32, simplified s: inout Int, traditional t: inout Int) {
        guard v >= 0x4E00, v < 0xA000 else { return }
        let word = Int(v - 0x4E00) >> 6
        let bit: UInt64 = 1 << UInt64((v - 0x4E00) & 63)
        if simplifiedOnly[word] & bit != 0 {
            s += 1
        } else if traditionalOnly[word] & bit != 0 {
            t += 1
        }
    }

    /// `Hans`, `Hant`, `mixed`, or `nil` with fewer than 3 telling characters.
    static func name(simplified s: Int, traditional t: Int) -> String? {
        guard s + t >= 3 else { return nil }
        if t * 10 <= s { return "Hans" }
        if s * 10 <= t { return "Hant" }
        return "mixed"
    }
}
