import Testing

@testable import CrieurKit

struct WordFactsTests {
    @Test(arguments: [
        ("l'avocat", 3, "avocat", 7), ("CPAS", 4, "cpas", 4), ("Grille-pain", 2, "grille-pain", 10),
        ("0800 12 345", 10, "0800 12 345", 0), ("jusqu'à", 2, "à", 6),
    ])
    func holdsTheCountTheKeyAndTheLetters(word: String, syllables: Int, key: String, letters: Int) {
        let facts = WordFacts(word)
        #expect(facts.syllables == FrenchSyllableCounter.count(word))
        #expect(facts.syllables == syllables)
        #expect(facts.key == key)
        #expect(facts.letters == letters)
    }

    @Test func tableGivesWhatEachWordWouldGiveAlone() {
        var table = WordTable(rules: PlainLanguageRules(settings: ReadabilitySettings(), channels: Channel.allCases))
        let words = ["vous", "Vous", "l'aide", "vous", "CPAS", "l'aide", "été", "e\u{0301}te\u{0301}", "été"]
        for word in words {
            let id = table.wordID(for: word)
            let remembered = table[word: id]
            let alone = WordFacts(word)
            #expect(remembered.syllables == alone.syllables, "\(word)")
            #expect(Array(remembered.key.utf8) == Array(alone.key.utf8), "\(word)")
            #expect(remembered.letters == alone.letters, "\(word)")
            #expect(remembered.opensNegation == alone.opensNegation, "\(word)")
        }
    }
}
