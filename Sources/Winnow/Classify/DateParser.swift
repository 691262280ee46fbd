/// Parses the publication and update times pages print: `2024-03-05 10:21`, `2024/3/5`,
/// `2024.03.05`, `2024年03月05日 10:21:09`.
///
/// The result is normalized to `YYYY-MM-DD` with ` HH:MM` or ` HH:MM:SS` when present; there
/// is no time zone (pages do not say one), so none is guessed.
enum DateParser {
    /// The normalized date at the start of `p[range]` and the offset where it ends, or `nil`.
    static func parse(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (text: String, end: Int)? {
        var i = range.lowerBound
        let end = range.upperBound
        func number(maxDigits: Int) -> Int? {
            var value = 0
            var digits = 0
            while i < end, digits < maxDigits, p[i] >= UInt8(ascii: "0"), p[i] <= UInt8(ascii: "9") {
                value = value * 10 + Int(p[i] - UInt8(ascii: "0"))
                digits += 1
                i += 1
            }
            return digits > 0 ? value : nil
        }
        func separator(_ options: [[UInt8]]) -> Bool {
            for option in options where ByteMatch.hasPrefix(p, i..<end, option) {
                i += option.count
                return true
            }
            return false
        }
        guard let year = number(maxDigits: 4), (1990...2100).contains(year) else { return nil }
        guard separator(dateSeparators), let month = number(maxDigits: 2), (1...12).contains(month) else { return nil }
        guard separator(dateSeparators), let day = number(maxDigits: 2), (1...31).contains(day) else { return nil }
        _ = separator([dayMark])
        var text = "\(year)-\(pad(month))-\(pad(day))"
        var dateEnd = i
        // Optional time, after spaces.
        while i < end, p[i] == 0x20 { i += 1 }
        if let hour = number(maxDigits: 2), hour < 24, separator(timeSeparators),
            let minute = number(maxDigits: 2), minute < 60
        {
            text += " \(pad(hour)):\(pad(minute))"
            dateEnd = i
            if separator(timeSeparators), let second = number(maxDigits: 2), second < 60 {
                text += ":\(pad(second))"
                dateEnd = i
            }
        }
        return (text, dateEnd)
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    private static let dateSeparators: [[UInt8]] = ["-", "/", ".", "年", "月"].map { Array($0.utf8) }
    private static let timeSeparators: [[UInt8]] = [":", "：", "时", "点", "分"].map { Array($0.utf8) }
    private static let dayMark: [UInt8] = Array("日".utf8)
}
