import Testing
@testable import CrieurKit

private typealias T = FacebookTestItems
private let renderer = FacebookPostRenderer(settings: FacebookSettings())

@Test func postStartsWithTheTitleThenBodyThenPracticalLines() throws {
    let morning = EventWhen.day(T.date(2026, 12, 5), from: CivilTime(hour: 9, minute: 30), to: CivilTime(hour: 12, minute: 0))
    let post = try renderer.render(T.item(when: morning, link: "https://www.cpas-exemple.be/repair"), today: T.date(2026, 11, 1))
    #expect(post.text == """
        Repair café le samedi 5 décembre

        Votre grille-pain ne marche plus ? Votre pantalon est troué ?
        Venez le réparer avec nos bénévoles.

        C'est gratuit et ouvert à tous.

        Où : Salle du village, rue de l'Église 12
        Quand : le samedi 5 décembre de 9 h 30 à 12 h
        Plus d'infos : https://www.cpas-exemple.be/repair
        """)
    #expect(post.text.split(separator: "\n").first == "Repair café le samedi 5 décembre")
}

@Test func bodyMarkupBecomesPlainText() throws {
    let body = Body(blocks: [
        .paragraph([[.text("Venez "), .strong("avec votre facture"), .text(" au CPAS.")]]),
        .list([[.text("les personnes avec un petit revenu,")], [.text("les personnes avec des "), .strong("dettes")]]),
        .paragraph([
            [.text("Lisez "), .link(text: "notre page", url: "https://cpas.be/aide"), .text(".")],
            [.link(text: "https://cpas.be", url: "https://cpas.be")],
            [.text("Appelez le "), .link(text: "0800 12 345", url: "tel:080012345")],
            [.text("Écrivez à "), .link(text: "aide@cpas.be", url: "mailto:aide@cpas.be")],
        ]),
    ])
    let post = try renderer.render(T.item(place: nil, body: body), today: T.date(2026, 11, 1))
    let expectedBody = """
        Venez avec votre facture au CPAS.

        • les personnes avec un petit revenu,
        • les personnes avec des dettes

        Lisez notre page (https://cpas.be/aide).
        https://cpas.be
        Appelez le 0800 12 345 (080012345)
        Écrivez à aide@cpas.be
        """
    #expect(post.text.contains(expectedBody))
    #expect(!post.text.contains("**"))
    #expect(!post.text.contains("]("))
}

@Test func hashtagsComeLastFromTags() throws {
    let post = try renderer.render(
        T.item(tags: ["chauffage", "hiver", "aide sociale", "Repair café", "!!", "2027", "Chauffage"]),
        today: T.date(2026, 11, 1)
    )
    #expect(post.text.split(separator: "\n").last == "#chauffage #hiver #AideSociale #RepairCafé")
}

@Test(arguments: [
    ("chauffage", "#chauffage"),
    ("aide sociale", "#AideSociale"),
    ("Repair café", "#RepairCafé"),
    ("art. 60", "#Art60"),
    ("  ", nil),
    ("#hiver", "#hiver"),
    ("2027", nil),
    ("été 2027", "#Été2027"),
] as [(String, String?)])
func hashtagHasNoSpaceOrPunctuation(tag: String, expected: String?) {
    #expect(Hashtag.make(tag) == expected)
}

@Test func postWithoutOptionalFieldsHasOnlyTitleAndBody() throws {
    let post = try renderer.render(
        T.item(title: "Un avocat vous conseille gratuitement", publication: nil, expires: nil, place: nil,
               body: T.paragraph("C'est gratuit.")),
        today: T.date(2026, 11, 1)
    )
    #expect(post.text == "Un avocat vous conseille gratuitement\n\nC'est gratuit.")
    #expect(post.suggestedDate == T.date(2026, 11, 1))
}

@Test func quandComesFromTheEventNeverFromTheDisplayWindow() throws {
    let closure = try renderer.render(
        T.item(publication: ItemMoment(date: T.date(2026, 12, 1)), expires: ItemMoment(date: T.date(2027, 1, 2)),
               when: EventWhen(firstDay: T.date(2026, 12, 24), lastDay: T.date(2026, 12, 31))),
        today: T.date(2026, 11, 1)
    )
    #expect(closure.text.contains("Quand : du jeudi 24 au jeudi 31 décembre"))
    let service = try renderer.render(T.item(), today: T.date(2026, 11, 1))
    #expect(!service.text.contains("Quand"))
}

@Test func eventInAnotherYearShowsTheYear() throws {
    let post = try renderer.render(
        T.item(publication: ItemMoment(date: T.date(2026, 10, 1)), expires: ItemMoment(date: T.date(2027, 3, 31)),
               when: try EventWhen.read("chaque jeudi de 13 h à 16 h, du 01/10/2026 au 31/03/2027").get()),
        today: T.date(2026, 9, 20)
    )
    #expect(post.text.contains("Quand : chaque jeudi de 13 h à 16 h, du jeudi 1er octobre 2026 au mercredi 31 mars 2027"))
}

@Test func suggestedDateIsPublicationOrTodayWhenPast() throws {
    let future = try renderer.render(T.item(), today: T.date(2026, 11, 1))
    #expect(future.suggestedDate == T.date(2026, 11, 15))
    #expect(future.fileName == "2026-11-15-repair-cafe-le-samedi-5-decembre.txt")
    #expect(future.staffNotes.first == "À publier le dimanche 15 novembre 2026 vers 10 h.")

    let past = try renderer.render(T.item(), today: T.date(2026, 11, 20))
    #expect(past.suggestedDate == T.date(2026, 11, 20))
    #expect(past.fileName.hasPrefix("2026-11-20-"))
}

@Test func publicationTimeAndSettingsTimeAppearInNotes() throws {
    let timed = try renderer.render(
        T.item(publication: ItemMoment(date: T.date(2026, 11, 15), time: CivilTime(hour: 14, minute: 30))),
        today: T.date(2026, 11, 1)
    )
    #expect(timed.staffNotes.first == "À publier le dimanche 15 novembre 2026 à partir de 14 h 30.")

    let evening = FacebookPostRenderer(settings: FacebookSettings(suggestedTime: "18:45"))
    let post = try evening.render(T.item(), today: T.date(2026, 11, 1))
    #expect(post.staffNotes.first == "À publier le dimanche 15 novembre 2026 vers 18 h 45.")
}

@Test func imageAndItsAlternativeTextAreInTheNotesNotInTheText() throws {
    let alt = "Des bénévoles réparent un grille-pain sur une table."
    let post = try renderer.render(
        T.item(image: ItemImage(fileName: "repair.jpg", alternativeText: alt)), today: T.date(2026, 11, 1)
    )
    let copy = try #require(post.imageFileName)
    #expect(copy == "\(post.suggestedDate)-\(post.slug)-repair.jpg")
    #expect(post.staffNotes.contains { $0.hasPrefix("Image à joindre au message : \(copy)") && $0.contains("repair.jpg") })
    #expect(post.staffNotes.contains { $0.contains("« Texte alternatif »") && $0.hasSuffix(alt) })
    #expect(!post.text.contains(alt))
}

@Test func longPostGetsAWarningInNotes() throws {
    let short = try renderer.render(T.item(), today: T.date(2026, 11, 1))
    #expect(short.warnings.isEmpty)
    #expect(short.characterCount <= 500)

    let long = try renderer.render(
        T.item(body: T.paragraph(String(repeating: "Venez au CPAS. ", count: 40))), today: T.date(2026, 11, 1)
    )
    #expect(long.characterCount > 500)
    #expect(long.warnings.count == 1)
    #expect(long.warnings[0].contains("\(long.characterCount) caractères"))
    #expect(long.staffNotes.contains("Attention : " + long.warnings[0]))
}

@Test func characterCountIsUserPerceived() throws {
    let post = try renderer.render(
        T.item(title: "Fête 🎉", publication: nil, expires: nil, place: nil, body: T.paragraph("e\u{301}")),
        today: T.date(2026, 11, 1)
    )
    // "é" here is e + combining accent: one character for the reader, two scalars.
    #expect(post.text.unicodeScalars.count == 10)
    #expect(post.characterCount == 9)
}

@Test func tooLongPostIsRefusedWithLengthLimitAndAdvice() throws {
    let item = T.item(body: T.paragraph(String(repeating: "Venez au CPAS. ", count: 400)))
    let unlimited = FacebookPostRenderer(settings: FacebookSettings(refuseAboveCharacters: .max))
    let length = try unlimited.render(item, today: T.date(2026, 11, 1)).characterCount
    #expect(length > 5000)

    let rejection = #expect(throws: ItemRejection.self) {
        try renderer.render(item, today: T.date(2026, 11, 1))
    }
    let problems = rejection?.problems ?? []
    #expect(problems.count == 1)
    #expect(problems.first?.message == "Le message Facebook compte \(FacebookPostRenderer.frenchNumber(length)) "
        + "caractères, plus que la limite de 5 000.")
    #expect(problems.first?.fix.hasPrefix("Retirez au moins \(FacebookPostRenderer.frenchNumber(length - 5000)) ")
        == true)
}

@Test func limitsComeFromSettings() throws {
    let strict = FacebookPostRenderer(settings: FacebookSettings(warnAboveCharacters: 50, refuseAboveCharacters: 100))
    let warned = try strict.render(T.item(when: .day(T.date(2026, 12, 5)), place: nil, body: T.paragraph("Venez.")), today: T.date(2026, 11, 1))
    #expect(warned.characterCount > 50 && warned.characterCount <= 100)
    #expect(warned.warnings.count == 1)
    #expect(throws: ItemRejection.self) { try strict.render(T.item(), today: T.date(2026, 11, 1)) }
}

@Test func expiredItemIsFlagged() throws {
    let post = try renderer.render(T.item(), today: T.date(2026, 12, 10))
    #expect(post.warnings.contains { $0.contains("déjà passée") })
}

@Test func markupInItemTextIsKeptLiterally() throws {
    let post = try renderer.render(
        T.item(title: "<b>Gratuit</b> {{nom}}", place: "<script>alert(1)</script>",
               body: T.paragraph("Texte <i>brut</i> {% if x %} &amp; **pas du gras**")),
        today: T.date(2026, 11, 1)
    )
    #expect(post.text.hasPrefix("<b>Gratuit</b> {{nom}}\n"))
    #expect(post.text.contains("Texte <i>brut</i> {% if x %} &amp; **pas du gras**"))
    #expect(post.text.contains("Où : <script>alert(1)</script>"))
}

@Test func urgentItemIsSaidInNotes() throws {
    let post = try renderer.render(T.item(urgent: true), today: T.date(2026, 11, 1))
    #expect(post.staffNotes.contains("Message urgent : publiez-le dès que possible."))
}
