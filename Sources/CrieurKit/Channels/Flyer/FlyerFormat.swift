/// The two printed forms of an item and their page geometry, shared by the
/// HTML page, the ODF document and the overflow estimate (`FlyerFit`), so
/// that what is measured is what is printed. Lengths in millimetres, font
/// sizes in points.
public enum FlyerFormat: String, Sendable, CaseIterable {
    /// A4 portrait, for the counter, the doctor's or the library.
    case poster
    /// A5 portrait, to hand out or leave on a table.
    case flyer

    /// The output file's suffix: `ID-affiche-a4.html`, `ID-flyer-a5.fodt`.
    public var fileSuffix: String { self == .poster ? "affiche-a4" : "flyer-a5" }
    /// « affiche A4 », « flyer A5 », for messages and page titles.
    public var frenchName: String { self == .poster ? "affiche A4" : "flyer A5" }
    /// The CSS `@page` size keyword.
    var cssSize: String { self == .poster ? "A4" : "A5" }

    var pageWidth: Double { self == .poster ? 210 : 148 }
    var pageHeight: Double { self == .poster ? 297 : 210 }
    var margin: Double { self == .poster ? 15 : 12 }
    var contentWidth: Double { pageWidth - 2 * margin }
    var contentHeight: Double { pageHeight - 2 * margin }

    var titleSize: Double { self == .poster ? 36 : 22 }
    var detailSize: Double { self == .poster ? 18 : 12.5 }
    var bodySize: Double { self == .poster ? 16 : 11 }
    var footerSize: Double { self == .poster ? 11 : 8.5 }
    var titleLineHeight: Double { 1.15 }
    var detailLineHeight: Double { 1.3 }
    var bodyLineHeight: Double { 1.4 }
    static let footerLineHeight = 1.25
    /// Space after the title, the details and the picture.
    var gap: Double { self == .poster ? 6 : 4 }
    /// The picture's box: as wide as the text, at most this high.
    var pictureHeight: Double { self == .poster ? 70 : 36 }
    var qrSide: Double { self == .poster ? 36 : 26 }
    var logoHeight: Double { self == .poster ? 14 : 9 }

    static let pointsPerMillimetre = 72 / 25.4
}
