import Foundation
import Testing
@testable import CrieurKit

private typealias S = ItemTestSupport

private func header(title: String = "Repair café", channels: String = "ecran", _ extra: String = "") -> String {
    "Titre: \(title)\nCanaux: \(channels)\n" + (extra.isEmpty ? "" : extra + "\n") + "---\nUn texte.\n"
}

// MARK: Titre

@Test func missingTitleIsAProblem() {
    let problems = S.problems("Canaux: ecran\n---\nTexte.\n")
    #expect(problems.map(\.message) == ["Il manque le titre de l'annonce."])
    #expect(problems.first?.line == 1)
}

@Test(arguments: ["", "   "])
func emptyTitleIsAProblem(title: String) {
    let problems = S.problems(header(title: title))
    #expect(problems.map(\.message) == ["Le titre est vide."])
    #expect(problems.first?.line == 1)
}

@Test func titleOfTwoHundredCharactersIsAccepted() {
    let title = String(repeating: "é", count: 200)
    #expect(S.item(header(title: title))?.title == title)
}

@Test func titleOverTwoHundredCharactersIsAProblem() {
    let problems = S.problems(header(title: String(repeating: "a", count: 201)))
    #expect(problems.map(\.message) == ["Le titre est trop long : 201 caractères, pour 200 au maximum."])
}

@Test func titleIsTrimmed() {
    #expect(S.item(header(title: "   Aide   "))?.title == "Aide")
}

// MARK: Canaux

@Test(arguments: [
    ("newsletter, bulletin, facebook, ecran", [Channel.newsletter, .bulletin, .facebook, .ecran]),
    ("facebook;ecran", [.facebook, .ecran]),
    ("ecran newsletter", [.ecran, .newsletter]),
    ("Écran, FACEBOOK", [.ecran, .facebook]),
    ("email, screen, slides, courriel, e-mail", [.newsletter, .ecran]),
    ("facebook, Facebook, facebook", [.facebook]),
    ("bulletin ,  ; newsletter", [.bulletin, .newsletter]),
])
func channelsAreReadInOrderWithoutDuplicates(written: String, expected: [Channel]) {
    #expect(S.item(header(channels: written))?.channels == expected)
}

@Test func missingChannelsIsAProblem() {
    let problems = S.problems("Titre: A\n---\nTexte.\n")
    #expect(problems.map(\.message) == ["Il manque les canaux où publier l'annonce."])
}

@Test func emptyChannelsIsAProblem() {
    #expect(S.problems(header(channels: " , ")).map(\.message) == ["Aucun canal n'est indiqué."])
}

@Test func unknownChannelFarFromAnyListsEveryChannel() {
    let problems = S.problems(header(channels: "telegramme"))
    #expect(problems.count == 1)
    #expect(problems.first?.message == "Le canal « telegramme » n'existe pas.")
    #expect(problems.first?.fix.hasPrefix("Choisissez parmi : newsletter, bulletin, facebook, ecran, ") == true)
    #expect(problems.first?.fix == "Choisissez parmi : \(Channel.allCases.map(\.rawValue).joined(separator: ", ")).")
    #expect(Channel.allCases.contains(FlyerChannel.channel))
}

@Test func afficheAndItsSpellingsNameTheFlyerChannel() {
    for name in ["affiche", "Affiches", "flyer", "poster", "prospectus", "dépliant"] {
        #expect(Channel(named: name) == FlyerChannel.channel, "\(name)")
    }
}

@Test(arguments: [("facebok", "facebook"), ("bulettin", "bulletin"), ("ecrann", "ecran"), ("sreen", "ecran")])
func misspelledChannelGetsASuggestion(written: String, suggested: String) {
    let problems = S.problems(header(channels: "newsletter, \(written)"))
    #expect(problems.count == 1)
    #expect(problems.first?.line == 2)
    #expect(problems.first?.fix.hasPrefix("Vouliez-vous dire « \(suggested) » ?") == true)
}

// MARK: Urgent

@Test(arguments: [("oui", true), ("OUI", true), ("yes", true), ("True", true), ("non", false), ("No", false), ("false", false)])
func urgentAcceptsYesAndNo(written: String, expected: Bool) {
    #expect(S.item(header("Urgent: \(written)"))?.urgent == expected)
}

@Test(arguments: ["peut-être", "1", "", "ouii"])
func urgentRefusesOtherAnswers(written: String) {
    let problems = S.problems(header("Urgent: \(written)"))
    #expect(problems.count == 1)
    #expect(problems.first?.line == 3)
    #expect(problems.first?.fix.contains("Urgent: oui") == true)
}

// MARK: Lien

@Test(arguments: ["https://www.cpas-exemple.be/chauffage", "http://cpas.be", "HTTPS://CPAS.BE/a?b=1#c"])
func absoluteWebLinkIsAccepted(link: String) {
    #expect(S.item(header("Lien: \(link)"))?.link == link)
}

@Test func linkWithoutSchemeSuggestsHTTPS() {
    let problems = S.problems(header("Lien: www.cpas.be"))
    #expect(problems.count == 1)
    #expect(problems.first?.line == 3)
    #expect(problems.first?.fix == "Écrivez-la avec https:// devant : https://www.cpas.be")
}

@Test(arguments: [
    "javascript:alert(1)", "ftp://cpas.be/x", "https://", "https:///chemin", "https://a.be https://b.be",
    "mailto:info@cpas.be", "", "https://cpas.be/<script>",
])
func otherLinksAreRefused(link: String) {
    let problems = S.problems(header("Lien: \(link)"))
    #expect(problems.count == 1)
    #expect(problems.first?.line == 3)
}

// MARK: Lieu

@Test func placeIsFreeText() {
    #expect(S.item(header("Lieu: Salle du village, rue de l'Église 12"))?.place == "Salle du village, rue de l'Église 12")
}

@Test func emptyPlaceIsAProblem() {
    #expect(S.problems(header("Lieu:")).map(\.message) == ["La ligne « Lieu » est vide."])
}

// MARK: Image and alternative text

@Test func imageWithAlternativeTextIsAccepted() {
    let item = S.item(header("Image: repair-cafe.jpg\nTexte alternatif: Des bénévoles réparent un grille-pain"))
    #expect(item?.image == ItemImage(fileName: "repair-cafe.jpg", alternativeText: "Des bénévoles réparent un grille-pain"))
}

@Test(arguments: ["Image: affiche.jpg", "Image: affiche.jpg\nTexte alternatif:   "])
func imageWithoutAlternativeTextExplainsWhy(lines: String) {
    let problems = S.problems(header(lines))
    #expect(problems.count == 1)
    #expect(problems.first?.message == "L'image n'a pas de texte alternatif.")
    #expect(problems.first?.fix.contains("aveugles") == true)
    #expect(problems.first?.fix.contains("Texte alternatif:") == true)
}

@Test func alternativeTextWithoutImageIsAProblem() {
    let problems = S.problems(header("Alt: Une affiche"))
    #expect(problems.map(\.line) == [3])
    #expect(problems.first?.message == "Il y a un texte alternatif, mais pas d'image.")
}

@Test(arguments: ["../photo.jpg", "images/photo.jpg", "C:\\photo.jpg", ".", "..", ".cache.jpg", "/etc/passwd"])
func imageMustBeAPlainFileName(name: String) {
    let problems = S.problems(header("Image: \(name)\nTexte alternatif: Une photo"))
    #expect(problems.count == 1)
    #expect(problems.first?.line == 3)
}

// MARK: Mots-clés

@Test func tagsAreTrimmedWithoutHashAndEmptyOnesDropped() {
    #expect(S.item(header("Mots-clés: #chauffage,  hiver , , ##aide, #"))?.tags == ["chauffage", "hiver", "aide"])
}

// MARK: Dérogation

@Test func overrideKeepsItsReason() {
    #expect(S.item(header("Dérogation: texte légal imposé"))?.override == "texte légal imposé")
}

@Test func overrideWithoutReasonIsAProblem() {
    let problems = S.problems(header("Dérogation:"))
    #expect(problems.map(\.message) == ["La dérogation ne donne pas de raison."])
}

// MARK: Body

@Test func emptyBodyIsAProblemOnTheSeparatorLine() {
    let problems = S.problems("Titre: A\nCanaux: ecran\n---\n  \n\n")
    #expect(problems.count == 1)
    #expect(problems.first?.line == 3)
    #expect(problems.first?.message == "Le texte de l'annonce est vide.")
}

@Test func bodyIsKeptAsWrittenWithItsFirstLine() throws {
    let item = try #require(S.item("Titre: A\nCanaux: ecran\n---\n\nPremier.\n\n- un\n- deux\n"))
    #expect(item.bodyText == "\nPremier.\n\n- un\n- deux\n")
    #expect(item.bodyFirstLine == 4)
    #expect(item.body == Body(blocks: [.paragraph([[.text("Premier.")]]), .list([[.text("un")], [.text("deux")]])]))
}

@Test func laterSeparatorLinesBelongToTheBody() {
    #expect(S.item("Titre: A\nCanaux: ecran\n---\nUn.\n---\nDeux.\n")?.bodyText == "Un.\n---\nDeux.\n")
}
