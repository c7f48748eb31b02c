/// `out/facebook/index.html`: a page for staff listing the posts to publish,
/// urgent ones first, then the newest suggested date, each with its text, its
/// picture as a thumbnail, its notes, a "Copier" button that puts exactly that
/// text on the clipboard and a « Publié sur Facebook » tick that the browser
/// remembers (`localStorage`, under `FacebookIndexEntry.publicationKey`).
///
/// Self-contained (inline style and script, nothing loaded from elsewhere) so it
/// works opened straight from a shared folder. All text is escaped with
/// `HTML.escape`; the button copies the textarea's value, which the browser
/// decodes back to the exact post text. Pure; it cannot fail.
public enum FacebookIndexPage {
    /// `pictures`: the files present beside the posts; a picture not among them
    /// gets no thumbnail (nil: show every picture the notes name).
    public static func render(posts: [FacebookIndexEntry], organisationName: String, generatedAt: String,
                              pictures: Set<String>? = nil) -> String {
        let ordered = posts.sorted { a, b in
            if a.isUrgent != b.isUrgent { return a.isUrgent }
            return a.suggestedDate != b.suggestedDate ? a.suggestedDate > b.suggestedDate : a.fileName < b.fileName
        }
        let title = "Messages Facebook — " + organisationName
        var html = """
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' file:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
            <title>\(HTML.escape(title))</title>
            <style>\(style)</style>
            </head>
            <body>
            <main>
            <h1>Messages à publier sur Facebook</h1>
            <p class="intro">\(HTML.escape(organisationName)) — page mise à jour \(HTML.escape(generatedAt)).</p>
            <p class="intro">Pour chaque message : appuyez sur « Copier », puis collez le texte sur la page Facebook. \
            Lisez la note sous le texte avant de publier.</p>
            <noscript><p class="intro">Le bouton « Copier » ne marche pas ici : sélectionnez le texte, puis copiez-le.</p></noscript>

            """
        if ordered.isEmpty {
            html += "<p>Aucun message à publier pour le moment.</p>\n"
        }
        for (index, post) in ordered.enumerated() {
            html += section(post, number: index + 1, pictures: pictures)
        }
        html += """
            </main>
            <script>\(script)</script>
            </body>
            </html>

            """
        return html
    }

    private static func section(_ post: FacebookIndexEntry, number: Int, pictures: Set<String>?) -> String {
        let id = "message-\(number)"
        let hook = post.text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? post.fileName
        let lineCount = post.text.split(separator: "\n", omittingEmptySubsequences: false).count
        let rows = min(max(lineCount + 1, 4), 30)
        let notes = post.notes.split(separator: "\n").map { "<li>\(HTML.escape(String($0)))</li>" }.joined(separator: "\n")
        // The newline after <textarea> is eaten by the HTML parser, so a text
        // that starts with its own newline still arrives whole.
        return """
            <section aria-labelledby="\(id)-titre">
            <h2 id="\(id)-titre">\(HTML.escape(hook))</h2>
            \(FacebookPostFile.alert(inNotes: post.notes).map { "<p class=\"alerte\"><strong>\(HTML.escape($0))</strong></p>" } ?? "")
            \(post.isUrgent ? "<p class=\"urgent\"><strong>URGENT</strong> : à publier dès que possible.</p>" : "")
            <p class="date">À publier \(HTML.escape(FrenchSpacing.bindingNumbers(FrenchDates.date(post.suggestedDate, referenceYear: nil))))</p>
            \(thumbnail(post, pictures: pictures))
            <label for="\(id)-texte">Texte à copier</label>
            <textarea id="\(id)-texte" readonly rows="\(rows)" spellcheck="false">
            \(HTML.escape(post.text))</textarea>
            <p class="actions"><button type="button" data-copy="\(id)-texte" data-status="\(id)-etat">Copier</button>
            <span id="\(id)-etat" class="etat" role="status" aria-live="polite"></span></p>
            <p class="publie"><input type="checkbox" id="\(id)-publie" data-cle="\(HTML.escape(post.publicationKey))">
            <label for="\(id)-publie">Publié sur Facebook</label></p>
            \(notes.isEmpty ? "" : "<h3>Note pour la personne qui publie</h3>\n<ul class=\"notes\">\n\(notes)\n</ul>")
            <p class="fichier">Fichier : \(HTML.escape(post.fileName))</p>
            </section>

            """
    }

    private static func thumbnail(_ post: FacebookIndexEntry, pictures: Set<String>?) -> String {
        guard let picture = post.picture, pictures?.contains(picture.fileName) ?? true else { return "" }
        let link = HTML.escape(ScreenPage.relativeURL(picture.fileName))
        return "<p class=\"vignette\"><a href=\"\(link)\"><img src=\"\(link)\" alt=\"\(HTML.escape(picture.alternativeText))\"></a>"
            + "<br>Image à joindre : \(HTML.escape(picture.fileName))</p>"
    }

    // Large type, dark on white (contrast above 12:1), a one-column layout that
    // follows the reader's font size and fits a phone.
    private static let style = """

        html { font-size: 112.5%; }
        body { margin: 0; background: #ffffff; color: #1a1a1a; font-family: system-ui, sans-serif; line-height: 1.5; }
        main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.6rem; line-height: 1.25; }
        h2 { font-size: 1.3rem; line-height: 1.3; margin: 0 0 0.25rem; overflow-wrap: anywhere; }
        h3 { font-size: 1.05rem; margin: 1rem 0 0.25rem; }
        .intro { margin: 0.5rem 0; }
        section { border: 2px solid #5a5a5a; border-radius: 0.5rem; padding: 1rem; margin: 1.5rem 0; }
        .date { font-weight: bold; margin: 0 0 0.75rem; }
        label { display: block; font-weight: bold; }
        textarea { box-sizing: border-box; width: 100%; font: inherit; color: #1a1a1a; background: #f7f7f7;
          border: 2px solid #5a5a5a; border-radius: 0.25rem; padding: 0.5rem; resize: vertical; field-sizing: content; }
        button { font: inherit; font-weight: bold; min-height: 2.75rem; padding: 0.5rem 1.5rem; color: #ffffff;
          background: #0b4f8a; border: 2px solid #0b4f8a; border-radius: 0.4rem; cursor: pointer; }
        button:hover { background: #083a66; }
        button:focus-visible, textarea:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
        .actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; }
        .etat { font-weight: bold; color: #1d5e20; }
        .notes { padding-left: 1.25rem; overflow-wrap: anywhere; }
        .alerte { border: 3px solid #8a1c00; padding: 0.5rem 0.75rem; color: #8a1c00; background: #fff; }
        .urgent { border: 3px solid #8a1c00; padding: 0.25rem 0.75rem; color: #8a1c00; margin: 0 0 0.5rem; }
        .vignette { margin: 0 0 0.75rem; overflow-wrap: anywhere; }
        .vignette img { display: block; max-width: 12rem; max-height: 9rem; border: 1px solid #5a5a5a; }
        .publie { display: flex; align-items: center; gap: 0.5rem; font-weight: bold; }
        .publie input { width: 1.5rem; height: 1.5rem; margin: 0; }
        section.fait { border-color: #1d5e20; background: #f2f8f2; }
        .fichier { color: #4a4a4a; font-size: 0.9rem; overflow-wrap: anywhere; }

        """

    // Clipboard API first; pages opened from a shared folder (file://) may refuse
    // it, so fall back to selecting the textarea and the older copy command.
    private static let script = """

        // The « publié » ticks, remembered by this browser (storage may be refused: then they are not).
        document.querySelectorAll("input[data-cle]").forEach(function (tick) {
          var key = "crieur-facebook:" + tick.getAttribute("data-cle");
          var section = tick.closest("section");
          try { tick.checked = localStorage.getItem(key) === "oui"; } catch (error) {}
          section.classList.toggle("fait", tick.checked);
          tick.addEventListener("change", function () {
            try {
              if (tick.checked) { localStorage.setItem(key, "oui"); } else { localStorage.removeItem(key); }
            } catch (error) {}
            section.classList.toggle("fait", tick.checked);
          });
        });

        document.querySelectorAll("button[data-copy]").forEach(function (button) {
          button.addEventListener("click", function () {
            var area = document.getElementById(button.getAttribute("data-copy"));
            var status = document.getElementById(button.getAttribute("data-status"));
            var text = area.value;
            status.textContent = "";
            function tell(copied) {
              // A short pause makes screen readers announce the same words again.
              setTimeout(function () {
                status.textContent = copied ? "Copié !"
                  : "La copie n’a pas marché : sélectionnez le texte, puis copiez-le.";
              }, 100);
            }
            function copyBySelection() {
              area.focus();
              area.select();
              area.setSelectionRange(0, area.value.length);
              var copied = false;
              try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
              tell(copied);
            }
            if (navigator.clipboard && navigator.clipboard.writeText) {
              navigator.clipboard.writeText(text).then(function () { tell(true); }, copyBySelection);
            } else {
              copyBySelection();
            }
          });
        });

        """
}
