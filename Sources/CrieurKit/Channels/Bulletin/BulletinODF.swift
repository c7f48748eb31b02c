import Foundation

/// The draft as an OpenDocument text, in two forms with the same content:
/// `AAAA-Tn.fodt`, flat (one XML file, no zip; LibreOffice opens it, and a
/// program can check it as text), and `AAAA-Tn.odt`, the usual zipped package,
/// for Word (which opens ODF packages; nothing says it opens the flat form). Named
/// styles (Heading 1 and 2, Text body, a bullet list, the summary, the contact
/// block) let the editor restyle the whole draft at once; pages are A4 with
/// 2 cm margins.
///
/// Pure. Item text is XML-escaped; characters XML 1.0 forbids (control
/// characters) are dropped; line breaks, tabs and runs of spaces become ODF's
/// own elements so they survive. Only allowed links are live.
public enum BulletinODF {
    public static let mediaType = "application/vnd.oasis.opendocument.text"

    /// The flat XML document (`.fodt`).
    public static func flat(_ draft: BulletinDraft) -> String {
        prolog + "<office:document \(namespaces) office:version=\"1.3\" office:mimetype=\"\(mediaType)\">\n"
            + meta(draft) + styles + "<office:body>\n<office:text>\n" + body(draft)
            + "</office:text>\n</office:body>\n</office:document>\n"
    }

    /// The zipped package (`.odt`): `mimetype` first and stored, as the format asks.
    public static func package(_ draft: BulletinDraft) -> Data {
        let manifest = prolog + """
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
            <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="\(mediaType)"/>
            <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
            <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
            <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
            </manifest:manifest>

            """
        let content = prolog + "<office:document-content \(namespaces) office:version=\"1.3\">\n<office:body>\n<office:text>\n"
            + body(draft) + "</office:text>\n</office:body>\n</office:document-content>\n"
        let stylesDocument = prolog + "<office:document-styles \(namespaces) office:version=\"1.3\">\n" + styles + "</office:document-styles>\n"
        let metaDocument = prolog + "<office:document-meta \(namespaces) office:version=\"1.3\">\n" + meta(draft) + "</office:document-meta>\n"
        return StoredZip.archive([
            ("mimetype", Data(mediaType.utf8)),
            ("META-INF/manifest.xml", Data(manifest.utf8)),
            ("content.xml", Data(content.utf8)),
            ("styles.xml", Data(stylesDocument.utf8)),
            ("meta.xml", Data(metaDocument.utf8)),
        ])
    }

    static func body(_ draft: BulletinDraft) -> String {
        var body = heading(draft.title, level: 1)
        body += paragraph("Text_20_body", escape(
            "Brouillon préparé par \(draft.organisationName) \(FrenchDates.date(draft.preparedOn, referenceYear: nil))."))
        body += paragraph("Summary_20_Title", escape("À vérifier avant l'envoi"))
        body += "<text:list text:style-name=\"Bullets\">"
            + draft.summary.map { "<text:list-item>\(paragraph("Summary", escape($0)))</text:list-item>" }.joined()
            + "</text:list>\n"
        for (index, article) in draft.articles.enumerated() {
            body += paragraph("Editor_20_Note", escape("Article \(index + 1) — \(BulletinDraft.number(article.characterCount)) caractères"))
            body += heading(article.title, level: 2)
            body += blocks(article.body)
            for detail in article.details {
                let value = detail.label == "Lien" ? link(text: detail.value, url: detail.value) : escape(detail.value)
                body += paragraph("Details", "<text:span text:style-name=\"Strong_20_Emphasis\">\(escape(detail.label)) :</text:span> \(value)")
            }
            for line in article.contact { body += paragraph("Contact", escape(line)) }
            if let picture = article.picture {
                body += paragraph("Editor_20_Note", escape(
                    "Pour la mise en page (non imprimé) : image \(picture.fileName), texte alternatif : « \(picture.alternativeText) »"))
            }
        }
        return body
    }

    static let prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    static let namespaces = [
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"",
        "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"",
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"",
        "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"",
        "xmlns:xlink=\"http://www.w3.org/1999/xlink\"",
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"",
        "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"",
    ].joined(separator: " ")

    private static func meta(_ draft: BulletinDraft) -> String {
        "<office:meta>\n<dc:title>\(XML.escape(draft.title))</dc:title>\n<dc:language>fr-BE</dc:language>\n"
            + "<meta:generator>Crieur \(XML.escape(Crieur.version))</meta:generator>\n</office:meta>\n"
    }

    /// Named styles, the A4 page layout and the master page.
    private static let styles = """
        <office:styles>
        <style:default-style style:family="paragraph">
        <style:paragraph-properties fo:orphans="2" fo:widows="2"/>
        <style:text-properties fo:font-family="'Liberation Serif', Georgia, serif" fo:font-size="11.5pt" fo:language="fr" fo:country="BE"/>
        </style:default-style>
        <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
        <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
        <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="130%"/>
        </style:style>
        <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
        <style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.25cm" fo:keep-with-next="always"/>
        <style:text-properties fo:font-family="'Liberation Sans', Arial, sans-serif" fo:font-weight="bold"/>
        </style:style>
        <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text">
        <style:text-properties fo:font-size="20pt"/>
        </style:style>
        <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="2" style:class="text">
        <style:text-properties fo:font-size="15pt"/>
        </style:style>
        <style:style style:name="List_20_Paragraph" style:display-name="List Paragraph" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list">
        <style:paragraph-properties fo:margin-bottom="0.1cm"/>
        </style:style>
        <style:style style:name="Summary_20_Title" style:display-name="Summary Title" style:family="paragraph" style:parent-style-name="Heading" style:class="text">
        <style:text-properties fo:font-size="13pt"/>
        </style:style>
        <style:style style:name="Summary" style:family="paragraph" style:parent-style-name="List_20_Paragraph" style:class="list"/>
        <style:style style:name="Details" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
        <style:paragraph-properties fo:margin-bottom="0.05cm"/>
        </style:style>
        <style:style style:name="Contact" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
        <style:paragraph-properties fo:margin-left="0.3cm" fo:padding-left="0.3cm" fo:border-left="2.5pt solid #000000" fo:keep-together="always"/>
        <style:text-properties fo:font-size="10.5pt"/>
        </style:style>
        <style:style style:name="Editor_20_Note" style:display-name="Editor Note" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
        <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.1cm"/>
        <style:text-properties fo:font-family="'Liberation Sans', Arial, sans-serif" fo:font-size="9.5pt" fo:font-style="italic"/>
        </style:style>
        \(BulletinODF.sharedStylesEnd)
        """

    /// The end of the styles the bulletin and the bottin share: bold text, the
    /// bullet list, an A4 page with 2 cm margins.
    static let sharedStylesEnd = """
        <style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text">
        <style:text-properties fo:font-weight="bold"/>
        </style:style>
        <text:list-style style:name="Bullets">
        <text:list-level-style-bullet text:level="1" text:bullet-char="•">
        <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
        <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.8cm" fo:text-indent="-0.5cm" fo:margin-left="0.8cm"/>
        </style:list-level-properties>
        </text:list-level-style-bullet>
        </text:list-style>
        </office:styles>
        <office:automatic-styles>
        <style:page-layout style:name="A4">
        <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
        </style:page-layout>
        </office:automatic-styles>
        <office:master-styles>
        <style:master-page style:name="Standard" style:page-layout-name="A4"/>
        </office:master-styles>

        """

    private static func heading(_ text: String, level: Int) -> String {
        "<text:h text:style-name=\"Heading_20_\(level)\" text:outline-level=\"\(level)\">\(escape(text))</text:h>\n"
    }

    /// `content` is already XML.
    private static func paragraph(_ style: String, _ content: String) -> String {
        "<text:p text:style-name=\"\(style)\">\(content)</text:p>\n"
    }

    private static func blocks(_ body: Body) -> String {
        body.blocks.map { block in
            switch block {
            case .paragraph(let lines):
                return paragraph("Text_20_body", lines.map(line).joined(separator: "<text:line-break/>"))
            case .list(let entries):
                return "<text:list text:style-name=\"Bullets\">"
                    + entries.map { "<text:list-item>\(paragraph("List_20_Paragraph", line($0)))</text:list-item>" }.joined()
                    + "</text:list>\n"
            }
        }
        .joined()
    }

    private static func line(_ line: Body.Line) -> String {
        line.map { inline in
            switch inline {
            case .text(let text): return escape(text)
            case .strong(let text): return "<text:span text:style-name=\"Strong_20_Emphasis\">\(escape(text))</text:span>"
            case .link(_, let url): return link(text: BodyPlainText.render(inline: inline), url: url)
            }
        }
        .joined()
    }

    private static func link(text: String, url: String) -> String {
        guard BulletinLink.isAllowed(url) else { return escape(text) }
        return "<text:a xlink:type=\"simple\" xlink:href=\"\(XML.escape(url))\">\(escape(text))</text:a>"
    }

    /// Text as ODF paragraph content: XML-escaped, with line breaks, tabs and
    /// repeated spaces as ODF elements (ODF collapses plain white space, as
    /// HTML does).
    static func escape(_ text: String) -> String {
        var out = ""
        var spaces = 0
        for character in text {
            if character == " " { spaces += 1; continue }
            if spaces > 0 {
                out += spaces == 1 ? " " : " <text:s text:c=\"\(spaces - 1)\"/>"
                spaces = 0
            }
            switch character {
            case "\n", "\r\n": out += "<text:line-break/>"
            case "\t": out += "<text:tab/>"
            default: out += XML.escape(String(character))
            }
        }
        if spaces > 0 { out += spaces == 1 ? " " : " <text:s text:c=\"\(spaces - 1)\"/>" }
        return out
    }
}
