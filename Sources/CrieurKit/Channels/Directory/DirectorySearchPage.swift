/// The directory as one offline web page (`out/directory/recherche.html`):
/// every service written in the page (so it reads without script, from a USB
/// stick or a shared folder, `file://` included), a search by word and a
/// choice of theme that hide the services that do not match.
///
/// The search ignores case and accents (« energie » finds « Énergie ») and
/// wants every word typed. The search and theme are kept in the address's
/// fragment (`recherche.html#q=chauffage&theme=logement`), so a link or a
/// bookmark opens the same results. Style and script are inline; nothing is
/// fetched. Staff text goes only through `HTML.escape` into the HTML and its
/// attributes, never into the script. Pure.
public enum DirectorySearchPage {
    public static func render(_ entries: [DirectoryEntry], organisationName: String, preparedOn: CivilDate,
                              freshness: DirectoryFreshness) -> String {
        let sorted = DirectoryThemes.sortedByName(entries)
        let themes = DirectoryThemes(entries).themes
        let title = "Trouver un service d'aide — \(organisationName)"
        var html = """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
        <title>\(HTML.escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        <header>
        <h1>\(HTML.escape(title))</h1>
        <p>\(sorted.count) services, mis à jour \(HTML.escape(FrenchDates.date(preparedOn, referenceYear: nil))). Tapez un mot, comme « chauffage » ou « logement », ou choisissez un thème.</p>
        </header>
        <main>
        <form id="recherche" role="search" action="#">
        <div class="champ">
        <label for="mots">Chercher un mot</label>
        <input id="mots" name="q" type="search" autocomplete="off">
        </div>
        <div class="champ">
        <label for="theme">Thème</label>
        <select id="theme" name="theme">
        <option value="">Tous les thèmes</option>

        """
        for theme in themes {
            html += "<option value=\"\(HTML.escape(theme.key))\">\(HTML.escape(theme.name)) (\(theme.entries.count))</option>\n"
        }
        html += """
        </select>
        </div>
        </form>
        <p id="compte" role="status" aria-live="polite">\(sorted.count) services</p>
        <ul id="services">

        """
        for entry in sorted {
            let themeKeys = " " + entry.themes.map(DirectoryThemes.key).joined(separator: " ") + " "
            html += "<li id=\"service-\(HTML.escape(entry.id))\" data-texte=\"\(HTML.escape(searchText(entry)))\" data-themes=\"\(HTML.escape(themeKeys))\">\n"
            html += "<article aria-labelledby=\"nom-\(HTML.escape(entry.id))\">\n"
            html += "<h2 id=\"nom-\(HTML.escape(entry.id))\">\(HTML.escape(entry.name))</h2>\n"
            if let organisation = entry.organisation { html += "<p class=\"organisation\">\(HTML.escape(organisation))</p>\n" }
            if let note = freshness.note(entry) { html += "<p class=\"a-verifier\">\(HTML.escape(note))</p>\n" }
            html += BodyHTML.render(entry.offer, links: .clickable) + "\n"
            html += BottinHTMLPage.details(entry)
            html += "<p class=\"themes\">Thèmes : \(HTML.escape(entry.themes.joined(separator: ", ")))</p>\n"
            html += "</article>\n</li>\n"
        }
        html += """
        </ul>
        <p id="aucun" hidden>Aucun service ne correspond. Essayez un autre mot, ou choisissez « Tous les thèmes ».</p>
        </main>
        <script>\(script)</script>
        </body>
        </html>

        """
        return html
    }

    /// What the search looks in, folded as the page's script folds what is typed.
    static func searchText(_ entry: DirectoryEntry) -> String {
        let parts = [entry.name, entry.organisation ?? "", BodyPlainText.render(entry.offer)]
            + entry.details.filter { $0.label != "Site" && $0.label != "E-mail" }.map(\.value) + entry.themes
        return NameFolding.fold(parts.joined(separator: " ").replacingOccurrences(of: "\u{2019}", with: "'"))
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static let style = """
        html { background: #fff; color: #111; }
        body { font-family: "Liberation Sans", Arial, "DejaVu Sans", sans-serif; font-size: 1.1rem; line-height: 1.5;
               max-width: 46rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.6rem; line-height: 1.2; }
        h2 { font-size: 1.25rem; margin: 0 0 .2rem; }
        form { display: flex; flex-wrap: wrap; gap: 1rem; padding: 1rem; border: 2px solid #111; border-radius: .4rem; }
        .champ { display: flex; flex-direction: column; flex: 1 1 14rem; }
        label { font-weight: bold; }
        input, select { font: inherit; padding: .4rem; border: 2px solid #111; border-radius: .3rem; background: #fff; color: #111; }
        input:focus, select:focus, a:focus { outline: 3px solid #1a4fd6; outline-offset: 2px; }
        #compte { font-weight: bold; }
        ul#services { list-style: none; padding: 0; }
        ul#services > li { border-top: 2px solid #111; padding: .8rem 0; }
        .organisation { font-style: italic; margin: 0; }
        .a-verifier { border: 2px dashed #111; padding: .1rem .4rem; display: inline-block; font-weight: bold; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .4rem 0; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        .themes { font-size: .95rem; }
        a { color: #0b3aa8; }
        """

    /// Reads the fragment, filters, writes the fragment back. No staff text here.
    private static let script = """
        (function () {
          var words = document.getElementById('mots'), theme = document.getElementById('theme');
          var items = Array.prototype.slice.call(document.querySelectorAll('#services > li'));
          var count = document.getElementById('compte'), none = document.getElementById('aucun');
          function fold(text) {
            return text.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').replace(/\\u2019/g, "'").toLowerCase();
          }
          function filter() {
            var wanted = fold(words.value).split(/\\s+/).filter(function (w) { return w.length > 0; });
            var chosen = theme.value, shown = 0;
            items.forEach(function (item) {
              var text = item.getAttribute('data-texte');
              var ok = wanted.every(function (w) { return text.indexOf(w) >= 0; })
                && (chosen === '' || item.getAttribute('data-themes').indexOf(' ' + chosen + ' ') >= 0);
              item.hidden = !ok;
              if (ok) { shown += 1; }
            });
            count.textContent = shown === 1 ? '1 service' : shown + ' services';
            none.hidden = shown > 0;
          }
          function readFragment() {
            var params = new URLSearchParams(location.hash.replace(/^#/, ''));
            words.value = params.get('q') || '';
            var wantedTheme = params.get('theme') || '';
            theme.value = Array.prototype.some.call(theme.options, function (o) { return o.value === wantedTheme; }) ? wantedTheme : '';
            filter();
          }
          function writeFragment() {
            var params = new URLSearchParams();
            if (words.value) { params.set('q', words.value); }
            if (theme.value) { params.set('theme', theme.value); }
            var fragment = params.toString();
            history.replaceState(null, '', fragment ? '#' + fragment : location.pathname + location.search);
            filter();
          }
          words.addEventListener('input', writeFragment);
          theme.addEventListener('change', writeFragment);
          document.getElementById('recherche').addEventListener('submit', function (e) { e.preventDefault(); writeFragment(); });
          window.addEventListener('hashchange', readFragment);
          readFragment();
        })();
        """
}
