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

    /// Languages of the model's scripts that Winnow does not report are `other`.
    ///
    /// The sentences are not in the model's training text (``LanguageSamples``) and share
    /// no topic with it. The old
    /// rule (English function words) called some of these English: Dutch and Indonesian
    /// use few accents, Tagalog and Swahili are in no sample at all.
    @Test(arguments: [
        ("other", "Het museum is op maandag gesloten, maar op zondag kunnen bezoekers gratis naar binnen."),
        ("other", "Pemerintah kota akan membangun dua sekolah baru dan sebuah rumah sakit tahun depan."),
        ("other", "Il treno per Milano parte alle otto e arriva poco dopo mezzogiorno."),
        ("other", "A empresa anunciou que vai contratar trezentos funcionários no próximo ano."),
        ("other", "Bu akşam stadyumda büyük bir konser var ve biletler çoktan tükendi."),
        ("other", "Wczoraj wieczorem w teatrze odbyła się premiera nowej sztuki."),
        ("other", "Chúng tôi sẽ gặp nhau ở quán cà phê gần nhà ga vào sáng mai."),
        ("other", "Утре сутринта влакът за София ще тръгне с един час закъснение."),
        ("other", "Nagpunta kami sa palengke kahapon para bumili ng isda at gulay."),
        ("other", "Watoto wengi walikwenda shuleni asubuhi licha ya mvua kubwa."),
        ("en", "Shares in the company fell sharply after it warned that profits would be lower this year."),
        ("en", "Click the button below to download the latest version of the software."),
        ("en", "Heavy rain expected across northern regions tonight"),
        ("ru", "Вчера вечером в театре показали премьеру новой пьесы молодого автора."),
        ("ar", "أعلنت الشركة أنها ستفتح ثلاثة فروع جديدة في المدينة خلال العام المقبل."),
    ])
    func tellsLanguagesOfOneScriptApart(_ expected: String, _ text: String) {
        #expect(language(text).0 == expected, "\(text)")
    }

    /// Case, accents written as combining marks, and text split over paragraphs do not
    /// change the answer; more text of one language only makes it surer.
    @Test func answerDoesNotDependOnCaseOrLayout() {
        let text = "The council will vote on the new budget next week, and most members expect it to pass."
        let (lang, score) = language(text)
        #expect(language(text.uppercased()).0 == lang)
        let paragraphs = Article(id: "p#1", paragraphs: text.split(separator: ",").map(String.init))
        var quality = QualitySignals()
        #expect(quality.signals(of: paragraphs).language == lang)
        #expect(language(text + " " + text + " " + text).1 >= score)
        // "é" as e + U+0301 reads like the precomposed letter for French.
        #expect(language("Le théâtre a été fermé pendant l\u{2019}été.").0 == "other")
        let combining = "Le the\u{301}a\u{302}tre a e\u{301}te\u{301} ferme\u{301} pendant l'e\u{301}te\u{301}."
        #expect(language(combining).0 == "other")
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
