@testable import CrieurKit

/// Items built the way the parser would build them from the sample announcements.
enum FacebookTestItems {
    static func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: day)
    }

    static func item(
        title: String = "Repair café le samedi 5 décembre",
        publication: ItemMoment? = ItemMoment(date: date(2026, 11, 15)),
        expires: ItemMoment? = ItemMoment(date: date(2026, 12, 5)),
        when: EventWhen? = nil,
        urgent: Bool = false,
        link: String? = nil,
        place: String? = "Salle du village, rue de l'Église 12",
        image: ItemImage? = nil,
        tags: [String] = [],
        body: Body = Body(blocks: [
            .paragraph([
                [.text("Votre grille-pain ne marche plus ? Votre pantalon est troué ?")],
                [.text("Venez le réparer avec nos bénévoles.")],
            ]),
            .paragraph([[.text("C'est gratuit et ouvert à tous.")]]),
        ])
    ) -> Item {
        Item(
            title: title, channels: [.facebook], publication: publication, expires: expires, urgent: urgent,
            link: link, place: place, image: image, tags: tags, body: body,
            bodyText: BodyPlainText.render(body), bodyFirstLine: 9, when: when
        )
    }

    static func paragraph(_ text: String) -> Body {
        Body(blocks: [.paragraph([[.text(text)]])])
    }
}
