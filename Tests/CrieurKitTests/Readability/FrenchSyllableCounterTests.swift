import Testing

@testable import CrieurKit

struct FrenchSyllableCounterTests {
    /// Words whose spoken syllables trap simple counters, with the count a reader says.
    static let trickyWords: [(String, Int)] = [
        ("avait", 2), ("avec", 2), ("ici", 2),  // textstat says 1 for each
        ("table", 1), ("tables", 1), ("parlent", 1), ("aiment", 1), ("avaient", 2),
        ("moment", 2), ("souvent", 2), ("parent", 2), ("client", 2),
        ("eau", 1), ("oiseau", 2), ("nuit", 1), ("pluie", 1), ("jouer", 1), ("oui", 1),
        ("nation", 2), ("bien", 1), ("pitié", 2), ("crier", 2), ("ouvrier", 3), ("cruel", 2),
        ("naïf", 2), ("Noël", 2), ("maïs", 2), ("théâtre", 2), ("réel", 2), ("poème", 2),
        ("payer", 2), ("moyen", 2), ("yeux", 1), ("cycle", 1),
        ("qui", 1), ("guerre", 1), ("langue", 1), ("mangeons", 2), ("année", 2), ("vie", 1),
        ("travailler", 3), ("fille", 1), ("feuille", 1), ("pays", 2), ("femme", 1), ("monsieur", 2),
        ("le", 1), ("des", 1), ("que", 1),
        ("l'avocat", 3), ("jusqu'à", 2), ("qu'il", 1), ("aujourd'hui", 3), ("aujourd’hui", 3),
        ("grille-pain", 2), ("a-t-il", 2),
        ("CPAS", 4), ("RIS", 3), ("FOREM", 2),
        ("2", 1), ("70", 2), ("21", 3), ("345", 5), ("9h30", 3), ("3,5", 4), ("1er", 2), ("0800", 4),
    ]

    @Test(arguments: trickyWords)
    func countsSpokenSyllables(word: String, expected: Int) {
        #expect(FrenchSyllableCounter.count(word) == expected)
    }

    @Test func exceptionListStaysShort() {
        let size = FrenchSyllableLists.exceptions.count + FrenchSyllableLists.nasalEntWords.count
            + FrenchSyllableLists.silentEntVerbs.count
        #expect(size <= 1000)
    }
}
