/// The JSON Lines records of a corpus run, one object per line.
///
/// **articles/part-NNNNN.jsonl.gz** — one line per article, `id` and `text` first (the Dolma
/// and datatrove convention), then where it came from and what the page said:
/// `{"id","text","page_id","url","date","source","line","title","page_title","site",
/// "section","updated","outlet","author","editor","via","original_title","published",
/// "noise":{"removed","period","confidence"},"lang","lang_score","signals":{…}}`
/// (``ArticleSignals`` lists the signals).
///
/// **filtered/part-NNNNN.jsonl.gz** — articles a quality filter dropped, in the same format
/// with `"filter":{"name","value","threshold","language"}` at the end.
///
/// **pages/part-NNNNN.jsonl.gz** — one line per page: the page record of `winnow clean`
/// without article text (`articles` lists the article ids, `no_article` says why there are
/// none), plus `url`, `date`, `source`, `line`.
///
/// **rejects/part-NNNNN.jsonl.gz** — one line per input record that gave no page:
/// `{"source","line","byte_offset","reason","sample"}`; `sample` is the first 256 bytes of
/// the record with ill-formed UTF-8 replaced by U+FFFD.
///
/// Strings are UTF-8, escaped only where JSON requires; keys always in this order.
enum CorpusRecords {
    static func writeArticle(
        _ article: Article, of page: PageRecord, record: InputRecord, source: String, signals: ArticleSignals? = nil,
        failure: QualityFilters.Failure? = nil, to w: inout JSONWriter
    ) {
        w.beginObject()
        w.key("id"); w.value(article.id)
        w.key("text"); w.value(joining: article.paragraphs, separator: 0x0A)
        w.key("page_id"); w.value(page.id)
        writeProvenance(record, source: source, to: &w)
        w.key("title"); w.value(article.title)
        w.key("page_title"); w.value(page.title)
        w.key("site"); w.value(page.site)
        w.key("section"); w.value(page.section)
        w.key("updated"); w.value(page.updated)
        w.key("outlet"); w.value(article.outlet)
        w.key("author"); w.value(article.author)
        w.key("editor"); w.value(article.editor)
        w.key("via"); w.value(article.via)
        w.key("original_title"); w.value(article.originalTitle)
        w.key("published"); w.value(article.published)
        w.key("noise"); article.noise.write(to: &w)
        if let signals {
            w.key("lang"); w.value(signals.language)
            w.key("lang_score"); w.value(signals.languageScore)
            w.key("signals"); signals.write(to: &w)
        }
        if let failure {
            w.key("filter")
            w.beginObject()
            w.key("name"); w.value(failure.filter)
            w.key("value"); w.value(failure.value)
            w.key("threshold"); w.value(failure.threshold)
            w.key("language"); w.value(failure.language)
            w.endObject()
        }
        w.endObject()
        w.newline()
    }

    static func writePage(_ page: PageRecord, record: InputRecord, source: String, to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.value(page.id)
        writeProvenance(record, source: source, to: &w)
        w.key("site"); w.value(page.site)
        w.key("section"); w.value(page.section)
        w.key("title"); w.value(page.title)
        w.key("updated"); w.value(page.updated)
        w.key("views"); w.value(page.views)
        w.key("articles")
        w.beginArray()
        for article in page.articles { w.value(article.id) }
        w.endArray()
        w.key("no_article"); w.value(page.noArticle)
        page.writeLinksAndRemoved(to: &w)
        w.key("bytes"); w.value(page.bytes)
        w.key("invalid_utf8"); w.value(page.invalidUTF8)
        w.key("charset"); w.value(page.charset)
        w.endObject()
        w.newline()
    }

    /// `url`, `date`, `source`, `line`: where a record came from (articles and pages alike).
    private static func writeProvenance(_ record: InputRecord, source: String, to w: inout JSONWriter) {
        w.key("url"); w.value(record.url)
        w.key("date"); w.value(record.date)
        w.key("source"); w.value(source)
        w.key("line"); w.value(record.line)
    }

    static func writeReject(
        reason: String, line: Int, offset: Int, sample: [UInt8], source: String, to w: inout JSONWriter
    ) {
        w.beginObject()
        w.key("source"); w.value(source)
        w.key("line"); w.value(line)
        w.key("byte_offset"); w.value(offset)
        w.key("reason"); w.value(reason)
        w.key("sample"); w.value(String(decoding: sample.prefix(256), as: UTF8.self))
        w.endObject()
        w.newline()
    }
}
