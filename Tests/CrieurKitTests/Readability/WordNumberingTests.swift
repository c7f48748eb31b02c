import Testing

@testable import CrieurKit

struct WordNumberingTests {
    func number(_ words: [String], in numbering: inout WordNumbering) -> [Int32] {
        words.map { word in
            var word = word
            return word.withUTF8 { numbering.id(for: $0) }
        }
    }

    @Test func equalBytesShareANumberAndOtherBytesDoNot() {
        var numbering = WordNumbering()
        // é precomposed and e + U+0301 look alike but are other bytes: their syllables
        // are counted on their own, so they must not share a number.
        let ids = number(["vous", "Vous", "vous", "été", "e\u{0301}te\u{0301}", "été", "e\u{0301}te\u{0301}", ""], in: &numbering)
        #expect(ids == [0, 1, 0, 2, 3, 2, 3, 4])
        #expect(numbering.count == 5)
        #expect((0..<5).map { numbering.string(of: Int32($0)) } == ["vous", "Vous", "été", "e\u{0301}te\u{0301}", ""])
    }

    @Test func keepsEveryWordAcrossGrowth() {
        var numbering = WordNumbering()
        let words = (0..<5000).map { "mot\($0)" }
        let first = number(words, in: &numbering)
        let again = number(words.reversed(), in: &numbering)
        #expect(first == Array(0..<5000))
        #expect(again == first.reversed())
        #expect(numbering.string(of: 4321) == "mot4321")
    }

    @Test func unsharedWordsGetANumberEachTime() {
        var numbering = WordNumbering()
        var word = "aide"
        let a = word.withUTF8 { numbering.appendUnshared($0) }
        let b = word.withUTF8 { numbering.appendUnshared($0) }
        #expect(a != b)
        #expect(numbering.string(of: a) == "aide" && numbering.string(of: b) == "aide")
    }
}

struct TokenizedTextTests {
    @Test func readsTheBytesOfEverySpaceAndBreakAlike() {
        // Tab, no-break, narrow no-break and thin spaces are spaces; CR and the byte order mark vanish.
        let tokens = FrenchTokenizer().sentences(in: "\u{FEFF}Venez\tau\u{00A0}CPAS\u{202F}!\r\nMerci\u{2009}à vous.")
        #expect(tokens.map(\.text) == ["Venez au CPAS !", "Merci à vous."])
        #expect(tokens.map(\.line) == [1, 2])
    }

    @Test func numberGroupsApartByMoreThanOneSpaceAreStillOneWord() {
        let words = FrenchTokenizer().sentences(in: "Appelez le 0800  12, 345 ou 9 h 30 h.").flatMap(\.words)
        #expect(words.map(\.text) == ["Appelez", "le", "0800 12 345", "ou", "9 h 30 h"])
        #expect(words.map(\.kind) == [.word, .word, .number, .word, .number])
    }

    @Test func closingPunctuationOfSeveralBytesStaysWithItsSentence() {
        let sentences = FrenchTokenizer().sentences(in: "Il a dit : « Venez.» Puis “oui ?” Enfin… il part’ Voilà.")
        #expect(sentences.map(\.text) == ["Il a dit : « Venez.»", "Puis “oui ?”", "Enfin…", "il part’ Voilà."])
    }

    @Test func aMergedTitleKeepsItsWordsAndTakesTheTitleText() {
        var tokens = TokenizedText()
        let tokenizer = FrenchTokenizer()
        tokenizer.tokenize("Aide. Énergie", firstLine: 1, into: &tokens)
        #expect(tokens.sentences.count == 2)
        tokens.mergeSentences(from: 0, text: "Aide.\nÉnergie", line: 1)
        tokenizer.tokenize("Venez au CPAS.", firstLine: 3, into: &tokens)
        #expect(tokens.sentences.count == 2)
        #expect(tokens.text(ofSentence: 0) == "Aide.\nÉnergie")
        #expect(tokens.text(ofSentence: 1) == "Venez au CPAS.")
        #expect(tokens.sentences.map(\.words) == [0..<2, 2..<5])
        #expect(tokens.sentences.map(\.line) == [1, 3])
    }
}
