import Foundation

/// `out/flyer/index.html`: the page staff open to print, listing every item
/// whose sheets are in the folder now, newest first, with its « Quand » and
/// links to each sheet as PDF (when LibreOffice made one), page to print and
/// LibreOffice document. Rebuilt by `FlyerPublisher.refresh` from the folder's
/// names, so a withdrawn item's sheets, once removed, leave the list too.
///
/// Pure; item text goes through `HTML.escape`, file names are the renderer's
/// own (`ID-affiche-a4.html`…), linked relatively.
enum FlyerIndexHTML {
    static let fileName = "index.html"

    struct Entry {
        var title: String
        var when: String?
        /// Per format, the files present, in the order PDF, HTML, ODF.
        var files: [(format: FlyerFormat, names: [String])]
    }

    /// The entries for the records whose sheets are among `names`, newest publication first.
    static func entries(_ published: [PublishedItem], names: Set<String>, today: CivilDate) -> [Entry] {
        var seen = Set<String>()
        var entries: [Entry] = []
        for record in published.reversed() where !record.isWithdrawn {
            let rendered = record.outputs?[FlyerChannel.channel.id] ?? []
            var files: [(FlyerFormat, [String])] = []
            for format in FlyerFormat.allCases {
                guard let page = rendered.first(where: { $0.hasSuffix("-\(format.fileSuffix).html") }), names.contains(page),
                      seen.insert(page).inserted else { continue }
                let document = FlyerPublisher.documentName(ofPDF: FlyerPublisher.pdfName(of: page))
                let present = [FlyerPublisher.pdfName(of: page), page, document].filter { names.contains($0) }
                files.append((format, present))
            }
            guard !files.isEmpty else { continue }
            let when = record.when.map { $0.french(referenceYear: today.year) }.map { $0.prefix(1).uppercased() + $0.dropFirst() }
            entries.append(Entry(title: record.title, when: when, files: files))
        }
        return entries
    }

    static func render(_ entries: [Entry], organisationName: String) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Affiches et flyers à imprimer — \(HTML.escape(organisationName))</title>
            <style>
            body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 1.125rem; line-height: 1.5; margin: 0 auto; padding: 1rem; max-width: 50rem; color: #111; background: #fff; }
            h1 { font-size: 1.75rem; }
            h2 { font-size: 1.3rem; margin: 0 0 .25rem; }
            ul.sheets { list-style: none; padding: 0; }
            ul.sheets > li { border-top: 1px solid #888; padding: .75rem 0; }
            ul.links { padding-left: 1.25rem; margin: .25rem 0 0; }
            a { color: #0b4f8a; }
            </style>
            </head>
            <body>
            <main>
            <h1>Affiches et flyers à imprimer</h1>

            """
        if entries.isEmpty {
            html += "<p>Aucune affiche pour le moment. Une annonce avec « affiche » dans ses canaux en fera une.</p>\n"
        } else {
            html += "<p>Le PDF s'imprime tel quel. La page web s'imprime depuis le navigateur ; le document LibreOffice se modifie avant d'imprimer.</p>\n"
            html += "<ul class=\"sheets\">\n"
            for entry in entries {
                html += "<li>\n<h2>\(HTML.escape(entry.title))</h2>\n"
                if let when = entry.when { html += "<p>Quand : \(HTML.escape(when))</p>\n" }
                html += "<ul class=\"links\">\n"
                for (format, names) in entry.files {
                    let links = names.map { "<a href=\"\(HTML.escape($0))\">\(kind(of: $0))</a>" }
                    html += "<li>\(format.frenchName.prefix(1).uppercased() + format.frenchName.dropFirst()) : \(links.joined(separator: ", "))</li>\n"
                }
                html += "</ul>\n</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</main>\n</body>\n</html>\n"
    }

    private static func kind(of name: String) -> String {
        if name.hasSuffix(".pdf") { return "PDF" }
        if name.hasSuffix(".html") { return "page à imprimer" }
        return "document LibreOffice"
    }
}
