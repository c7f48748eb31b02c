/// The bottin as a print-ready web page (`out/directory/bottin.html`): the
/// table of themes, one section per theme with every service of that theme
/// printed in full (a reader browsing « Logement » finds everything there),
/// then the index of services by name with the themes they are under. A4
/// pages, black on white, no script, nothing from the internet.
///
/// Pure. Every piece of staff text goes through `HTML.escape`; only http(s),
/// mailto and tel links are live.
public enum BottinHTMLPage {
    public static func render(_ bottin: Bottin) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(bottin.title))</title>
        <style>
        @page { size: A4; margin: 2cm; }
        html { background: #fff; color: #000; }
        body { font-family: Georgia, "Liberation Serif", "DejaVu Serif", serif; font-size: 11.5pt; line-height: 1.45;
               max-width: 17cm; margin: 1.5em auto; padding: 0 1em; }
        h1, h2, h3 { font-family: "Liberation Sans", Arial, "DejaVu Sans", sans-serif; line-height: 1.2; }
        h1 { font-size: 22pt; margin: 0 0 .2em; }
        h2 { font-size: 16pt; border-bottom: 2pt solid #000; padding-bottom: .1em; margin: 1.5em 0 .6em; break-after: avoid; }
        h3 { font-size: 13pt; margin: 0 0 .2em; break-after: avoid; }
        article { border-left: 3pt solid #000; padding-left: .8em; margin: 0 0 1.2em; break-inside: avoid; }
        .organisation { margin: 0 0 .3em; font-style: italic; }
        dl { margin: .4em 0 0; display: grid; grid-template-columns: max-content 1fr; gap: .1em .8em; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        .a-verifier { border: 1.5pt dashed #000; padding: .1em .4em; display: inline-block; font-weight: bold; }
        nav ol, .index { padding-left: 1.2em; }
        .index li { margin: .15em 0; }
        a { color: #000; }
        @media print { body { margin: 0; padding: 0; max-width: none; } section.theme { break-before: page; } }
        </style>
        </head>
        <body>
        <header>
        <h1>\(HTML.escape(bottin.title))</h1>
        <p>\(HTML.escape(bottin.preparedLine))</p>
        </header>
        <main>
        <nav aria-labelledby="sommaire">
        <h2 id="sommaire">Thèmes</h2>
        <ol>

        """
        for theme in bottin.themes {
            html += "<li><a href=\"#theme-\(theme.number)\">\(HTML.escape(theme.name))</a> (\(theme.entries.count))</li>\n"
        }
        html += "</ol>\n</nav>\n"
        for theme in bottin.themes {
            html += "<section class=\"theme\" aria-labelledby=\"theme-\(theme.number)\">\n"
            html += "<h2 id=\"theme-\(theme.number)\">\(HTML.escape(Bottin.heading((theme.number, theme.name))))</h2>\n"
            for entry in theme.entries {
                html += article(entry, anchor: "t\(theme.number)-\(entry.id)", note: bottin.staleNotes[entry.id])
            }
            html += "</section>\n"
        }
        html += "<section aria-labelledby=\"index\">\n<h2 id=\"index\">Index des services</h2>\n<ul class=\"index\">\n"
        for row in bottin.index {
            let links = row.themes.map { "<a href=\"#t\($0.number)-\(HTML.escape(row.entryID))\">\(HTML.escape(Bottin.heading($0)))</a>" }
            html += "<li><strong>\(HTML.escape(row.name))</strong>"
                + (row.organisation.map { " (\(HTML.escape($0)))" } ?? "") + " — " + links.joined(separator: ", ") + "</li>\n"
        }
        return html + "</ul>\n</section>\n</main>\n</body>\n</html>\n"
    }

    static func article(_ entry: DirectoryEntry, anchor: String, note: String?) -> String {
        var html = "<article id=\"\(HTML.escape(anchor))\">\n<h3>\(HTML.escape(entry.name))</h3>\n"
        if let organisation = entry.organisation { html += "<p class=\"organisation\">\(HTML.escape(organisation))</p>\n" }
        if let note { html += "<p class=\"a-verifier\">\(HTML.escape(note))</p>\n" }
        html += BodyHTML.render(entry.offer, links: .clickable) + "\n"
        html += details(entry)
        return html + "</article>\n"
    }

    /// The practical lines as a description list.
    static func details(_ entry: DirectoryEntry) -> String {
        let details = entry.details
        guard !details.isEmpty else { return "" }
        var html = "<dl>\n"
        for detail in details {
            let value = Bottin.link(label: detail.label, value: detail.value)
                .map { "<a href=\"\(HTML.escape($0))\">\(HTML.escape(detail.value))</a>" } ?? HTML.escape(detail.value)
            html += "<dt>\(HTML.escape(detail.label))</dt><dd>\(value)</dd>\n"
        }
        return html + "</dl>\n"
    }
}
