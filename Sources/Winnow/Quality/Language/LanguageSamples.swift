/// The text the character n-gram model learns from.
///
/// A few paragraphs per language, written for Winnow in each language (the same everyday
/// story told in each, so that what differs between them is the language, not the
/// topic). Nothing here comes from a corpus, so the model ships with the code and is
/// rebuilt from this text at first use, identically on every machine.
///
/// Languages are grouped by script: the model only ever chooses among the languages of the
/// script the text is written in (``LanguageIdentifier`` finds it first). A language that
/// Winnow reports as `other` is still worth a sample: it gives `other` text somewhere to go
/// other than the nearest reported language.
enum LanguageSamples {
    /// Every sample of a script group, as (language code, text).
    static func samples(for group: CharacterNGramModel.ScriptGroup) -> [(String, String)] {
        switch group {
        case .latin: latin
        case .cyrillic: cyrillic
        case .arabic: arabic
        }
    }
}
