import Foundation

/// `out/slides/index.html`, the waiting-room page, and its `version.json`.
///
/// The page is self-contained (inline style and script, system fonts, nothing
/// from the internet) and uses relative addresses only, so it works from any
/// static web server and from a shared folder (`file://`). Its script:
/// - shows the centre's name and a live French date and time;
/// - shows one slide per item between its `data-debut` and `data-fin` instants,
///   judged by the page's own clock, so an item leaves the screen the moment it
///   ends even if the server is gone; with no item, a welcome slide;
/// - keeps each slide `data-secondes` seconds (`ScreenSettings.seconds`);
/// - shrinks the text of a crowded slide (never under 48 px, see
///   `ScreenLegibility`), and if that is not enough hides its picture: the words
///   matter more; a picture that fails to load also leaves its place to the text;
/// - every `data-sonde` seconds reads `version.json` (no cache) and, only when
///   its version differs from the page's, fetches `index.html` and swaps the
///   slides in place: no navigation, so a server that vanishes halfway never
///   leaves an error page on the television; a failed fetch is ignored and the
///   last good slides stay;
/// - takes its "now" from `?maintenant=2026-12-02T10:00:00+01:00` when given,
///   then lets it run (previews and tests);
/// - keeps the last slides it showed in `localStorage`, with the moment the
///   server built them (`data-construit`): a television that restarts while
///   the server is down and gets an older copy of the page (from the browser's
///   cache, a copy on the stick) shows the newer slides it had instead;
/// - fits any screen: every size is in units of a 1080-row screen
///   (`ScreenLegibility`), so 720p, 768p, 1080p, 4K and a portrait screen all
///   show the same layout, the slide stacked under its picture on a portrait one.
///
/// The version is a hash of the page without it and without the build moment:
/// it changes exactly when what the page shows changes. All item text goes
/// through `HTML.escape`; nothing from an item reaches the script. Pure.
public enum ScreenPage {
    /// `builtAt`: when the server built the page (RFC 3339), so that a restarted
    /// page can tell an older copy of itself from the slides it kept.
    public static func render(
        slides: [Slide], organisationName: String, settings: ScreenSettings, timeZone: TimeZone, builtAt: String = ""
    ) -> (html: String, version: String) {
        let unversioned = page(slides: slides, organisationName: organisationName, settings: settings, timeZone: timeZone,
                               version: "", builtAt: "")
        let version = ContentHash.hex(unversioned)
        return (page(slides: slides, organisationName: organisationName, settings: settings, timeZone: timeZone,
                     version: version, builtAt: builtAt), version)
    }

    /// The small file the page polls.
    public static func versionFile(_ version: String) -> String {
        "{\"version\": \"\(version)\"}\n"
    }

    private static func page(
        slides: [Slide], organisationName: String, settings: ScreenSettings, timeZone: TimeZone, version: String,
        builtAt: String
    ) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' file:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'">
            <title>\(HTML.escape("Annonces — " + organisationName))</title>
            <style>\(style)</style>
            </head>
            <body data-version="\(version)" data-construit="\(HTML.escape(builtAt))" data-sonde="\(settings.pollSeconds)" data-fuseau="\(HTML.escape(timeZone.identifier))">
            <header>
            <p id="centre">\(HTML.escape(organisationName))</p>
            <p id="horloge"><span id="date"></span> <span id="heure"></span></p>
            </header>
            <main id="diapos">

            """
        for slide in slides {
            html += section(slide, imageSource: slide.image.map { relativeURL($0.fileName) })
        }
        html += """
            <section class="diapo accueil" data-secondes="\(settings.minimumSecondsPerSlide * 3)">
            <div class="texte">
            <h1>Bienvenue</h1>
            <div class="corps"><p>Installez-vous.<br>
            Une personne va vous recevoir.</p></div>
            </div>
            </section>
            </main>
            <script>\(script)</script>
            </body>
            </html>

            """
        return html
    }

    /// One slide; `imageSource`: its picture's address (a relative file name on the
    /// screen, the desk's own address in its preview). `hidden` until the script shows it.
    static func section(_ slide: Slide, imageSource: String?, hidden: Bool = true) -> String {
        var attributes = "data-debut=\"\(HTML.escape(slide.start))\""
        if let end = slide.end { attributes += " data-fin=\"\(HTML.escape(end))\"" }
        attributes += " data-secondes=\"\(slide.seconds)\""
        var html = "<section class=\"diapo\" \(attributes)\(hidden ? " hidden" : "")>\n<div class=\"texte\">\n"
        if slide.urgent { html += "<p class=\"urgent\">URGENT</p>\n" }
        html += "<h1>\(HTML.escape(slide.title))</h1>\n<div class=\"corps\">\n\(slide.bodyHTML)\n</div>\n"
        if !slide.details.isEmpty {
            html += "<dl class=\"pratique\">\n"
            for detail in slide.details {
                // dt and dd straight under dl (no grouping div): every checker and screen reader knows it.
                html += "<dt>\(HTML.escape(detail.label))\u{00A0}:</dt> <dd>\(HTML.escape(detail.text))</dd>\n"
            }
            html += "</dl>\n"
        }
        html += "</div>\n"
        if let image = slide.image, let imageSource {
            html += "<figure><img src=\"\(HTML.escape(imageSource))\" alt=\"\(HTML.escape(image.alternativeText))\"></figure>\n"
        }
        return html + "</section>\n"
    }

    /// A file name as a relative URL: anything but unreserved characters is
    /// percent-encoded, so `#`, `?` or a space in a name stay part of it.
    static func relativeURL(_ fileName: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return fileName.addingPercentEncoding(withAllowedCharacters: allowed) ?? "image"
    }
}
