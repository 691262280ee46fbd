/// The truth of a generated page as JSON, in the shape of a page record (the fields a
/// perfect cleaner fills), so fixtures can be read by the same code as expected outputs.
extension FarmPageGenerator.Truth {
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("site"); w.value(site)
        w.key("section"); w.value(section)
        w.key("title"); w.value(title)
        w.key("updated"); w.value(updated)
        w.key("views"); w.value(views)
        w.key("articles")
        w.beginArray()
        for article in articles {
            w.beginObject()
            w.key("title"); w.value(article.title)
            w.key("outlet"); w.value(article.outlet)
            w.key("author"); w.value(article.author)
            w.key("editor"); w.value(article.editor)
            w.key("via"); w.value(article.via)
            w.key("paragraphs")
            w.beginArray()
            for paragraph in article.paragraphs { w.value(paragraph) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("links")
        w.beginArray()
        for link in links {
            w.beginObject()
            w.key("title"); w.value(link.title)
            w.key("views"); w.value(link.views)
            w.endObject()
        }
        w.endArray()
        w.key("noise_family"); w.value(noiseFamily.name)
        w.key("period"); w.value(period)
        w.endObject()
    }
}
