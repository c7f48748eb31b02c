import Testing
@testable import CrieurKit

@Test(arguments: [
    ("", "", 0), ("abc", "", 3), ("", "ab", 2), ("canaux", "canaux", 0), ("canaus", "canaux", 1),
    ("kitten", "sitting", 3), ("facebok", "facebook", 1), ("écran", "ecran", 1),
])
func levenshteinCountsEdits(a: String, b: String, expected: Int) {
    #expect(EditDistance.levenshtein(a, b) == expected)
    #expect(EditDistance.levenshtein(b, a) == expected)
}

@Test func closestPicksTheNearestPlausibleCandidate() {
    #expect(EditDistance.closest(to: "canaus", among: ["titre", "canaux", "lien"]) == "canaux")
    #expect(EditDistance.closest(to: "telegramme", among: ["newsletter", "bulletin", "facebook", "ecran"]) == nil)
    #expect(EditDistance.closest(to: "fim", among: ["fin", "lien"]) == "fin")
    #expect(EditDistance.closest(to: "abcd", among: ["wxyz"]) == nil)
}
