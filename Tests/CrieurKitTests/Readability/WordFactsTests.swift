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
        var numbering = WordNumbering()
        let words = ["vous", "Vous", "l'aide", "vous", "CPAS", "l'aide", "été", "e\u{0301}te\u{0301}", "été", "0800 12 345"]
        // Numbered in two rounds, as a title then a body are: the second round adds only the new words.
        let ids = words.map { word in
            var word = word
            return word.withUTF8 { numbering.id(for: $0) }
        }
        table.addWords(from: numbering)
        for (word, id) in zip(words, ids) {
            let remembered = table[word: id]
            #expect(remembered.text == word)
            #expect(remembered.kind == FrenchTokenizer().sentences(in: word).first?.words.first?.kind, "\(word)")
            let alone = WordFacts(word)
            #expect(remembered.syllables == alone.syllables, "\(word)")
            #expect(Array(remembered.key.utf8) == Array(alone.key.utf8), "\(word)")
            #expect(remembered.letters == alone.letters, "\(word)")
            #expect(remembered.opensNegation == alone.opensNegation, "\(word)")
        }
    }
}

struct WordTableTests {
    let rules = PlainLanguageRules(settings: ReadabilitySettings(), channels: Channel.allCases)

    /// The table after numbering `keys`, and their numbers (a key is numbered before its
    /// facts are read: the subscript reads the table as it was before the call otherwise).
    func table(numbering keys: [String]) -> (WordTable, [String: Int32]) {
        var table = WordTable(rules: rules)
        var ids: [String: Int32] = [:]
        for key in keys { ids[key] = table.keyID(for: key) }
        return (table, ids)
    }

    @Test func keyFactsAnswerWhatTheRulesListsSay() {
        let (table, id) = table(numbering: ["été", "demandée", "par", "pas", "maison", "sollicitez"])
        #expect(table[key: id["été"]!].flags == [.beForm, .been])  // too short to be taken for a participle
        #expect(table[key: id["demandée"]!].flags == [.participle])
        #expect(table[key: id["par"]!].flags.contains(.by))
        #expect(table[key: id["pas"]!].flags.isSuperset(of: [.adverb, .negativeParticle]))
        #expect(table[key: id["maison"]!].flags.isEmpty)
        let solicit = table[key: id["sollicitez"]!].prefixEntry
        #expect(solicit >= 0 && rules.lexicon.prefixEntries[Int(solicit)].alternative == "demander")
        #expect(table[key: id["maison"]!].prefixEntry == -1)
    }

    @Test func entriesAndTurnsAreFoundByTheirFirstKey() {
        let (table, id) = table(numbering: ["afin", "de", "il", "convient", "maison"])
        let afin = table[key: id["afin"]!].lexiconGroup
        #expect(afin >= 0 && table.lexiconGroups[Int(afin)].contains { $0.keys == [id["afin"]!, id["de"]!] })
        let il = table[key: id["il"]!].impersonalGroup
        #expect(il >= 0 && table.impersonalGroups[Int(il)].contains { $0 == [id["il"]!, id["convient"]!] })
        #expect(table[key: id["maison"]!].lexiconGroup == -1)
    }

    @Test func canonicallyEqualKeysShareANumber() {
        var table = WordTable(rules: rules)
        #expect(table.keyID(for: "été") == table.keyID(for: "e\u{0301}te\u{0301}"))
        #expect(table.keyID(for: "vous") != table.keyID(for: "nous"))
    }
}
