import Foundation
@testable import CrieurKit

/// Items, contexts and a renderer for the flyer tests.
enum FlyerTestItems {
    static let calendar = CivilCalendar(timeZone: TimeZone(identifier: "Europe/Brussels")!)
    static let now = calendar.instant(CivilDate(year: 2026, month: 12, day: 1), hour: 9, minute: 0)

    static let sampleBody = """
        Vous avez envie d'apprendre à cuisiner avec peu d'argent ?
        Le CPAS vous invite à un **atelier cuisine** gratuit.

        Au programme :
        - une soupe de saison,
        - un plat simple pour toute la famille,
        - un dessert sans four.

        Vous repartez avec les recettes. Inscription au 081 00 00 00.
        """

    static func item(
        title: String = "Atelier cuisine à petit prix", link: String? = "https://www.cpas-exemple.be/agenda/atelier-cuisine",
        body: String = sampleBody, picture: Bool = false, extraHeader: String = ""
    ) throws -> Item {
        var header = "Titre: \(title)\nCanaux: newsletter\nQuand: 12/12/2026 de 9 h 30 à 12 h\nLieu: Maison de quartier, rue Haute 12\n"
        if let link { header += "Lien: \(link)\n" }
        if picture { header += "Image: cuisine.png\nTexte alternatif: Des légumes sur une table\n" }
        return try ItemParser().parse(Data((header + extraHeader + "---\n" + body + "\n").utf8), fileName: "atelier-cuisine.txt")
    }

    static func context(imageData: Data? = nil) -> PublicationContext {
        var config = CrieurConfig()
        config.organisation.name = "CPAS de Exemple"
        config.organisation.phone = "081 00 00 00"
        config.organisation.email = "info@cpas-exemple.be"
        return PublicationContext(now: now, calendar: calendar, config: config, itemName: "atelier-cuisine.txt", imageData: imageData)
    }

    /// A grey-looking 400×250 picture (a checkerboard), as a PNG.
    static let picture = PNG.blackAndWhite(width: 400, height: 250) { x, y in (x / 10 + y / 10) % 2 == 0 }
    /// A logo, 200×80.
    static let logo = FlyerPicture(data: PNG.blackAndWhite(width: 200, height: 80) { x, y in x < 80 || y > 60 }, mediaType: PNG.mediaType,
                                   alternativeText: "Logo : CPAS de Exemple")

    static let renderer = FlyerRenderer(settings: FlyerSettings(calendarBaseURL: "https://www.cpas-exemple.be/agenda"), logo: logo)

    /// A body of `paragraphs` paragraphs of plain sentences.
    static func body(paragraphs: Int) -> String {
        (0..<paragraphs).map { index in
            "Paragraphe \(index + 1). Le CPAS aide les familles à payer leurs factures et à trouver un logement. Venez nous voir."
        }.joined(separator: "\n\n")
    }
}
