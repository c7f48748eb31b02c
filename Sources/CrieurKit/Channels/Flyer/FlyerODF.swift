import Foundation

/// A poster or flyer as a flat OpenDocument text (`.fodt`, one XML file):
/// LibreOffice opens it, prints it and turns it into PDF; staff may retouch it.
/// The page is the format's, with the same margins and font sizes as the HTML
/// page (`FlyerFormat`); the contact block and the QR code sit in the page
/// footer, so they stay at the foot of the sheet whatever the text's length.
/// Pictures are embedded (`office:binary-data`), the QR code as a PNG of ten
/// pixels a module.
///
/// Pure. Item text is XML-escaped and line breaks kept (`BulletinODF.escape`);
/// body links are written as words and address.
public enum FlyerODF {
    public static func flat(_ sheet: FlyerSheet, format: FlyerFormat, organisationName: String) -> String {
        var body = "<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">\(BulletinODF.escape(sheet.title))</text:h>\n"
        for (index, detail) in sheet.details.enumerated() {
            let style = index == sheet.details.count - 1 ? "Details_20_Last" : "Details"
            body += "<text:p text:style-name=\"\(style)\"><text:span text:style-name=\"Strong_20_Emphasis\">"
                + "\(BulletinODF.escape(detail.label)) :</text:span> \(BulletinODF.escape(detail.value))</text:p>\n"
        }
        if let picture = sheet.picture {
            body += "<text:p text:style-name=\"Picture\">"
                + frame(picture, name: "Image", box: (format.contentWidth, format.pictureHeight)) + "</text:p>\n"
        }
        body += blocks(sheet)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<office:document \(namespaces) office:version=\"1.3\" office:mimetype=\"\(BulletinODF.mediaType)\">\n"
            + "<office:meta>\n<dc:title>\(XML.escape(sheet.title))</dc:title>\n<dc:language>fr-BE</dc:language>\n"
            + "<meta:generator>Crieur \(XML.escape(Crieur.version))</meta:generator>\n</office:meta>\n"
            + styles(format) + automaticStyles(sheet, format: format)
            + "<office:master-styles>\n<style:master-page style:name=\"Standard\" style:page-layout-name=\"Page\">\n<style:footer>\n"
            + footer(sheet, format: format, organisationName: organisationName)
            + "</style:footer>\n</style:master-page>\n</office:master-styles>\n"
            + "<office:body>\n<office:text>\n" + body + "</office:text>\n</office:body>\n</office:document>\n"
    }

    private static let namespaces = [
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"",
        "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"",
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"",
        "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"",
        "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\"",
        "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"",
        "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\"",
        "xmlns:xlink=\"http://www.w3.org/1999/xlink\"",
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"",
        "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"",
    ].joined(separator: " ")

    private static func mm(_ value: Double) -> String { String(format: "%.2fmm", value) }
    private static func pt(_ value: Double) -> String { String(format: "%.1fpt", value) }

    private static func styles(_ format: FlyerFormat) -> String {
        let sans = "fo:font-family=\"'Liberation Sans', Arial, sans-serif\""
        return """
            <office:styles>
            <style:default-style style:family="paragraph">
            <style:paragraph-properties fo:orphans="2" fo:widows="2"/>
            <style:text-properties \(sans) fo:font-size="\(pt(format.bodySize))" fo:color="#000000" fo:language="fr" fo:country="BE"/>
            </style:default-style>
            <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
            <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1" style:class="text">
            <style:paragraph-properties fo:margin-top="0mm" fo:margin-bottom="\(mm(format.gap))" fo:line-height="\(pt(format.titleSize * format.titleLineHeight))" fo:keep-with-next="always"/>
            <style:text-properties fo:font-size="\(pt(format.titleSize))" fo:font-weight="bold"/>
            </style:style>
            <style:style style:name="Details" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
            <style:paragraph-properties fo:margin-top="0mm" fo:margin-bottom="0mm" fo:line-height="\(pt(format.detailSize * format.detailLineHeight))"/>
            <style:text-properties fo:font-size="\(pt(format.detailSize))"/>
            </style:style>
            <style:style style:name="Details_20_Last" style:display-name="Details Last" style:family="paragraph" style:parent-style-name="Details" style:class="text">
            <style:paragraph-properties fo:margin-bottom="\(mm(format.gap))"/>
            </style:style>
            <style:style style:name="Picture" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
            <style:paragraph-properties fo:text-align="center" fo:margin-top="0mm" fo:margin-bottom="\(mm(format.gap))"/>
            </style:style>
            <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
            <style:paragraph-properties fo:margin-top="0mm" fo:margin-bottom="\(pt(format.bodySize * 0.5))" fo:line-height="\(pt(format.bodySize * format.bodyLineHeight))"/>
            </style:style>
            <style:style style:name="List_20_Paragraph" style:display-name="List Paragraph" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list">
            <style:paragraph-properties fo:margin-bottom="0mm"/>
            </style:style>
            <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
            <style:paragraph-properties fo:line-height="\(pt(format.footerSize * FlyerFormat.footerLineHeight))"/>
            <style:text-properties fo:font-size="\(pt(format.footerSize))"/>
            </style:style>
            <style:style style:name="Footer_20_Picture" style:display-name="Footer Picture" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
            <style:paragraph-properties fo:margin-bottom="2mm"/>
            <style:text-properties fo:font-size="2pt"/>
            </style:style>
            <style:style style:name="Footer_20_Heading" style:display-name="Footer Heading" style:family="paragraph" style:parent-style-name="Footer" style:class="extra">
            <style:text-properties fo:font-weight="bold"/>
            </style:style>
            <style:style style:name="Footer_20_QR" style:display-name="Footer QR" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
            <style:paragraph-properties fo:text-align="end"/>
            <style:text-properties fo:font-size="2pt"/>
            </style:style>
            <style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text">
            <style:text-properties fo:font-weight="bold"/>
            </style:style>
            <text:list-style style:name="Bullets">
            <text:list-level-style-bullet text:level="1" text:bullet-char="•">
            <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
            <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="\(mm(FlyerFit.listIndent))" fo:text-indent="-4mm" fo:margin-left="\(mm(FlyerFit.listIndent))"/>
            </style:list-level-properties>
            </text:list-level-style-bullet>
            </text:list-style>
            </office:styles>

            """
    }

    private static func automaticStyles(_ sheet: FlyerSheet, format: FlyerFormat) -> String {
        let textWidth = FlyerFit.footerTextWidth(sheet, format: format)
        var styles = """
            <office:automatic-styles>
            <style:page-layout style:name="Page">
            <style:page-layout-properties fo:page-width="\(mm(format.pageWidth))" fo:page-height="\(mm(format.pageHeight))" style:print-orientation="portrait" fo:margin-top="\(mm(format.margin))" fo:margin-bottom="\(mm(format.margin))" fo:margin-left="\(mm(format.margin))" fo:margin-right="\(mm(format.margin))"/>
            <style:footer-style><style:header-footer-properties fo:min-height="0mm" fo:margin-top="\(mm(format.gap))" fo:padding-top="4mm" fo:border-top="1.5pt solid #000000"/></style:footer-style>
            </style:page-layout>
            <style:style style:name="FooterTable" style:family="table"><style:table-properties style:width="\(mm(format.contentWidth))" table:align="left"/></style:style>
            <style:style style:name="FooterText" style:family="table-column"><style:table-column-properties style:column-width="\(mm(textWidth))"/></style:style>
            <style:style style:name="FooterCell" style:family="table-cell"><style:table-cell-properties style:vertical-align="bottom" fo:padding="0mm" fo:border="none"/></style:style>
            <style:style style:name="Frame" style:family="graphic"><style:graphic-properties style:wrap="none" style:vertical-pos="top" style:vertical-rel="baseline" fo:border="none" fo:padding="0mm"/></style:style>

            """
        if sheet.qrCode != nil {
            styles += "<style:style style:name=\"FooterCode\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"\(mm(format.contentWidth - textWidth))\"/></style:style>\n"
        }
        return styles + "</office:automatic-styles>\n"
    }

    private static func footer(_ sheet: FlyerSheet, format: FlyerFormat, organisationName: String) -> String {
        var text = ""
        if let logo = sheet.logo {
            text += "<text:p text:style-name=\"Footer_20_Picture\">" + frame(logo, name: "Logo", box: (FlyerFit.footerTextWidth(sheet, format: format), format.logoHeight)) + "</text:p>\n"
        }
        text += "<text:p text:style-name=\"Footer_20_Heading\">\(BulletinODF.escape(organisationName))</text:p>\n"
        text += sheet.contact.map { "<text:p text:style-name=\"Footer\">\(BulletinODF.escape($0))</text:p>\n" }.joined()
        if let link = sheet.printedLink { text += "<text:p text:style-name=\"Footer\">\(FlyerHTML.linkLabel) : \(hyperlink(link))</text:p>\n" }
        if let calendar = sheet.calendarLink {
            text += "<text:p text:style-name=\"Footer\">\(BulletinODF.escape(FlyerHTML.calendarLabel)) : \(hyperlink(calendar))</text:p>\n"
        }
        var table = "<table:table table:name=\"Contact\" table:style-name=\"FooterTable\">\n<table:table-column table:style-name=\"FooterText\"/>\n"
        if sheet.qrCode != nil { table += "<table:table-column table:style-name=\"FooterCode\"/>\n" }
        table += "<table:table-row>\n<table:table-cell table:style-name=\"FooterCell\" office:value-type=\"string\">\n" + text + "</table:table-cell>\n"
        if let code = sheet.qrCode, let link = sheet.link {
            let picture = FlyerPicture(data: code.png(pixelsPerModule: 10), mediaType: PNG.mediaType, alternativeText: "Code QR : \(link)")
            table += "<table:table-cell table:style-name=\"FooterCell\" office:value-type=\"string\">\n<text:p text:style-name=\"Footer_20_QR\">"
                + frame(picture, name: "Code QR", box: (format.qrSide, format.qrSide)) + "</text:p>\n</table:table-cell>\n"
        }
        return table + "</table:table-row>\n</table:table>\n"
    }

    private static func hyperlink(_ url: String) -> String {
        guard BodyHTML.isSafeLink(url) else { return BulletinODF.escape(url) }
        return "<text:a xlink:type=\"simple\" xlink:href=\"\(XML.escape(url))\">\(BulletinODF.escape(url))</text:a>"
    }

    /// An embedded picture, as large as fits in `box` (millimetres) with its proportions.
    private static func frame(_ picture: FlyerPicture, name: String, box: (width: Double, height: Double)) -> String {
        var (width, height) = (min(box.width, box.height), min(box.width, box.height))
        if let pixels = ImageSize.of(picture.data) {
            let scale = min(box.width / Double(pixels.width), box.height / Double(pixels.height))
            (width, height) = (Double(pixels.width) * scale, Double(pixels.height) * scale)
        }
        return "<draw:frame draw:style-name=\"Frame\" draw:name=\"\(XML.escape(name))\" text:anchor-type=\"as-char\" svg:width=\"\(mm(width))\" svg:height=\"\(mm(height))\">"
            + "<draw:image draw:mime-type=\"\(XML.escape(picture.mediaType))\"><office:binary-data>\(picture.data.base64EncodedString())</office:binary-data></draw:image>"
            + "<svg:title>\(XML.escape(picture.alternativeText))</svg:title><svg:desc>\(XML.escape(picture.alternativeText))</svg:desc></draw:frame>"
    }

    private static func blocks(_ sheet: FlyerSheet) -> String {
        sheet.body.blocks.map { block in
            switch block {
            case .paragraph(let lines):
                return "<text:p text:style-name=\"Text_20_body\">"
                    + lines.map { BulletinODF.escape(BodyPlainText.render(line: $0)) }.joined(separator: "<text:line-break/>") + "</text:p>\n"
            case .list(let entries):
                return "<text:list text:style-name=\"Bullets\">"
                    + entries.map { "<text:list-item><text:p text:style-name=\"List_20_Paragraph\">\(BulletinODF.escape(BodyPlainText.render(line: $0)))</text:p></text:list-item>" }.joined()
                    + "</text:list>\n"
            }
        }
        .joined()
    }
}
