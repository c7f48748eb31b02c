extension ScreenPage {
    /// One slide as the screen shows it, for a preview before publication: the
    /// page's own style, header and slide markup, the slide shown without the
    /// page's script (no clock to wait for, nothing to fetch). Every size is in
    /// units of the frame's short side, so in a 16:9 frame of any width it looks
    /// as on the television. `imageSource`: the picture's address, already safe
    /// (`DeskPreview` gives the desk's own); `moment`: the date and time shown in the header.
    public static func previewDocument(
        slide: Slide, imageSource: String?, organisationName: String, moment: (date: String, time: String)
    ) -> String {
        """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape("Aperçu de l'écran — " + slide.title))</title>
        <style>\(style)</style>
        </head>
        <body>
        <header>
        <p id="centre">\(HTML.escape(organisationName))</p>
        <p id="horloge"><span id="date">\(HTML.escape(moment.date))</span> <span id="heure">\(HTML.escape(moment.time))</span></p>
        </header>
        <main id="diapos">
        \(section(slide, imageSource: imageSource, hidden: false))</main>
        </body>
        </html>

        """
    }
}
