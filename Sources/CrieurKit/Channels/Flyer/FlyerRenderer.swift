import Foundation

/// The `flyer` channel's renderer: an A4 poster and an A5 flyer per item, each
/// as a print-ready HTML page and a flat ODF document (`ID-affiche-a4.html`,
/// `ID-affiche-a4.fodt`, `ID-flyer-a5.html`, `ID-flyer-a5.fodt`); `FlyerPublisher`
/// turns the documents into PDF where LibreOffice is installed.
///
/// Pure: the logo is read once by `loadLogo` when the channel is set up, the
/// item's picture comes in the context. Refuses an item whose text overflows
/// one page of either format (`FlyerFit`), saying about how many lines to
/// remove, or whose link is too long for a QR code.
public struct FlyerRenderer: Sendable {
    public let settings: FlyerSettings
    public let logo: FlyerPicture?

    public init(settings: FlyerSettings, logo: FlyerPicture? = nil) {
        self.settings = settings
        self.logo = logo
    }

    /// The logo `settings.logoPath` names, under the workspace `root`; nil without one.
    /// Throws when the file is missing, unreadable or of a type pages cannot show.
    public static func loadLogo(settings: FlyerSettings, root: String, organisationName: String) throws -> FlyerPicture? {
        guard let relative = settings.logoPath, !relative.isEmpty else { return nil }
        let path = relative.hasPrefix("/") ? relative : "\(root)/\(relative)"
        guard case .contents(let data)? = try? FileSystem.read(path, maxBytes: 8 << 20),
              let picture = FlyerPicture(data: data, fileName: path, alternativeText: "Logo : \(organisationName)") else {
            throw FlyerLogoError(path: path)
        }
        return picture
    }

    public func render(_ item: Item, context: PublicationContext) throws(ItemRejection) -> [OutputFile] {
        let sheet = try self.sheet(item, context: context)
        let base = PublishedItem(item, itemName: context.itemName, publishedOn: context.today).preferredID
        let organisation = context.config.organisation.name
        return FlyerFormat.allCases.flatMap { format in
            [
                OutputFile(name: "\(base)-\(format.fileSuffix).html",
                           data: Data(FlyerHTML.render(sheet, format: format, organisationName: organisation).utf8)),
                OutputFile(name: "\(base)-\(format.fileSuffix).fodt",
                           data: Data(FlyerODF.flat(sheet, format: format, organisationName: organisation).utf8)),
            ]
        }
    }

    /// What the item's sheets show, or the reasons it cannot be printed.
    public func sheet(_ item: Item, context: PublicationContext) throws(ItemRejection) -> FlyerSheet {
        var problems: [ItemProblem] = []
        var code: QRCode?
        if let link = item.link {
            do {
                code = try QRCode(link)
            } catch {
                problems.append(ItemProblem(
                    line: nil,
                    message: "Le lien est trop long pour le code QR de l'affiche : \(error.byteCount) caractères, \(QRCode.maxBytes) au plus.",
                    fix: "Donnez une adresse plus courte, par exemple celle de la page de l'activité sur le site du CPAS."))
            }
        }
        let picture = item.image.flatMap { image in
            context.imageData.flatMap { FlyerPicture(data: $0, fileName: image.fileName, alternativeText: image.alternativeText) }
        }
        let calendarLink = item.when != nil ? settings.calendarBaseURL.map {
            ($0.hasSuffix("/") ? $0 : $0 + "/") + ICalendarEvent.fileName(of: item, itemName: context.itemName)
        } : nil
        let sheet = FlyerSheet(
            title: item.title, details: FlyerSheet.details(of: item, today: context.today), body: item.body, picture: picture,
            contact: settings.contact(for: context.config.organisation), logo: logo, link: item.link, qrCode: code,
            calendarLink: calendarLink)
        for format in FlyerFormat.allCases {
            let excess = FlyerFit.excessLines(sheet, format: format)
            guard excess > 0 else { continue }
            let lines = excess == 1 ? "1 ligne" : "\(excess) lignes"
            let words = excess * FlyerFit.wordsPerLine(format)
            problems.append(ItemProblem(
                line: item.bodyFirstLine,
                message: "Le texte ne tient pas sur une page (\(format.frenchName)) : il dépasse d'environ \(lines).",
                fix: "Retirez environ \(lines) du texte (à peu près \(words) mots)\(picture != nil ? ", ou retirez l'image," : "") puis déposez l'annonce à nouveau."))
        }
        guard problems.isEmpty else { throw ItemRejection(problems) }
        return sheet
    }
}

/// The logo in the configuration cannot be used.
public struct FlyerLogoError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var description: String {
        "Le logo \(path) est introuvable ou n'est pas une image PNG, JPEG, GIF, WebP ou SVG."
    }
}
