import Testing

@testable import CrieurKit

/// The word-frequency table derived from Lexique 3.83, as the checker asks it.
struct FrenchWordFrequenciesTests {
    @Test func theMostFrequentLemmasRankFirst() {
        #expect(FrenchWordFrequencies.lemmaRank(of: "de") == 1)
        #expect(FrenchWordFrequencies.lemmaRank(of: "être") == 2)
        #expect(FrenchWordFrequencies.lemmaRank(of: "a") == 3)  // avoir
    }

    @Test func everyFormAnswersTheRankOfItsLemma() throws {
        let aider = try #require(FrenchWordFrequencies.lemmaRank(of: "aider"))
        #expect(FrenchWordFrequencies.lemmaRank(of: "aidez") == aider)
        #expect(FrenchWordFrequencies.lemmaRank(of: "aidons") == aider)
        #expect(aider < 1000)
    }

    @Test func rareAndUnknownWordsAreNotAmongTheFrequentLemmas() {
        #expect(FrenchWordFrequencies.lemmaRank(of: "subséquemment") == nil)
        #expect(FrenchWordFrequencies.lemmaRank(of: "péremption") == nil)
        #expect(FrenchWordFrequencies.lemmaRank(of: "indu") == nil)
        #expect(FrenchWordFrequencies.lemmaRank(of: "zzzz") == nil)
        #expect(FrenchWordFrequencies.lemmaRank(of: "") == nil)
    }

    @Test func theFirstAndLastLinesOfTheTableAreFound() {
        // The binary search's edges: the table's first form and one sorted after every letter.
        #expect(FrenchWordFrequencies.lemmaRank(of: "a") == 3)
        #expect(FrenchWordFrequencies.lemmaRank(of: "ôtés") == FrenchWordFrequencies.lemmaRank(of: "ôter"))
        #expect(FrenchWordFrequencies.lemmaRank(of: "ôtés") != nil)
    }

    @Test func aHyphenatedCompoundRanksAsItsRarestPart() throws {
        let presentez = try #require(FrenchWordFrequencies.lemmaRank(of: "présentez"))
        let rank = PlainLanguageRules.lemmaRank(of: "présentez-vous")
        #expect(rank == Int32(max(presentez, FrenchWordFrequencies.lemmaRank(of: "vous")!)))
        #expect(PlainLanguageRules.lemmaRank(of: "présentez-subséquemment") == .max)
    }

    @Test func theScoresCountRareWordsAmongLowerCaseWordsOnly() {
        let checker = ReadabilityChecker()
        let plain = checker.check("Le CPAS vous aide à payer votre loyer.").metrics
        #expect(plain.rareWordShare == 0)
        #expect(plain.lexicalWords == 6)  // CPAS is left out
        let rare = checker.check("Subséquemment, la péremption sera constatée.").metrics
        // Subséquemment is left out (a capital); péremption is the rare one of la, péremption, sera, constatée.
        #expect(rare.lexicalWords == 4)
        #expect(rare.rareWordShare == 0.25)
        #expect(rare.meanLogRank > plain.meanLogRank)
    }
}
