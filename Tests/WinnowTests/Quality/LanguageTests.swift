import Testing
import Winnow

/// Language identification on sentences written for these tests.
struct LanguageTests {
    private func language(_ text: String) -> (String, Double) {
        var quality = QualitySignals()
        let article = Article(id: "p#1", paragraphs: [text])
        let s = quality.signals(of: article)
        return (s.language, s.languageScore)
    }

    @Test(arguments: [
        ("zh", "今天上午，市政府召开新闻发布会，介绍了今年城市建设的主要安排。"),
        ("zh", "這個週末天氣晴朗，很多市民帶著孩子到公園散步。"),
        ("ja", "今日は朝から雨が降っていたので、私は家で本を読んでいました。"),
        ("ko", "오늘 아침에는 비가 와서 집에서 책을 읽었습니다."),
        ("ru", "Сегодня утром шёл дождь, поэтому мы остались дома и читали книги."),
        ("ar", "ذهبت إلى السوق في الصباح واشتريت الخبز والفاكهة لعائلتي."),
        ("en", "The city council met on Monday to discuss the plans for the new park and the bridge."),
        ("other", "Le conseil municipal s'est réuni lundi pour discuter des projets du nouveau parc."),
        ("other", "Der Stadtrat traf sich am Montag, um die Pläne für den neuen Park zu besprechen."),
        ("other", "El consejo de la ciudad se reunió el lunes para hablar de los planes del parque."),
        ("other", "Сьогодні вранці йшов дощ, тому ми залишилися вдома і читали книжки."),
        ("other", "امروز صبح به بازار رفتم و برای خانواده‌ام نان و میوه خریدم."),
    ])
    func identifies(_ expected: String, _ text: String) {
        let (lang, score) = language(text)
        #expect(lang == expected, "\(text)")
        #expect(score > 0.5, "\(text): score \(score)")
    }

    /// A Chinese article that quotes one Japanese word is still Chinese.
    @Test func chineseWithAKanaWordStaysChinese() {
        #expect(language("这家名叫すし的小店开在老街的拐角，每天中午都有很多上班族来吃饭，老板说生意一直不错。").0 == "zh")
    }

    /// Little text, little confidence.
    @Test func shortTextsScoreLow() {
        #expect(language("好的").1 < 0.2)
        #expect(language("").0 == "other")
    }
}
