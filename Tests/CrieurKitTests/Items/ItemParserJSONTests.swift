import Foundation
import Testing
@testable import CrieurKit

private typealias S = ItemTestSupport

@Test func jsonItemWithEnglishNamesMatchesTheTextItem() throws {
    let json = """
    {
      "title": "Repair café",
      "channels": ["newsletter", "Écran"],
      "publish": "2026-11-15",
      "expires": "05/12/2026",
      "urgent": true,
      "link": "https://cpas.be",
      "place": "Salle du village",
      "image": "repair.jpg",
      "alt": "Des bénévoles",
      "tags": ["#repair", "village"],
      "override": "Raison",
      "body": "Venez.\\r\\n\\n- un\\n- deux"
    }
    """
    let item = try #require(S.item(json, fileName: "repair.JSON"))
    #expect(item.title == "Repair café")
    #expect(item.channels == [.newsletter, .ecran])
    #expect(item.publication == ItemMoment(date: CivilDate(year: 2026, month: 11, day: 15)))
    #expect(item.expires == ItemMoment(date: CivilDate(year: 2026, month: 12, day: 5)))
    #expect(item.urgent)
    #expect(item.link == "https://cpas.be")
    #expect(item.place == "Salle du village")
    #expect(item.image == ItemImage(fileName: "repair.jpg", alternativeText: "Des bénévoles"))
    #expect(item.tags == ["repair", "village"])
    #expect(item.override == "Raison")
    #expect(item.bodyText == "Venez.\n\n- un\n- deux")
    #expect(item.body.blocks.count == 2)
}

@Test func jsonItemWithFrenchNamesAndCommaStrings() throws {
    let json = #"{"Titre": "Aide", "canaux": "facebook, ecran", "Mots-clés": "a, b", "urgent": "oui", "texte": "Corps."}"#
    let item = try #require(S.item(json, fileName: "aide.json"))
    #expect(item.channels == [.facebook, .ecran])
    #expect(item.tags == ["a", "b"])
    #expect(item.urgent)
    #expect(item.bodyText == "Corps.")
}

@Test func jsonExtensionIsWhatMakesAFileJSON() {
    let json = #"{"title": "A", "channels": "ecran", "text": "Corps."}"#
    #expect(S.item(json, fileName: "a.json") != nil)
    #expect(S.item(json, fileName: "a.txt") == nil)
}

@Test func malformedJSONIsOneProblemWithItsLine() {
    let json = "{\n  \"title\": \"A\",\n  \"channels\": ,\n  \"body\": \"x\"\n}"
    let problems = S.problems(json, fileName: "a.json")
    #expect(problems.count == 1)
    #expect(problems.first?.line == 3)
    #expect(problems.first?.message.contains("mal formé") == true)
    #expect(problems.first?.fix.contains("guillemets") == true)
}

@Test func truncatedJSONIsOneProblem() {
    let problems = S.problems("{\"title\": \"A", fileName: "a.json")
    #expect(problems.count == 1)
    #expect(problems.first?.message.contains("mal formé") == true)
}

@Test(arguments: ["[1, 2]", "\"texte\"", "42"])
func jsonThatIsNotAnObjectIsAProblem(json: String) {
    let problems = S.problems(json, fileName: "a.json")
    #expect(problems.map(\.message) == ["Le fichier JSON doit contenir un seul objet, entre accolades { }."])
}

@Test func nonStringValuesAreProblemsNamingTheKey() {
    let json = #"{"title": 12, "channels": ["ecran", 3], "place": {"a": 1}, "urgent": 1, "body": "x"}"#
    let messages = S.problems(json, fileName: "a.json").map(\.message)
    #expect(messages.contains("La valeur de « title » doit être un texte entre guillemets."))
    #expect(messages.contains("La liste « channels » ne doit contenir que des textes entre guillemets."))
    #expect(messages.contains("La valeur de « place » doit être un texte entre guillemets."))
    #expect(messages.contains("La valeur de « urgent » doit être un texte entre guillemets."))
}

@Test func jsonFieldsFollowTheSameRules() {
    let json = #"{"title": "A", "channels": ["facebok"], "publish": "2026-02-30", "image": "a.jpg", "body": " "}"#
    let messages = S.problems(json, fileName: "a.json").map(\.message)
    #expect(messages.contains("Le canal « facebok » n'existe pas."))
    #expect(messages.contains("La date de publication « 2026-02-30 » n'existe pas : février 2026 n'a que 28 jours."))
    #expect(messages.contains("L'image n'a pas de texte alternatif."))
    #expect(messages.contains("Le texte de l'annonce est vide."))
}

@Test func jsonUnknownAndDuplicateKeysAreProblems() {
    let json = #"{"title": "A", "titre": "B", "chanels": "ecran", "body": "x"}"#
    let problems = S.problems(json, fileName: "a.json")
    #expect(problems.contains { $0.message == "La clé « chanels » n'est pas connue." && $0.fix.contains("« channels »") })
    #expect(problems.contains { $0.message.contains("deux fois") })
    #expect(problems.count == 2)
}

@Test func jsonKeyHintsUseTheJSONNames() {
    let hint = S.problems(#"{"title": "A", "channels": "ecran", "alt_text": "x", "colour": "x", "body": "x"}"#, fileName: "a.json")
        .map(\.fix).joined(separator: " ")
    #expect(hint.contains("« publish »") && hint.contains("« alt »") && hint.contains("« expires »"))
    #expect(!hint.contains("alternativeText"))
}

@Test func jsonMissingBodyIsAProblem() {
    #expect(S.problems(#"{"title": "A", "channels": "ecran"}"#, fileName: "a.json").map(\.message) == ["Il manque le texte de l'annonce."])
}

@Test func jsonTitleOnSeveralLinesOrWithControlCharactersIsRefused() {
    let newline = S.problems(#"{"title": "A\nB", "channels": "ecran", "body": "x"}"#, fileName: "a.json")
    #expect(newline.map(\.message) == ["La valeur de « title » doit tenir sur une seule ligne."])
    let bell = S.problems(#"{"title": "A\u0007\r\nBcc: x", "channels": "ecran", "body": "x"}"#, fileName: "a.json")
    #expect(bell.count == 1)
    #expect(bell.first?.message.contains("U+0007") == true)
    let separator = S.problems(#"{"title": "A\u2028B", "channels": "ecran", "body": "x"}"#, fileName: "a.json")
    #expect(separator.first?.message.contains("U+2028") == true)
}

@Test func jsonNullIsLikeAnAbsentField() {
    #expect(S.item(#"{"title": "A", "channels": "ecran", "link": null, "body": "x"}"#, fileName: "a.json")?.link == nil)
}

@Test func jsonDocumentHasItsItemAndBody() throws {
    let document = try S.document(#"{"title": "A", "channels": "ecran", "body": "Corps."}"#, fileName: "a.json").get()
    #expect(document.item?.title == "A")
    #expect(document.title == "A")
    #expect(document.bodyText == "Corps.")
    #expect(document.bodyFirstLine == 1)
}
