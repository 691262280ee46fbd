/// The page record as JSON, the output of `winnow clean`.
///
/// Format (one object; keys in this order; unknown values are `null`):
///
/// ```
/// {"id", "site", "section", "title", "updated", "views",
///  "articles": [{"id", "title", "outlet", "author", "editor", "via", "original_title",
///                "published", "paragraphs": [..], "text",
///                "noise": {"removed", "period", "confidence"}}],
///  "no_article",
///  "links": [{"title", "views"}],
///  "removed": [{"kind", "text", "start", "end"}],
///  "bytes", "invalid_utf8", "charset"}
/// ```
///
/// `text` is the paragraphs joined by `\n`. `start`/`end` are byte offsets into the page
/// after ill-formed UTF-8 was replaced by U+FFFD (`invalid_utf8` counts the replacements),
/// or of its UTF-8 decoding when `charset` names a legacy encoding (`gb18030`, `big5`).
/// Strings are UTF-8, escaped only where JSON requires it.
extension PageRecord {
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.value(id)
        w.key("site"); w.value(site)
        w.key("section"); w.value(section)
        w.key("title"); w.value(title)
        w.key("updated"); w.value(updated)
        w.key("views"); w.value(views)
        w.key("articles")
        w.beginArray()
        for article in articles { article.write(to: &w) }
        w.endArray()
        w.key("no_article"); w.value(noArticle)
        writeLinksAndRemoved(to: &w)
        w.key("bytes"); w.value(bytes)
        w.key("invalid_utf8"); w.value(invalidUTF8)
        w.key("charset"); w.value(charset)
        w.endObject()
    }

    /// Writes the `links` and `removed` members (shared by every page format).
    func writeLinksAndRemoved(to w: inout JSONWriter) {
        w.key("links")
        w.beginArray()
        for link in links {
            w.beginObject()
            w.key("title"); w.value(link.title)
            w.key("views"); w.value(link.views)
            w.endObject()
        }
        w.endArray()
        w.key("removed")
        w.beginArray()
        for span in removed {
            w.beginObject()
            w.key("kind"); w.value(span.kind.rawValue)
            w.key("text"); w.value(span.text)
            w.key("start"); w.value(span.start)
            w.key("end"); w.value(span.end)
            w.endObject()
        }
        w.endArray()
    }

    /// The record as one line of JSON (no trailing newline).
    public func json(pretty: Bool = false) -> String {
        var w = JSONWriter(pretty: pretty)
        write(to: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}

extension Article {
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.value(id)
        w.key("title"); w.value(title)
        w.key("outlet"); w.value(outlet)
        w.key("author"); w.value(author)
        w.key("editor"); w.value(editor)
        w.key("via"); w.value(via)
        w.key("original_title"); w.value(originalTitle)
        w.key("published"); w.value(published)
        w.key("paragraphs")
        w.beginArray()
        for paragraph in paragraphs { w.value(paragraph) }
        w.endArray()
        w.key("text"); w.value(joining: paragraphs, separator: 0x0A)
        w.key("noise"); noise.write(to: &w)
        w.endObject()
    }
}

extension NoiseReport {
    /// Writes `{"removed","period","confidence"}`.
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("removed"); w.value(removed)
        w.key("period"); w.value(period)
        w.key("confidence"); w.value(confidence)
        w.endObject()
    }
}
