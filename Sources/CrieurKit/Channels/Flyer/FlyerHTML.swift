/// A poster or flyer as one print-ready HTML page: `@page` at the format's
/// size with margins inside the sheet (no bleed: any office printer prints it
/// to the edge it can), black text on white, the picture and logo embedded
/// as `data:` URLs and the QR code as inline SVG, so the file stands alone.
/// Accessible: `lang="fr"`, the title as `h1`, the footer under an `h2`,
/// every picture with its text alternative.
///
/// Pure; every piece of item text goes through `HTML.escape`, and body links
/// are written out as words and address (paper cannot be clicked).
public enum FlyerHTML {
    static let linkLabel = "Plus d'infos"
    static let calendarLabel = "Ajouter à mon agenda"

    public static func render(_ sheet: FlyerSheet, format: FlyerFormat, organisationName: String) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(sheet.title)) — \(format.frenchName)</title>
            <style>\(style(format))</style>
            </head>
            <body>
            <main class="sheet">
            <h1>\(HTML.escape(sheet.title))</h1>

            """
        if !sheet.details.isEmpty {
            html += "<ul class=\"details\">\n" + sheet.details.map {
                "<li><strong>\(HTML.escape($0.label)) :</strong> \(HTML.escape($0.value))</li>"
            }.joined(separator: "\n") + "\n</ul>\n"
        }
        if let picture = sheet.picture {
            html += "<figure><img src=\"\(picture.dataURL)\" alt=\"\(HTML.escape(picture.alternativeText))\"></figure>\n"
        }
        html += "<div class=\"body\">\n" + BodyHTML.render(sheet.body, links: .asText) + "\n</div>\n"
        html += "<footer>\n<div class=\"contact\">\n"
        if let logo = sheet.logo {
            html += "<img class=\"logo\" src=\"\(logo.dataURL)\" alt=\"\(HTML.escape(logo.alternativeText))\">\n"
        }
        html += "<h2>\(HTML.escape(organisationName))</h2>\n"
        html += sheet.contact.map { "<p>\(HTML.escape($0))</p>" }.joined(separator: "\n")
        if let link = sheet.printedLink {
            html += "\n<p class=\"link\">\(linkLabel) : \(anchor(link))</p>"
        }
        if let calendar = sheet.calendarLink {
            html += "\n<p class=\"link\">\(calendarLabel) : \(anchor(calendar))</p>"
        }
        html += "\n</div>\n"
        if let code = sheet.qrCode, let link = sheet.link {
            html += "<div class=\"qr\">" + code.svg(label: "Code QR : \(link)") + "</div>\n"
        }
        return html + "</footer>\n</main>\n</body>\n</html>\n"
    }

    /// A link clickable on screen, printed as its address.
    private static func anchor(_ url: String) -> String {
        guard BodyHTML.isSafeLink(url) else { return HTML.escape(url) }
        return "<a href=\"\(HTML.escape(url))\">\(HTML.escape(url))</a>"
    }

    private static func mm(_ value: Double) -> String { String(format: "%.1fmm", value) }
    private static func pt(_ value: Double) -> String { String(format: "%.1fpt", value) }

    /// The geometry `FlyerFit` measures with; a change here is a change there.
    private static func style(_ format: FlyerFormat) -> String {
        """

        @page { size: \(format.cssSize) portrait; margin: \(mm(format.margin)); }
        * { box-sizing: border-box; }
        html, body { margin: 0; padding: 0; background: #fff; color: #000; }
        body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        .sheet { width: \(mm(format.contentWidth)); height: \(mm(format.contentHeight)); display: flex; flex-direction: column; overflow: hidden; }
        h1 { font-size: \(pt(format.titleSize)); line-height: \(format.titleLineHeight); margin: 0 0 \(mm(format.gap)); }
        .details { list-style: none; padding: 0; margin: 0 0 \(mm(format.gap)); font-size: \(pt(format.detailSize)); line-height: \(format.detailLineHeight); }
        figure { margin: 0 0 \(mm(format.gap)); height: \(mm(format.pictureHeight)); }
        figure img { display: block; margin: 0 auto; max-width: 100%; max-height: 100%; object-fit: contain; }
        .body { font-size: \(pt(format.bodySize)); line-height: \(format.bodyLineHeight); }
        .body p, .body ul { margin: 0 0 0.5em; }
        .body ul { padding-left: \(mm(FlyerFit.listIndent)); }
        footer { margin-top: auto; display: flex; gap: 6mm; align-items: flex-end; justify-content: space-between; border-top: 1.5pt solid #000; padding-top: 4mm; font-size: \(pt(format.footerSize)); line-height: \(FlyerFormat.footerLineHeight); }
        footer h2 { font-size: 1em; margin: 0; }
        footer p { margin: 0; }
        .contact { flex: 1; min-width: 0; }
        .logo { display: block; height: \(mm(format.logoHeight)); width: auto; margin-bottom: 2mm; }
        .link { overflow-wrap: anywhere; }
        .qr svg { display: block; width: \(mm(format.qrSide)); height: \(mm(format.qrSide)); }
        a { color: #000; }
        @media screen { body { background: #ddd; } .sheet { margin: 8mm auto; padding: 0; outline: \(mm(format.margin)) solid #fff; background: #fff; } }

        """
    }
}
