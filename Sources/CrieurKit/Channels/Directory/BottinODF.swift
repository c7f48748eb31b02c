import Foundation

/// The bottin as a flat OpenDocument text (`out/directory/bottin.fodt`), which
/// LibreOffice opens and turns into the PDF, and Word users open through it.
/// Same content and order as `BottinHTMLPage`: themes, services under each of
/// their themes, index. Named styles (Heading 1–3, Text body, Details, Index)
/// let the commune restyle the whole bottin at once; each theme starts a page.
///
/// Pure. Text goes through `BulletinODF.escape` (XML-escaped, line breaks kept).
public enum BottinODF {
    public static func flat(_ bottin: Bottin) -> String {
        BulletinODF.prolog + "<office:document \(BulletinODF.namespaces) office:version=\"1.3\" office:mimetype=\"\(BulletinODF.mediaType)\">\n"
            + "<office:meta>\n<dc:title>\(XML.escape(bottin.title))</dc:title>\n<dc:language>fr-BE</dc:language>\n"
            + "<meta:generator>Crieur \(XML.escape(Crieur.version))</meta:generator>\n</office:meta>\n"
            + styles + "<office:body>\n<office:text>\n" + body(bottin)
            + "</office:text>\n</office:body>\n</office:document>\n"
    }

    static func body(_ bottin: Bottin) -> String {
        var body = heading(bottin.title, level: 1, style: "Heading_20_1")
        body += paragraph("Text_20_body", BulletinODF.escape(bottin.preparedLine))
        body += heading("Thèmes", level: 2, style: "Heading_20_2")
        for theme in bottin.themes {
            body += paragraph("Index", BulletinODF.escape("\(Bottin.heading((theme.number, theme.name))) (\(theme.entries.count))"))
        }
        for theme in bottin.themes {
            body += heading(Bottin.heading((theme.number, theme.name)), level: 2, style: "Theme")
            for entry in theme.entries {
                body += heading(entry.name, level: 3, style: "Heading_20_3")
                if let organisation = entry.organisation { body += paragraph("Organisation", BulletinODF.escape(organisation)) }
                if let note = bottin.staleNotes[entry.id] { body += paragraph("To_20_Check", BulletinODF.escape(note)) }
                body += offer(entry.offer)
                for detail in entry.details {
                    let value = Bottin.link(label: detail.label, value: detail.value).map {
                        "<text:a xlink:type=\"simple\" xlink:href=\"\(XML.escape($0))\">\(BulletinODF.escape(detail.value))</text:a>"
                    } ?? BulletinODF.escape(detail.value)
                    body += paragraph("Details", "<text:span text:style-name=\"Strong_20_Emphasis\">\(BulletinODF.escape(detail.label)) :</text:span> \(value)")
                }
            }
        }
        body += heading("Index des services", level: 2, style: "Theme")
        for row in bottin.index {
            let name = "<text:span text:style-name=\"Strong_20_Emphasis\">\(BulletinODF.escape(row.name))</text:span>"
            let organisation = row.organisation.map { " (\(BulletinODF.escape($0)))" } ?? ""
            let themes = row.themes.map { BulletinODF.escape(Bottin.heading($0)) }.joined(separator: ", ")
            body += paragraph("Index", "\(name)\(organisation) — \(themes)")
        }
        return body
    }

    private static func heading(_ text: String, level: Int, style: String) -> String {
        "<text:h text:style-name=\"\(style)\" text:outline-level=\"\(level)\">\(BulletinODF.escape(text))</text:h>\n"
    }

    private static func paragraph(_ style: String, _ content: String) -> String {
        "<text:p text:style-name=\"\(style)\">\(content)</text:p>\n"
    }

    private static func offer(_ body: Body) -> String {
        body.blocks.map { block in
            switch block {
            case .paragraph(let lines):
                return paragraph("Text_20_body", lines.map { BulletinODF.escape(BodyPlainText.render(line: $0)) }
                    .joined(separator: "<text:line-break/>"))
            case .list(let entries):
                return "<text:list text:style-name=\"Bullets\">"
                    + entries.map { "<text:list-item>\(paragraph("Text_20_body", BulletinODF.escape(BodyPlainText.render(line: $0))))</text:list-item>" }.joined()
                    + "</text:list>\n"
            }
        }
        .joined()
    }

    private static let styles = """
        <office:styles>
        <style:default-style style:family="paragraph">
        <style:paragraph-properties fo:orphans="2" fo:widows="2"/>
        <style:text-properties fo:font-family="'Liberation Serif', Georgia, serif" fo:font-size="11pt" fo:language="fr" fo:country="BE"/>
        </style:default-style>
        <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
        <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
        <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.15cm" fo:line-height="125%"/>
        </style:style>
        <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
        <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
        <style:text-properties fo:font-family="'Liberation Sans', Arial, sans-serif" fo:font-weight="bold"/>
        </style:style>
        <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text">
        <style:text-properties fo:font-size="22pt"/>
        </style:style>
        <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2" style:class="text">
        <style:text-properties fo:font-size="16pt"/>
        </style:style>
        <style:style style:name="Theme" style:family="paragraph" style:parent-style-name="Heading_20_2" style:default-outline-level="2" style:class="text">
        <style:paragraph-properties fo:break-before="page" fo:border-bottom="2pt solid #000000" fo:padding-bottom="0.1cm"/>
        </style:style>
        <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="3" style:class="text">
        <style:paragraph-properties fo:margin-top="0.5cm"/>
        <style:text-properties fo:font-size="13pt"/>
        </style:style>
        <style:style style:name="Organisation" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
        <style:text-properties fo:font-style="italic"/>
        </style:style>
        <style:style style:name="To_20_Check" style:display-name="To Check" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
        <style:paragraph-properties fo:border="1.5pt dashed #000000" fo:padding="0.1cm"/>
        <style:text-properties fo:font-weight="bold"/>
        </style:style>
        <style:style style:name="Details" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
        <style:paragraph-properties fo:margin-bottom="0.05cm" fo:margin-left="0.4cm"/>
        </style:style>
        <style:style style:name="Index" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
        <style:paragraph-properties fo:margin-bottom="0.08cm"/>
        </style:style>
        \(BulletinODF.sharedStylesEnd)
        """
}
