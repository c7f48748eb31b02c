/// Does an item's text fit on one page of a format? An estimate made before
/// any printing, from the page geometry of `FlyerFormat`:
///
/// - a line of text holds the text width divided by the average advance of a
///   character, taken as 0.52 em for regular text and 0.60 em for bold (Liberation
///   Sans and Arial average about 0.5 em over French text, spaces included, so
///   the estimate errs towards too many lines, never too few); words wrap whole;
/// - the title, the « Quand »/« Où » lines, the picture's box and the footer
///   (the taller of the QR code and the contact block) are measured first, with
///   the gaps between them; what is left of the page's height is the body's;
/// - the body needs its wrapped lines at its line height (1.4), plus half a
///   line of space after each paragraph or list but the last.
///
/// Line heights are exact (`font size × factor`), in the HTML page and in
/// the ODF document alike; one body line is kept free as a margin of safety.
/// The excess, rounded up to whole body lines, is what staff are asked to
/// remove. Pure.
public enum FlyerFit {
    /// Body lines kept free for what the estimate cannot see (kerning, a
    /// renderer's rounding, a word LibreOffice hyphenates differently).
    static let safetyLines = 1.0
    static let regularAdvance = 0.52
    static let boldAdvance = 0.60

    /// Body lines beyond the page, 0 when the text fits.
    public static func excessLines(_ sheet: FlyerSheet, format: FlyerFormat) -> Int {
        let bodyLine = lineHeight(format.bodySize, format.bodyLineHeight)
        let room = format.contentHeight - fixedHeight(sheet, format: format) - bodyLine * safetyLines
        let needed = bodyHeight(sheet, format: format)
        guard needed > room else { return 0 }
        return Int(((needed - room) / bodyLine).rounded(.up))
    }

    /// About how many words a body line holds in `format`, to say « about N words ».
    public static func wordsPerLine(_ format: FlyerFormat) -> Int {
        max(1, characters(perLineOf: format.contentWidth, size: format.bodySize, advance: regularAdvance) / 6)
    }

    /// Everything but the body: title, details, picture, footer, and the gaps between.
    static func fixedHeight(_ sheet: FlyerSheet, format: FlyerFormat) -> Double {
        let titleLines = wrappedLines(sheet.title, perLine: characters(perLineOf: format.contentWidth, size: format.titleSize, advance: boldAdvance))
        var height = Double(titleLines) * lineHeight(format.titleSize, format.titleLineHeight) + format.gap
        if !sheet.details.isEmpty {
            let perLine = characters(perLineOf: format.contentWidth, size: format.detailSize, advance: regularAdvance)
            let lines = sheet.details.map { wrappedLines("\($0.label) : \($0.value)", perLine: perLine) }.reduce(0, +)
            height += Double(lines) * lineHeight(format.detailSize, format.detailLineHeight) + format.gap
        }
        if sheet.picture != nil { height += format.pictureHeight + format.gap }
        return height + footerHeight(sheet, format: format) + format.gap
    }

    /// The footer: a rule and padding (5 mm), then the taller of the QR code and the text column.
    static func footerHeight(_ sheet: FlyerSheet, format: FlyerFormat) -> Double {
        let line = lineHeight(format.footerSize, FlyerFormat.footerLineHeight)
        let perLine = characters(perLineOf: footerTextWidth(sheet, format: format), size: format.footerSize, advance: regularAdvance)
        var textLines = 1 + sheet.contact.map { wrappedLines($0, perLine: perLine) }.reduce(0, +)  // the heading, then the lines
        if let link = sheet.printedLink { textLines += wrappedLines(FlyerHTML.linkLabel + " : " + link, perLine: perLine, breakAnywhere: true) }
        if let calendar = sheet.calendarLink { textLines += wrappedLines(FlyerHTML.calendarLabel + " : " + calendar, perLine: perLine, breakAnywhere: true) }
        let text = Double(textLines) * line + (sheet.logo != nil ? format.logoHeight + 2 : 0)
        return 5 + max(sheet.qrCode != nil ? format.qrSide : 0, text)
    }

    static func footerTextWidth(_ sheet: FlyerSheet, format: FlyerFormat) -> Double {
        format.contentWidth - (sheet.qrCode != nil ? format.qrSide + 6 : 0)
    }

    static func bodyHeight(_ sheet: FlyerSheet, format: FlyerFormat) -> Double {
        let blocks = sheet.plainBlocks
        guard !blocks.isEmpty else { return 0 }
        let line = lineHeight(format.bodySize, format.bodyLineHeight)
        let full = characters(perLineOf: format.contentWidth, size: format.bodySize, advance: regularAdvance)
        let indented = characters(perLineOf: format.contentWidth - listIndent, size: format.bodySize, advance: regularAdvance)
        let lines = blocks.map { block in block.lines.map { wrappedLines($0, perLine: block.isList ? indented : full) }.reduce(0, +) }.reduce(0, +)
        return Double(lines) * line + Double(blocks.count - 1) * paragraphSpace(format)
    }

    /// Left indent of list entries, in millimetres.
    static let listIndent = 6.0

    /// Space after a paragraph: half the body's font size, in millimetres.
    static func paragraphSpace(_ format: FlyerFormat) -> Double { format.bodySize * 0.5 / FlyerFormat.pointsPerMillimetre }

    /// A line's height in millimetres.
    static func lineHeight(_ size: Double, _ factor: Double) -> Double { size * factor / FlyerFormat.pointsPerMillimetre }

    static func characters(perLineOf width: Double, size: Double, advance: Double) -> Int {
        max(1, Int(width * FlyerFormat.pointsPerMillimetre / (size * advance)))
    }

    /// Lines `text` takes when words wrap whole at `perLine` characters (a longer
    /// word, or any text when `breakAnywhere`, is cut where the line ends).
    static func wrappedLines(_ text: String, perLine: Int, breakAnywhere: Bool = false) -> Int {
        if breakAnywhere { return max(1, (text.count + perLine - 1) / perLine) }
        var lines = 1, used = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var length = word.count
            let needed = used == 0 ? length : used + 1 + length
            if needed <= perLine {
                used = needed
                continue
            }
            if used > 0 { lines += 1 }
            while length > perLine {
                length -= perLine
                lines += 1
            }
            used = length
        }
        return lines
    }
}
