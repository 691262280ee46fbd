// Training text for the character n-gram model: Latin-script languages. Written for
// Winnow (not taken from any corpus), so it can ship with it; see LanguageSamples.swift.

extension LanguageSamples {
    static let latin: [(String, String)] = [
        (
            "en",
            """
            When the river rose last spring, the people of the valley moved their animals to the hills and waited. \
            Nobody could remember a flood like it. The old bridge held, but the road to the market was closed for \
            three weeks, and the children walked to school along the railway instead. Now the water has gone down \
            and the town is counting what it lost. The mayor says most of the damage is to fields and fences, not \
            to houses, and that the insurance money should arrive before the summer. Farmers are less sure. They \
            have heard such promises before, and they would rather plant what they can while the soil is still \
            wet. In the meantime the school has opened its hall to families whose homes need repairs, and the \
            baker gives away the bread he cannot sell at the end of the day. It is not much, she says, but it is \
            something, and people remember who helped them. Scientists at the university think that floods of \
            this size will become more common, because the winters are warmer and the snow melts earlier than it \
            used to. They want the region to build wider channels and to leave some low fields empty, so that the \
            river has room to spread without reaching the streets. That would cost money, and it would mean that \
            some farmers have to give up land their families have worked for generations. The debate will not be \
            settled quickly. For now, the most important thing is to get the road open again, which the council \
            hopes to do by the end of the month. Meanwhile, a new library is being built near the station. It will \
            have rooms for study, a small theatre, and a garden where readers can sit when the weather is good. \
            The architect chose wood and glass because she wanted the building to feel open and friendly rather \
            than grand. Which of these plans will matter most in ten years? Ask anyone in the valley and they will \
            tell you: the ones that keep the water out of their kitchens.
            """
        ),
        (
            "fr",
            """
            Quand la rivière a débordé au printemps dernier, les habitants de la vallée ont conduit leurs bêtes \
            sur les collines et ils ont attendu. Personne ne se souvenait d'une crue pareille. Le vieux pont a \
            tenu, mais la route du marché est restée fermée pendant trois semaines, et les enfants allaient à \
            l'école en longeant la voie ferrée. Aujourd'hui l'eau s'est retirée et la commune fait le compte de \
            ses pertes. Le maire affirme que les dégâts touchent surtout les champs et les clôtures, pas les \
            maisons, et que l'argent des assurances devrait arriver avant l'été. Les agriculteurs en doutent. Ils \
            ont déjà entendu ce genre de promesses et préfèrent semer ce qu'ils peuvent pendant que la terre est \
            encore humide. En attendant, l'école a ouvert sa salle aux familles dont le logement doit être réparé, \
            et la boulangère donne le pain qu'elle n'a pas vendu à la fin de la journée. Ce n'est pas grand-chose, \
            dit-elle, mais les gens se souviennent de ceux qui les ont aidés. Les chercheurs de l'université \
            pensent que des crues de cette ampleur deviendront plus fréquentes, parce que les hivers sont plus \
            doux et que la neige fond plus tôt qu'autrefois. Ils voudraient que la région creuse des canaux plus \
            larges et laisse quelques prés bas sans culture, afin que la rivière puisse s'étendre sans atteindre \
            les rues. Cela coûterait cher, et certains paysans devraient renoncer à des terres que leur famille \
            travaille depuis des générations. Le débat ne sera pas tranché rapidement. Pour l'instant, l'essentiel \
            est de rouvrir la route, ce que le conseil municipal espère faire avant la fin du mois. Une nouvelle \
            bibliothèque est aussi en construction près de la gare, avec des salles d'étude, un petit théâtre et \
            un jardin où l'on pourra lire quand il fera beau.
            """
        ),
        (
            "de",
            """
            Als der Fluss im letzten Frühjahr über die Ufer trat, trieben die Leute im Tal ihr Vieh auf die Hügel \
            und warteten. Niemand konnte sich an ein solches Hochwasser erinnern. Die alte Brücke hielt, aber die \
            Straße zum Markt war drei Wochen lang gesperrt, und die Kinder gingen neben den Gleisen zur Schule. \
            Jetzt ist das Wasser zurückgegangen, und die Gemeinde zählt ihre Schäden. Der Bürgermeister sagt, \
            dass vor allem Felder und Zäune betroffen sind, nicht die Häuser, und dass das Geld der Versicherung \
            vor dem Sommer kommen soll. Die Bauern sind sich da nicht so sicher. Sie haben solche Versprechen \
            schon öfter gehört und wollen lieber säen, solange der Boden noch feucht ist. In der Zwischenzeit hat \
            die Schule ihre Halle für Familien geöffnet, deren Wohnungen repariert werden müssen, und die \
            Bäckerin verschenkt am Abend das Brot, das sie nicht verkaufen konnte. Das sei nicht viel, sagt sie, \
            aber die Menschen vergessen nicht, wer ihnen geholfen hat. Forscher der Universität glauben, dass \
            Hochwasser dieser Größe häufiger werden, weil die Winter wärmer sind und der Schnee früher schmilzt \
            als früher. Sie möchten, dass die Region breitere Kanäle baut und einige tief liegende Wiesen frei \
            lässt, damit sich der Fluss ausbreiten kann, ohne die Straßen zu erreichen. Das würde Geld kosten, \
            und manche Bauern müssten Land aufgeben, das ihre Familien seit Generationen bewirtschaften. Die \
            Diskussion wird nicht schnell entschieden werden. Zunächst ist es am wichtigsten, die Straße wieder \
            zu öffnen, was der Gemeinderat bis zum Ende des Monats schaffen will. Außerdem wird beim Bahnhof eine \
            neue Bücherei gebaut, mit Räumen zum Lernen, einem kleinen Theater und einem Garten, in dem man bei \
            schönem Wetter lesen kann.
            """
        ),
        (
            "es",
            """
            Cuando el río se desbordó la primavera pasada, la gente del valle llevó sus animales a las colinas y \
            esperó. Nadie recordaba una crecida así. El puente viejo aguantó, pero la carretera del mercado estuvo \
            cortada durante tres semanas y los niños iban a la escuela caminando junto a las vías del tren. Ahora \
            el agua ha bajado y el pueblo cuenta lo que ha perdido. El alcalde dice que la mayor parte de los daños \
            está en los campos y las cercas, no en las casas, y que el dinero del seguro debería llegar antes del \
            verano. Los agricultores no están tan seguros. Ya han oído promesas parecidas y prefieren sembrar lo \
            que puedan mientras la tierra siga húmeda. Mientras tanto, la escuela ha abierto su salón a las \
            familias cuyas viviendas necesitan reparaciones, y la panadera regala el pan que no ha vendido al final \
            del día. No es mucho, dice ella, pero la gente se acuerda de quién la ayudó. Los científicos de la \
            universidad creen que las inundaciones de este tamaño serán más frecuentes, porque los inviernos son \
            más cálidos y la nieve se derrite antes que hace años. Quieren que la región construya canales más \
            anchos y deje algunos prados bajos sin cultivar, para que el río tenga espacio sin llegar a las calles. \
            Eso costaría dinero, y algunos campesinos tendrían que renunciar a tierras que sus familias trabajan \
            desde hace generaciones. El debate no se resolverá pronto. Por ahora lo más importante es volver a \
            abrir la carretera, algo que el ayuntamiento espera lograr antes de que termine el mes. Además, junto \
            a la estación se está construyendo una biblioteca nueva, con salas de estudio, un pequeño teatro y un \
            jardín donde los lectores podrán sentarse cuando haga buen tiempo.
            """
        ),
        (
            "it",
            """
            Quando il fiume è straripato la primavera scorsa, gli abitanti della valle hanno portato gli animali \
            sulle colline e hanno aspettato. Nessuno ricordava una piena simile. Il vecchio ponte ha retto, ma la \
            strada per il mercato è rimasta chiusa per tre settimane e i bambini andavano a scuola camminando \
            lungo la ferrovia. Adesso l'acqua si è ritirata e il paese fa il conto dei danni. Il sindaco dice che \
            i danni riguardano soprattutto i campi e le recinzioni, non le case, e che i soldi dell'assicurazione \
            dovrebbero arrivare prima dell'estate. Gli agricoltori non ne sono così sicuri. Hanno già sentito \
            promesse del genere e preferiscono seminare quello che possono finché la terra è ancora umida. Nel \
            frattempo la scuola ha aperto la sua sala alle famiglie che devono riparare la casa, e la fornaia \
            regala il pane che non è riuscita a vendere alla fine della giornata. Non è molto, dice, ma la gente \
            si ricorda di chi l'ha aiutata. I ricercatori dell'università pensano che le piene di queste \
            dimensioni diventeranno più frequenti, perché gli inverni sono più miti e la neve si scioglie prima di \
            una volta. Vorrebbero che la regione costruisse canali più larghi e lasciasse liberi alcuni prati \
            bassi, in modo che il fiume possa allargarsi senza raggiungere le strade. Costerebbe molto, e alcuni \
            contadini dovrebbero rinunciare a terreni che le loro famiglie coltivano da generazioni. La \
            discussione non si chiuderà presto. Per ora la cosa più importante è riaprire la strada, che il \
            comune spera di riaprire entro la fine del mese. Vicino alla stazione si sta anche costruendo una \
            nuova biblioteca, con sale di studio, un piccolo teatro e un giardino dove leggere quando fa bello.
            """
        ),
        (
            "pt",
            """
            Quando o rio transbordou na primavera passada, os moradores do vale levaram os animais para as colinas \
            e ficaram à espera. Ninguém se lembrava de uma cheia assim. A ponte velha aguentou, mas a estrada do \
            mercado ficou fechada durante três semanas e as crianças iam para a escola caminhando ao lado da linha \
            do comboio. Agora a água baixou e a vila faz as contas do que perdeu. O prefeito diz que a maior parte \
            dos estragos está nos campos e nas cercas, não nas casas, e que o dinheiro do seguro deve chegar antes \
            do verão. Os agricultores não têm tanta certeza. Já ouviram promessas parecidas e preferem plantar o \
            que conseguem enquanto a terra ainda está úmida. Enquanto isso, a escola abriu o seu salão para as \
            famílias cujas casas precisam de obras, e a padeira oferece o pão que não vendeu no fim do dia. Não é \
            muito, diz ela, mas as pessoas lembram-se de quem as ajudou. Os cientistas da universidade acham que \
            cheias deste tamanho vão ser mais frequentes, porque os invernos estão mais quentes e a neve derrete \
            mais cedo do que antigamente. Querem que a região construa canais mais largos e deixe alguns prados \
            baixos sem cultivo, para que o rio tenha espaço sem chegar às ruas. Isso custaria dinheiro, e alguns \
            lavradores teriam de abrir mão de terras que as suas famílias trabalham há gerações. O debate não vai \
            terminar depressa. Por enquanto, o mais importante é reabrir a estrada, o que a câmara espera fazer \
            até o final do mês. Perto da estação também está a ser construída uma nova biblioteca, com salas de \
            estudo, um pequeno teatro e um jardim onde os leitores poderão sentar-se quando fizer bom tempo.
            """
        ),
        (
            "nl",
            """
            Toen de rivier afgelopen voorjaar buiten haar oevers trad, brachten de mensen in het dal hun vee naar \
            de heuvels en wachtten af. Niemand kon zich zo'n overstroming herinneren. De oude brug hield stand, \
            maar de weg naar de markt was drie weken afgesloten en de kinderen liepen langs het spoor naar school. \
            Nu is het water gezakt en telt het dorp wat het kwijt is. De burgemeester zegt dat vooral de velden en \
            de hekken schade hebben, niet de huizen, en dat het geld van de verzekering voor de zomer moet komen. \
            De boeren zijn daar niet zo zeker van. Ze hebben zulke beloften vaker gehoord en zaaien liever wat ze \
            kunnen zolang de grond nog vochtig is. Intussen heeft de school haar zaal opengesteld voor gezinnen \
            van wie het huis hersteld moet worden, en de bakker geeft aan het eind van de dag het brood weg dat ze \
            niet heeft verkocht. Het is niet veel, zegt ze, maar mensen onthouden wie hen geholpen heeft. \
            Onderzoekers van de universiteit denken dat overstromingen van deze omvang vaker zullen voorkomen, \
            omdat de winters warmer zijn en de sneeuw eerder smelt dan vroeger. Ze willen dat de regio bredere \
            kanalen graaft en een paar lage weilanden vrij laat, zodat de rivier ruimte heeft zonder de straten te \
            bereiken. Dat zou geld kosten, en sommige boeren zouden land moeten opgeven dat hun families al \
            generaties lang bewerken. Het debat is niet snel beslecht. Voorlopig is het belangrijkste dat de weg \
            weer opengaat, wat de gemeenteraad voor het einde van de maand hoopt te doen. Bij het station wordt \
            ook een nieuwe bibliotheek gebouwd, met studieruimtes, een klein theater en een tuin waar lezers \
            kunnen zitten als het mooi weer is.
            """
        ),
        (
            "id",
            """
            Ketika sungai meluap pada musim hujan yang lalu, warga lembah membawa ternak mereka ke perbukitan dan \
            menunggu. Tidak ada yang ingat banjir sebesar itu. Jembatan tua masih bertahan, tetapi jalan menuju \
            pasar ditutup selama tiga minggu, dan anak-anak berjalan ke sekolah menyusuri rel kereta api. Sekarang \
            air sudah surut dan desa mulai menghitung kerugiannya. Kepala desa mengatakan bahwa sebagian besar \
            kerusakan terjadi di sawah dan pagar, bukan di rumah, dan bahwa uang asuransi seharusnya datang \
            sebelum musim kemarau. Para petani tidak begitu yakin. Mereka sudah sering mendengar janji seperti \
            itu dan lebih suka menanam apa yang bisa ditanam selagi tanahnya masih basah. Sementara itu, sekolah \
            membuka aulanya untuk keluarga yang rumahnya perlu diperbaiki, dan penjual roti membagikan roti yang \
            tidak terjual pada akhir hari. Memang tidak banyak, katanya, tetapi orang akan selalu ingat siapa \
            yang menolong mereka. Para peneliti dari universitas berpendapat bahwa banjir sebesar ini akan lebih \
            sering terjadi, karena cuaca semakin panas dan hujan turun lebih deras daripada dulu. Mereka ingin \
            pemerintah daerah membangun saluran yang lebih lebar dan membiarkan beberapa lahan rendah tetap \
            kosong, supaya sungai punya ruang tanpa mencapai jalan-jalan kota. Hal itu memerlukan biaya, dan \
            sebagian petani harus melepaskan tanah yang sudah digarap keluarga mereka selama beberapa generasi. \
            Perdebatan ini tidak akan selesai dengan cepat. Untuk saat ini, yang paling penting adalah membuka \
            kembali jalan tersebut, yang diharapkan dapat dilakukan sebelum akhir bulan. Di dekat stasiun juga \
            sedang dibangun perpustakaan baru dengan ruang belajar, sebuah teater kecil, dan taman tempat para \
            pembaca dapat duduk ketika cuaca cerah.
            """
        ),
        (
            "tr",
            """
            Geçen ilkbaharda nehir taştığında vadideki insanlar hayvanlarını tepelere çıkardı ve beklemeye \
            başladı. Kimse böyle bir sel hatırlamıyordu. Eski köprü dayandı, ama pazara giden yol üç hafta boyunca \
            kapalı kaldı ve çocuklar okula demiryolunun kenarından yürüyerek gitti. Şimdi sular çekildi ve kasaba \
            kayıplarını sayıyor. Belediye başkanı, hasarın çoğunun evlerde değil tarlalarda ve çitlerde olduğunu, \
            sigorta parasının da yazdan önce gelmesi gerektiğini söylüyor. Çiftçiler bundan pek emin değil. Böyle \
            sözleri daha önce de duymuşlar ve toprak hâlâ nemliyken ekebildiklerini ekmeyi tercih ediyorlar. Bu \
            arada okul, evleri onarılması gereken ailelere salonunu açtı; fırıncı kadın da günün sonunda \
            satamadığı ekmekleri dağıtıyor. Çok bir şey değil, diyor, ama insanlar kendilerine kimin yardım \
            ettiğini unutmuyor. Üniversitedeki araştırmacılar bu büyüklükteki sellerin daha sık görüleceğini \
            düşünüyor, çünkü kışlar daha ılık geçiyor ve kar eskisinden daha erken eriyor. Bölgenin daha geniş \
            kanallar yapmasını ve bazı alçak çayırları boş bırakmasını istiyorlar; böylece nehir sokaklara \
            ulaşmadan yayılabilir. Bunun bir maliyeti olur ve bazı çiftçiler ailelerinin kuşaklardır işlediği \
            topraklardan vazgeçmek zorunda kalır. Tartışma çabuk bitmeyecek. Şimdilik en önemli iş yolu yeniden \
            açmak; belediye meclisi bunu ay sonuna kadar yapmayı umuyor. İstasyonun yanında ayrıca yeni bir \
            kütüphane yapılıyor: çalışma odaları, küçük bir tiyatro ve hava güzel olduğunda okurların \
            oturabileceği bir bahçe olacak.
            """
        ),
        (
            "pl",
            """
            Kiedy zeszłej wiosny rzeka wylała, mieszkańcy doliny zaprowadzili zwierzęta na wzgórza i czekali. \
            Nikt nie pamiętał takiej powodzi. Stary most wytrzymał, ale droga na targ była zamknięta przez trzy \
            tygodnie, a dzieci chodziły do szkoły wzdłuż torów kolejowych. Teraz woda opadła i miasteczko liczy \
            straty. Burmistrz twierdzi, że najbardziej ucierpiały pola i ogrodzenia, a nie domy, i że pieniądze z \
            ubezpieczenia powinny przyjść przed latem. Rolnicy nie są tego tacy pewni. Słyszeli już podobne \
            obietnice i wolą siać to, co się da, dopóki ziemia jest jeszcze wilgotna. Tymczasem szkoła otworzyła \
            swoją salę dla rodzin, których domy wymagają naprawy, a piekarka rozdaje pod koniec dnia chleb, \
            którego nie sprzedała. To niewiele, mówi, ale ludzie pamiętają, kto im pomógł. Naukowcy z uniwersytetu \
            uważają, że powodzie tej wielkości będą coraz częstsze, ponieważ zimy są cieplejsze, a śnieg topnieje \
            wcześniej niż dawniej. Chcieliby, żeby region zbudował szersze kanały i zostawił niektóre niskie łąki \
            puste, tak aby rzeka miała miejsce i nie docierała do ulic. To kosztowałoby pieniądze, a część \
            gospodarzy musiałaby oddać ziemię, którą ich rodziny uprawiają od pokoleń. Spór szybko się nie \
            skończy. Na razie najważniejsze jest ponowne otwarcie drogi, co rada gminy chce zrobić do końca \
            miesiąca. Przy dworcu powstaje też nowa biblioteka z salami do nauki, małym teatrem i ogrodem, w \
            którym czytelnicy będą mogli usiąść, gdy będzie ładna pogoda.
            """
        ),
        (
            "vi",
            """
            Khi con sông tràn bờ vào mùa xuân năm ngoái, người dân trong thung lũng đưa gia súc lên đồi và chờ \
            đợi. Không ai nhớ đã từng có trận lũ nào như thế. Cây cầu cũ vẫn đứng vững, nhưng con đường ra chợ bị \
            đóng suốt ba tuần, và trẻ em phải đi bộ dọc theo đường sắt để đến trường. Bây giờ nước đã rút và thị \
            trấn đang đếm những gì đã mất. Ông thị trưởng nói rằng phần lớn thiệt hại là ở ruộng đồng và hàng rào, \
            không phải nhà cửa, và tiền bảo hiểm sẽ đến trước mùa hè. Nông dân thì không chắc như vậy. Họ đã nghe \
            những lời hứa như thế nhiều lần và muốn gieo trồng những gì có thể khi đất vẫn còn ẩm. Trong lúc đó, \
            nhà trường đã mở hội trường cho các gia đình có nhà cần sửa chữa, còn bà chủ tiệm bánh thì cho đi \
            số bánh mì không bán hết vào cuối ngày. Bà nói rằng điều đó không nhiều, nhưng mọi người sẽ nhớ ai đã \
            giúp đỡ mình. Các nhà khoa học ở trường đại học cho rằng những trận lũ lớn như vậy sẽ xảy ra thường \
            xuyên hơn, vì mùa đông ấm hơn và tuyết tan sớm hơn trước. Họ muốn tỉnh xây những con kênh rộng hơn và \
            để trống một số cánh đồng thấp, để dòng sông có chỗ lan ra mà không tràn vào đường phố. Việc đó sẽ \
            tốn kém, và một số nông dân sẽ phải từ bỏ mảnh đất mà gia đình họ đã canh tác qua nhiều thế hệ. Cuộc \
            tranh luận sẽ không kết thúc sớm. Trước mắt, việc quan trọng nhất là mở lại con đường, điều mà hội \
            đồng hy vọng làm được trước cuối tháng. Gần nhà ga, một thư viện mới cũng đang được xây dựng, với \
            phòng học, một nhà hát nhỏ và một khu vườn nơi người đọc có thể ngồi khi trời đẹp.
            """
        ),
    ]
}
