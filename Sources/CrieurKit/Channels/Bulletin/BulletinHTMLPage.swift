/// The draft as a print-ready web page (`AAAA-Tn.html`): A4 pages with
/// margins, a serif text face at reading size, sans-serif headings, the
/// summary in a box at the top, one article per section. Self-contained: no
/// script, no external style, font or picture (the picture note names the
/// file). Every piece of item text is escaped; only allowed links are live.
public enum BulletinHTMLPage {
    public static func render(_ draft: BulletinDraft) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(draft.title))</title>
        <style>
        @page { size: A4; margin: 2cm 2cm 2.2cm 2cm; }
        html { background: #fff; color: #000; }
        body { font-family: Georgia, "Liberation Serif", "DejaVu Serif", "Times New Roman", serif;
               font-size: 11.5pt; line-height: 1.45; max-width: 17cm; margin: 1.5em auto; padding: 0 1em; }
        h1, h2, .note-title { font-family: "Liberation Sans", Arial, "DejaVu Sans", Helvetica, sans-serif; line-height: 1.2; }
        h1 { font-size: 20pt; margin: 0 0 .2em; }
        h2 { font-size: 15pt; margin: 0 0 .5em; break-after: avoid; page-break-after: avoid; }
        .prepared { margin: 0 0 1em; }
        .summary { border: 1.5pt solid #000; padding: .6em 1em; margin: 0 0 1.5em; }
        .summary ul { margin: .3em 0 0; padding-left: 1.2em; }
        article { border-top: 1pt solid #000; padding-top: 1em; margin-top: 1.5em; }
        .length, .editor { font-family: "Liberation Sans", Arial, "DejaVu Sans", sans-serif; font-size: 9.5pt; }
        .details { margin: .8em 0; }
        .details p, .contact p { margin: 0; }
        .contact { border-left: 3pt solid #000; padding-left: .8em; margin: .8em 0; break-inside: avoid; page-break-inside: avoid; }
        .editor { border: 1pt dashed #000; padding: .3em .6em; }
        a { color: #000; }
        @media print { body { margin: 0; padding: 0; max-width: none; } .summary { break-after: page; page-break-after: always; } }
        </style>
        </head>
        <body>
        <h1>\(HTML.escape(draft.title))</h1>
        <p class="prepared">Brouillon préparé par \(HTML.escape(draft.organisationName)) \(HTML.escape(FrenchDates.date(draft.preparedOn, referenceYear: nil))).</p>
        <section class="summary">
        <p class="note-title"><strong>À vérifier avant l'envoi</strong></p>
        <ul>

        """
        html += draft.summary.map { "<li>\(HTML.escape($0))</li>\n" }.joined()
        html += "</ul>\n</section>\n"
        for (index, article) in draft.articles.enumerated() {
            html += self.article(article, number: index + 1)
        }
        return html + "</body>\n</html>\n"
    }

    /// One article as the draft prints it (also the desk's preview of an item's article).
    public static func article(_ article: BulletinArticle, number: Int) -> String {
        var html = "<article>\n<p class=\"length\">Article \(number) — \(HTML.escape(BulletinDraft.number(article.characterCount))) caractères</p>\n"
        html += "<h2>\(HTML.escape(article.title))</h2>\n"
        html += body(article.body)
        if !article.details.isEmpty {
            html += "<div class=\"details\">\n"
            for detail in article.details {
                html += "<p><strong>\(HTML.escape(detail.label)) :</strong> \(detailValue(detail))</p>\n"
            }
            html += "</div>\n"
        }
        html += "<div class=\"contact\">\n" + article.contact.map { "<p>\(HTML.escape($0))</p>\n" }.joined() + "</div>\n"
        if let picture = article.picture {
            html += "<p class=\"editor\">Pour la mise en page (non imprimé) : image <strong>\(HTML.escape(picture.fileName))</strong>, "
                + "texte alternatif : « \(HTML.escape(picture.alternativeText)) »</p>\n"
        }
        return html + "</article>\n"
    }

    static func body(_ body: Body) -> String {
        body.blocks.map { block in
            switch block {
            case .paragraph(let lines):
                return "<p>" + lines.map(line).joined(separator: "<br>\n") + "</p>\n"
            case .list(let entries):
                return "<ul>\n" + entries.map { "<li>\(line($0))</li>\n" }.joined() + "</ul>\n"
            }
        }
        .joined()
    }

    static func line(_ line: Body.Line) -> String {
        line.map { inline in
            switch inline {
            case .text(let text): return HTML.escape(text)
            case .strong(let text): return "<strong>\(HTML.escape(text))</strong>"
            // Printed on paper, a link must show its address: "words (address)".
            case .link(_, let url): return link(text: BodyPlainText.render(inline: inline), url: url)
            }
        }
        .joined()
    }

    private static func detailValue(_ detail: BulletinArticle.Detail) -> String {
        detail.label == "Lien" ? link(text: detail.value, url: detail.value) : HTML.escape(detail.value)
    }

    private static func link(text: String, url: String) -> String {
        guard BulletinLink.isAllowed(url) else { return HTML.escape(text) }
        return "<a href=\"\(HTML.escape(url))\">\(HTML.escape(text))</a>"
    }
}
