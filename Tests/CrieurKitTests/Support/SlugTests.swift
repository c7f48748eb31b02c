import Testing
@testable import CrieurKit

@Test(arguments: [
    ("Atelier cuisine à petit prix", "atelier-cuisine-a-petit-prix"),
    ("Repair café le samedi 5 décembre", "repair-cafe-le-samedi-5-decembre"),
    ("Le CPAS est fermé le lundi 2 novembre", "le-cpas-est-ferme-le-lundi-2-novembre"),
    ("  « Œuvre » d'été !!  ", "oeuvre-d-ete"),
    ("ÉCOLE—Noël", "ecole-noel"),
    ("", "annonce"),
    ("!!! ???", "annonce"),
    ("مرحبا", "annonce"),
    ("<script>alert(1)</script>", "script-alert-1-script"),
    ("a/../../etc/passwd", "a-etc-passwd"),
])
func slugFoldsAccentsAndJoinsWordsWithDashes(title: String, expected: String) {
    #expect(Slug.make(title) == expected)
}

@Test func longSlugIsCutAtAWordBoundary() {
    let slug = Slug.make("Allocation de chauffage pour les personnes avec un petit revenu et des dettes")
    #expect(slug == "allocation-de-chauffage-pour-les-personnes-avec-un-petit")
    #expect(slug.count <= 60)
}

@Test func slugOfOneLongWordIsCutAtTheLimit() {
    #expect(Slug.make(String(repeating: "a", count: 80), maxLength: 10) == "aaaaaaaaaa")
    #expect(Slug.make("abc defgh", maxLength: 5) == "abc")
    #expect(Slug.make("abc defgh", maxLength: 3) == "abc")
}
