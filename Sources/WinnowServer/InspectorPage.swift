/// The web inspector at `GET /`: one page, no build step, no external assets.
///
/// Paste or upload a page; it is sent to `POST /v1/clean`, and the page shows the articles
/// with their metadata, the original text with every removed span highlighted by kind (the
/// injected characters in place), the link list as a table, and counts. `#text=…` in the
/// address fills and submits the form (for links and for the browser test).
enum InspectorPage {
    static let html = #"""
        <!doctype html>
        <html lang="zh">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Winnow inspector</title>
        <style>
        body { font-family: system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
               margin: 0; padding: 1rem; max-width: 70rem; margin-inline: auto; line-height: 1.6; color: #222; }
        h1 { font-size: 1.3rem; margin: 0 0 .5rem; } h2 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
        textarea { width: 100%; box-sizing: border-box; min-height: 10rem; font: inherit; }
        .row { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .5rem 0; }
        button { font: inherit; padding: .3rem 1rem; }
        .source { white-space: pre-wrap; word-break: break-all; border: 1px solid #ccc; padding: .6rem;
                  background: #fafafa; }
        mark { border-radius: 3px; padding: 0 1px; }
        .k-injected-noise, .k-byte-order-mark { background: #e53935; color: #fff; }
        .k-page-header, .k-navigation, .k-pager, .k-copyright, .k-markup { background: #ddd; color: #555; }
        .k-duplicate-byline, .k-repeated-text { background: #e1bee7; }
        .k-fold-marker, .k-source-footer { background: #ffcdd2; }
        .k-keyword-stuffing { background: #cfd8dc; text-decoration: line-through; }
        .k-link-list, .k-related-links { background: #bbdefb; }
        .k-login, .k-share, .k-comment { background: #b2ebf2; }
        .k-ad { background: #ffab91; }
        .k-caption, .k-outside-article { background: #c8e6c9; }
        .legend mark { display: inline-block; margin: .1rem .2rem; }
        .article { border-left: 4px solid #43a047; padding-left: .8rem; margin: .8rem 0; }
        .meta { color: #555; font-size: .9rem; }
        table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #ccc; padding: .2rem .4rem; }
        .error { color: #b71c1c; }
        </style>
        </head>
        <body>
        <h1>Winnow inspector</h1>
        <p>Paste a page (plain text, as in a WET record) or open a file; Winnow returns its articles and marks every
        span it removed.</p>
        <form id="form">
        <textarea id="text" placeholder="页面文本…"></textarea>
        <div class="row"><input type="file" id="file" accept=".txt,text/plain"><button type="submit">Clean</button>
        <span id="status"></span></div>
        </form>
        <div id="result"></div>
        <script>
        const kinds = ["injected-noise","page-header","duplicate-byline","repeated-text","fold-marker","source-footer","keyword-stuffing",
          "link-list","navigation","login","share","related-links","pager","copyright","ad","caption","comment","markup",
          "outside-article","byte-order-mark"];
        const inline = (kind) => kind === "injected-noise" || kind === "byte-order-mark";
        const $ = (id) => document.getElementById(id);
        const esc = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({"&":"&amp;","<":"&lt;",">":"&gt;","\"":"&quot;"}[c]));
        $("file").addEventListener("change", async (e) => { const f = e.target.files[0]; if (f) $("text").value = await f.text(); });
        $("form").addEventListener("submit", (e) => { e.preventDefault(); clean($("text").value); });

        async function clean(text) {
          $("status").textContent = "…";
          const response = await fetch("/v1/clean", {method: "POST", headers: {"content-type": "text/plain; charset=utf-8"}, body: text});
          const body = await response.json();
          $("status").textContent = "";
          if (!response.ok) { $("result").innerHTML = `<p class="error" id="error">${esc(body.error)}: ${esc(body.message)}</p>`; return; }
          render(text, body);
        }

        // Marks the source: each byte gets the kind of the span covering it (injected noise
        // last, so it shows inside the blocks around it), then runs of one kind become one element.
        function markedSource(text, removed) {
          const bytes = new TextEncoder().encode(text);
          const kindOf = new Int16Array(bytes.length).fill(-1);
          const order = [...removed].sort((a, b) => inline(a.kind) - inline(b.kind));
          for (const span of order) kindOf.fill(kinds.indexOf(span.kind), span.start, Math.min(span.end, bytes.length));
          const decoder = new TextDecoder();
          let html = "", start = 0;
          for (let i = 1; i <= bytes.length; i++) {
            if (i < bytes.length && kindOf[i] === kindOf[start]) continue;
            const piece = esc(decoder.decode(bytes.subarray(start, i)));
            const k = kindOf[start];
            html += k < 0 ? piece : `<mark class="k-${kinds[k]}" title="${kinds[k]}">${piece}</mark>`;
            start = i;
          }
          return html;
        }

        function render(text, record) {
          const counts = {};
          for (const span of record.removed) counts[span.kind] = (counts[span.kind] || 0) + 1;
          let html = `<h2>Articles (<span id="article-count">${record.articles.length}</span>)</h2>`;
          if (record.no_article) html += `<p class="meta">No article: ${esc(record.no_article)}</p>`;
          for (const a of record.articles) {
            html += `<div class="article"><h3>${esc(a.title ?? "(untitled)")}</h3><p class="meta">`
              + [["outlet", a.outlet], ["author", a.author], ["editor", a.editor], ["via", a.via], ["published", a.published]]
                .filter(([, v]) => v).map(([k, v]) => `${k}: ${esc(v)}`).join(" · ")
              + ` · injected characters removed: ${a.noise.removed}</p>`
              + a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join("") + `</div>`;
          }
          if (record.links.length) {
            html += `<h2>Link list</h2><table id="links"><tr><th>headline</th><th>views</th></tr>`
              + record.links.map((l) => `<tr><td>${esc(l.title)}</td><td>${l.views ?? ""}</td></tr>`).join("") + `</table>`;
          }
          html += `<h2>Removed</h2><p class="legend" id="counts">`
            + Object.entries(counts).map(([k, n]) => `<mark class="k-${k}">${k}</mark> ${n}`).join(" ")
            + `</p><h2>Page as Winnow read it</h2><div class="source" id="source">${markedSource(text, record.removed)}</div>`;
          $("result").innerHTML = html;
        }

        if (location.hash.startsWith("#text=")) {
          $("text").value = decodeURIComponent(location.hash.slice(6));
          $("form").requestSubmit();
        }
        </script>
        </body>
        </html>
        """#
}
