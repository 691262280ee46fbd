/// Identifies an article's language from its text alone, with nothing to download: the
/// scripts of its letters first, then, within a script, a character n-gram model.
///
/// - Han with kana is `ja`; Han alone `zh`; hangul `ko`. (Japanese writes kana in nearly
///   every sentence; Chinese pages quote a kana word now and then.)
/// - Latin, Cyrillic and Arabic text goes to ``CharacterNGramModel``, which knows several
///   languages of each script (``LanguageSamples``) and reports `en`, `ru` or `ar` when
///   those win, `other` when a language Winnow does not report wins (French, Ukrainian,
///   Persian, …).
///
/// The score is the share of letters in the deciding script, times the model's posterior
/// for the reported answer (1 for a script that decides alone), times a length factor
/// (under 20 letters, evidence is thin).
enum LanguageIdentifier {
    /// The languages reported by name; any other language is `other`.
    static let reported: Set<String> = ["zh", "en", "ja", "ko", "ru", "ar"]

    /// Letters by script: Han, kana, hangul and Latin as ``ScalarClass`` has them; its
    /// `otherLetter` class split into Cyrillic, Arabic (the letters, not the signs) and the
    /// rest (``CharacterTally`` counts them).
    struct Counts: Sendable {
        var han = 0, kana = 0, hangul = 0, latin = 0, cyrillic = 0, arabic = 0, otherLetters = 0

        var letters: Int { han + kana + hangul + latin + cyrillic + arabic + otherLetters }
    }

    /// The language and its score for an article with letter counts `c` and text
    /// `paragraphs` (read only when the script leaves the answer open).
    static func identify(_ c: Counts, paragraphs: [String]) -> (language: String, score: Double) {
        let letters = c.letters
        guard letters > 0 else { return ("other", 0) }
        let length = min(1, Double(letters) / 20)
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
        case .cjk: language = c.kana >= 2 && c.kana * 100 >= cjk * 12 ? "ja" : "zh"
        case .hangul: language = "ko"
        case .latin: (language, evidence) = modelled(.latin, paragraphs)
        case .cyrillic: (language, evidence) = modelled(.cyrillic, paragraphs)
        case .arabic: (language, evidence) = modelled(.arabic, paragraphs)
        case .other: break
        }
        return (language, Double(count) / Double(letters) * evidence * length)
    }

    /// The model's answer as Winnow reports it: a reported language with its posterior, or
    /// `other` with the posterior of all the languages that are not reported.
    private static func modelled(_ group: CharacterNGramModel.ScriptGroup, _ paragraphs: [String]) -> (
        String, Double
    ) {
        let model = CharacterNGramModel.model(for: group)
        let posteriors = model.posteriors(paragraphs)
        var best = 0
        for l in posteriors.indices where posteriors[l] > posteriors[best] { best = l }
        let language = model.languages[best]
        if reported.contains(language) { return (language, posteriors[best]) }
        var other = 0.0
        for l in posteriors.indices where !reported.contains(model.languages[l]) { other += posteriors[l] }
        return ("other", other)
    }

    private enum Script { case cjk, hangul, latin, cyrillic, arabic, other }
}
