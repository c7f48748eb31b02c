import Foundation
import Testing
@testable import CrieurKit

private typealias S = ItemTestSupport

@Test func minimalItemIsParsed() throws {
    let item = try #require(S.item("Titre: Repair café\nCanaux: facebook\n---\nVenez réparer.\n"))
    #expect(item.title == "Repair café")
    #expect(item.channels == [.facebook])
    #expect(item.publication == nil && item.expires == nil && item.link == nil && item.place == nil)
    #expect(item.urgent == false && item.image == nil && item.tags.isEmpty && item.override == nil)
    #expect(item.bodyText == "Venez réparer.\n")
    #expect(item.bodyFirstLine == 4)
}

@Test(arguments: [
    "Titre", "titre", "TITRE", "Title", "title",
])
func titleKeyIsAcceptedInAnyCase(key: String) {
    #expect(S.item("\(key): Bonjour\nCanaux: ecran\n---\nTexte.\n")?.title == "Bonjour")
}

@Test(arguments: [
    "Mots-clés", "mots cles", "MOTS-CLÉS", "mots_clés", "Tags", "MotsClés",
])
func tagsKeyIgnoresCaseAccentsSpacesHyphensAndUnderscores(key: String) {
    #expect(S.item(S.withHeaderLine("\(key): hiver"))?.tags == ["hiver"])
}

@Test func everyKeyAndEnglishAliasIsUnderstood() throws {
    let french = """
    Titre: T
    Canaux: ecran
    Publication: 2026-10-01
    Fin: 2026-10-31
    Urgent: oui
    Lien: https://cpas.be
    Lieu: Salle
    Image: affiche.jpg
    Texte alternatif: Une affiche
    Mots-clés: a
    Dérogation: Texte légal
    ---
    Corps.
    """
    let english = """
    Title: T
    Channels: ecran
    Publish: 2026-10-01
    Expires: 2026-10-31
    Urgent: yes
    Link: https://cpas.be
    Place: Salle
    Image: affiche.jpg
    Alt: Une affiche
    Tags: a
    Override: Texte légal
    ---
    Corps.
    """
    let fromFrench = try #require(S.item(french))
    let fromEnglish = try #require(S.item(english))
    #expect(fromFrench == fromEnglish)
    #expect(fromFrench.place == "Salle")
    #expect(fromFrench.override == "Texte légal")
    #expect(fromFrench.image == ItemImage(fileName: "affiche.jpg", alternativeText: "Une affiche"))
    #expect(fromFrench.link == "https://cpas.be")
    #expect(fromFrench.urgent)
}

@Test(arguments: ["Texte_alternatif", "texte alternatif", "TEXTE-ALTERNATIF"])
func alternativeTextKeyVariantsWork(key: String) {
    #expect(S.item(S.withHeaderLine("Image: a.png\n\(key): Un dessin"))?.image?.alternativeText == "Un dessin")
}

@Test func blankLinesInsideHeaderAreIgnored() throws {
    let item = try #require(S.item("\nTitre: A\n\nCanaux: ecran\n\n---\nTexte.\n"))
    #expect(item.title == "A")
    #expect(item.bodyFirstLine == 7)
}

@Test func separatorMayHaveTrailingSpaces() {
    #expect(S.item("Titre: A\nCanaux: ecran\n---   \t\nTexte.\n")?.bodyText == "Texte.\n")
}

@Test func headerLineWithoutColonIsAProblem() {
    let problems = S.problems("Titre: A\nCanaux: ecran\nun texte égaré\n---\nTexte.\n")
    #expect(problems.map(\.line) == [3])
    #expect(problems.first?.message.contains("Clé: valeur") == true)
}

@Test func duplicateKeyIsAProblemOnTheSecondLine() {
    let problems = S.problems("Titre: A\nCanaux: ecran\nTitle: B\n---\nTexte.\n")
    #expect(problems.map(\.line) == [3])
    #expect(problems.first?.message == "La clé « Titre » apparaît deux fois (lignes 1 et 3).")
}

@Test func unknownKeySuggestsTheClosestInFrench() {
    let problems = S.problems("Titre: A\nCanaus: ecran\n---\nTexte.\n")
    #expect(problems.contains {
        $0.line == 2 && $0.message == "La clé « Canaus » n'est pas connue." && $0.fix.contains("Vouliez-vous dire « Canaux » ?")
    })
}

@Test func misspelledEnglishAliasSuggestsTheFrenchKey() {
    let problems = S.problems(S.withHeaderLine("Tagz: hiver"))
    #expect(problems.map(\.fix).first?.contains("« Mots-clés »") == true)
}

@Test func unknownKeyFarFromAnyListsTheAcceptedKeys() {
    let problems = S.problems(S.withHeaderLine("Couleur: rouge"))
    #expect(problems.count == 1)
    #expect(problems.first?.line == 3)
    #expect(problems.first?.fix.contains("« Titre », « Canaux »") == true)
    #expect(problems.first?.fix.contains("Vouliez-vous") == false)
}

@Test func missingSeparatorIsReportedWhenTheFileStartsWithAKey() {
    let problems = S.problems("Titre: A\nCanaux: ecran\n\nLe texte.\n")
    #expect(problems.count == 1)
    #expect(problems.first?.line == 2)
    #expect(problems.first?.message.contains("« --- »") == true)
    #expect(problems.first?.fix.contains("après la ligne 2") == true)
}

@Test func missingSeparatorIsDetectedWithAMisspelledFirstKey() {
    let problems = S.problems("Titr: A\nCanaux: ecran\nLe texte.\n")
    #expect(problems.contains { $0.message.contains("« --- »") })
    #expect(problems.contains { $0.message.contains("« Titr »") })
}

@Test func fileWithoutHeaderIsPlainBodyForCheck() throws {
    let text = "Bonjour à tous.\nAttention: le CPAS est fermé lundi.\n"
    let document = try S.document(text).get()
    #expect(document.item == nil)
    #expect(document.title == nil)
    #expect(document.bodyText == text)
    #expect(document.bodyFirstLine == 1)
}

@Test func textOpeningWithAColonAndARuleIsStillPlainBody() throws {
    let text = "Attention: nouveau service.\n---\nSuite du texte.\n"
    #expect(try S.document(text).get().item == nil)
}

@Test func fileWithoutHeaderIsRefusedByParse() {
    let problems = S.problems("Bonjour à tous.\nLe CPAS est fermé lundi.\n")
    #expect(problems.map(\.message) == ["Il manque le titre de l'annonce.", "Il manque les canaux où publier l'annonce."])
}

@Test func headerFileIsFullyValidatedByParseDocument() throws {
    let document = try S.document(S.validHeader + "---\nCorps.\n").get()
    #expect(document.item?.title == "Repair café")
    #expect(document.title == "Repair café")
    #expect(document.bodyText == "Corps.\n")
    #expect(document.bodyFirstLine == 4)
    guard case .failure(let rejection) = S.document("Titre: A\nCanaux: fax\n---\nCorps.\n") else {
        Issue.record("an unknown channel must be refused by parseDocument too")
        return
    }
    #expect(rejection.problems.map(\.line) == [2])
}

@Test func tabInHeaderValueBecomesASpace() {
    #expect(S.item("Titre: Repair\tcafé\nCanaux: ecran\n---\nTexte.\n")?.title == "Repair café")
}

@Test func allProblemsAreCollectedInLineOrder() {
    let text = """
    Titre:
    Canaux: telegramme
    Publication: 2026-02-30
    Urgent: peut-être
    Lien: www.cpas.be
    Couleur: bleu
    ---

    """
    let problems = S.problems(text)
    #expect(problems.map(\.line) == [1, 2, 3, 4, 5, 6, 7])
    #expect(problems.allSatisfy { !$0.message.isEmpty && !$0.fix.isEmpty })
}

@Test func misspelledRequiredKeyIsNotAlsoReportedMissing() {
    let problems = S.problems("Titre: A\nCanaus: ecran\n---\nTexte.\n")
    #expect(problems.count == 1)
    #expect(problems.first?.line == 2)
}

@Test func emptyBodyWithoutSeparatorPointsAtTheLastHeaderLine() {
    let problems = S.problems("Titre: A\nCanaux: ecran\n")
    #expect(problems.map(\.line) == [2, 2])
    #expect(problems.map(\.message).contains("Le texte de l'annonce est vide."))
}
