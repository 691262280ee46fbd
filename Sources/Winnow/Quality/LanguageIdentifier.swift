/// Identifies an article's language from its text alone, with nothing to download: the
/// scripts of its letters, then the letters or words that tell languages of one script
/// apart.
///
/// - Han with kana is `ja`; Han alone `zh`; hangul `ko`.
/// - Cyrillic is `ru` unless letters Russian lacks appear (Ukrainian `і ї є ґ`, Belarusian
///   `ў`, Serbian and Macedonian `ђ ј љ њ ћ џ ѓ ќ ѕ`), or a long text has none of Russian's
///   `ы э`: then `other`.
/// - Arabic script is `ar` unless Persian or Urdu letters appear (`پ چ ژ گ ک ی ٹ ڈ ڑ ں ے`).
/// - Latin is `en` when English function words (`the`, `of`, `and`, …) make up a share of
///   its words that only English reaches; otherwise `other`.
///
/// The score is the share of letters in the deciding script, times the strength of the
/// telling evidence, times a length factor (under 20 letters, evidence is thin). Why not a
/// character n-gram model: the languages asked for differ by script, and within a script
/// the telling letters or words above do the work; a model would need training text with a
/// licence to ship, which the repository does not have.
enum LanguageIdentifier {
    struct Counts: Sendable {
        var han = 0, kana = 0, hangul = 0, latin = 0, cyrillic = 0, arabic = 0, otherLetters = 0
        var nonRussianCyrillic = 0, russianMarkers = 0, persianLetters = 0, accentedLatin = 0
        var words = 0, englishWords = 0

        var letters: Int { han + kana + hangul + latin + cyrillic + arabic + otherLetters }

        /// Counts one scalar (call for every scalar, whitespace included, in order).
        mutating func add(_ v: UInt32) {
            switch v {
            case 0x0041...0x005A, 0x0061...0x007A: latin += 1
            case 0x00C0...0x024F:
                latin += 1
                accentedLatin += 1
            case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2FFFF, 0xF900...0xFAFF: han += 1
            case 0x3040...0x30FF, 0x31F0...0x31FF: kana += 1
            case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: hangul += 1
            case 0x0400...0x04FF:
                cyrillic += 1
                switch v {
                case 0x0456, 0x0457, 0x0454, 0x0491, 0x045E, 0x0452, 0x0458, 0x0459, 0x045A, 0x045B, 0x045F,
                    0x0453, 0x045C, 0x0455:
                    nonRussianCyrillic += 1
                case 0x044B, 0x044D: russianMarkers += 1
                default: break
                }
            case 0x0600...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
                if (0x0621...0x064A).contains(v) || (0x0671...0x06D3).contains(v) { arabic += 1 }
                switch v {
                case 0x067E, 0x0686, 0x0698, 0x06AF, 0x06A9, 0x06CC, 0x0679, 0x0688, 0x0691, 0x06BA, 0x06D2:
                    persianLetters += 1
                default: break
                }
            case 0x0370...0x03FF, 0x0590...0x05FF, 0x0900...0x0DFF, 0x0E00...0x0EFF:
                otherLetters += 1
            default: break
            }
        }

        /// Counts the ASCII words of `text` and how many are English function words.
        mutating func addWords(_ text: Substring.UTF8View) {
            var word: [UInt8] = []
            func flush() {
                guard !word.isEmpty else { return }
                words += 1
                if LanguageIdentifier.englishWords.contains(word) { englishWords += 1 }
                word.removeAll(keepingCapacity: true)
            }
            for b in text {
                if (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) {
                    word.append(b | 0x20)
                    if word.count > 8 { word = [0] }  // no function word is that long
                } else {
                    flush()
                }
            }
            flush()
        }
    }

    /// The language and its score for `counts`.
    static func identify(_ c: Counts) -> (language: String, score: Double) {
        let letters = c.letters
        guard letters > 0 else { return ("other", 0) }
        let length = min(1, Double(letters) / 20)
        func share(_ n: Int) -> Double { Double(n) / Double(letters) }
        let cjk = c.han + c.kana
        // The script with the most letters; the first listed wins a tie. (No array of
        // tuples: this runs once per article.)
        var script = Script.cjk
        var count = cjk
        func consider(_ candidate: Script, _ n: Int) {
            if n > count {
                script = candidate
                count = n
            }
        }
        consider(.hangul, c.hangul)
        consider(.latin, c.latin)
        consider(.cyrillic, c.cyrillic)
        consider(.arabic, c.arabic)
        consider(.other, c.otherLetters)
        var language = "other"
        var evidence = 1.0
        switch script {
        case .cjk:
            // Japanese writes kana in nearly every sentence (a third or more of its CJK
            // characters); Chinese pages quote a kana word now and then.
            language = c.kana >= 2 && c.kana * 100 >= cjk * 12 ? "ja" : "zh"
        case .hangul:
            language = "ko"
        case .cyrillic:
            let foreign = c.nonRussianCyrillic * 200 >= count
            let missing = count >= 200 && c.russianMarkers == 0
            language = foreign || missing ? "other" : "ru"
        case .arabic:
            language = c.persianLetters * 100 >= count ? "other" : "ar"
        case .latin:
            let rate = c.words == 0 ? 0 : Double(c.englishWords) / Double(c.words)
            // English prose runs at 35-50% function words; French, German, Spanish share a
            // few (`in`, `was`, `so`) and stay under 10%.
            if rate >= 0.15, c.accentedLatin * 50 < c.latin {
                language = "en"
                evidence = min(1, rate / 0.3)
            } else {
                evidence = min(1, max(0.5, 1 - rate / 0.15))
            }
        case .other:
            break
        }
        return (language, share(count) * evidence * length)
    }

    private enum Script { case cjk, hangul, latin, cyrillic, arabic, other }

    /// Frequent English function words (lowercase ASCII).
    static let englishWords: Set<[UInt8]> = Set(
        [
            "the", "of", "and", "to", "in", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on", "not",
            "he", "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "had", "they", "you",
            "were", "their", "one", "all", "we", "can", "her", "has", "there", "been", "if", "more", "when",
            "will", "would", "who", "she", "its", "these", "what", "them", "than", "some", "him", "into", "only",
            "could", "our", "also", "after", "how", "many", "said", "about", "should", "those", "because", "while",
        ].map { Array($0.utf8) })
}
