import Testing

@testable import CrieurKit

struct FrenchTokenizerTests {
    let tokenizer = FrenchTokenizer()

    /// Text and the sentences it must give, as trimmed strings.
    static let sentenceCases: [(String, [String])] = [
        ("Venez au CPAS. Apportez votre carte.", ["Venez au CPAS.", "Apportez votre carte."]),
        ("M. Dupont et Mme Leroy vous reçoivent. Le Dr Martin aussi.",
         ["M. Dupont et Mme Leroy vous reçoivent.", "Le Dr Martin aussi."]),
        ("Voir l'art. 60 de la loi. Merci.", ["Voir l'art. 60 de la loi.", "Merci."]),
        ("Apportez vos papiers, p. ex. une facture. Merci.", ["Apportez vos papiers, p. ex. une facture.", "Merci."]),
        ("Le loyer, c.-à-d. la somme du mois, est payé. Merci.",
         ["Le loyer, c.-à-d. la somme du mois, est payé.", "Merci."]),
        ("Le prix est de 3,5 euros. Payez sur place.", ["Le prix est de 3,5 euros.", "Payez sur place."]),
        ("Ouvert de 9 h 30 à 12h30. Venez tôt !", ["Ouvert de 9 h 30 à 12h30.", "Venez tôt !"]),
        ("Appelez le 081/22.33.44 ou le 0800 12 345. Merci.",
         ["Appelez le 081/22.33.44 ou le 0800 12 345.", "Merci."]),
        ("Lisez www.cpas-exemple.be/aide.html avant. Ou écrivez à aide@cpas.be. Merci.",
         ["Lisez www.cpas-exemple.be/aide.html avant.", "Ou écrivez à aide@cpas.be.", "Merci."]),
        ("Le 01.12.2026, nous fermons. Vraiment ?!", ["Le 01.12.2026, nous fermons.", "Vraiment ?!"]),
        ("Attendez… Nous arrivons.", ["Attendez…", "Nous arrivons."]),
        ("Du pain, du lait, etc. sont offerts. Venez.", ["Du pain, du lait, etc. sont offerts.", "Venez."]),
        ("Apportez :\n- votre carte\n- une facture\nMerci.", ["Apportez :", "votre carte", "une facture", "Merci."]),
        ("Les horaires\nLe CPAS ouvre à 8 h.", ["Les horaires", "Le CPAS ouvre à 8 h."]),
        ("Une phrase écrite\nsur deux lignes.", ["Une phrase écrite sur deux lignes."]),
        ("Premier paragraphe sans point\n\nSecond paragraphe", ["Premier paragraphe sans point", "Second paragraphe"]),
    ]

    @Test(arguments: sentenceCases)
    func sentencesEndOnlyWhereAReaderStops(text: String, expected: [String]) {
        #expect(tokenizer.sentences(in: text).map(\.text) == expected)
    }

    @Test func sentencesKeepTheLineTheyStartOn() {
        let text = "Bonjour.\n\nVenez au CPAS.\nUne phrase écrite\nsur deux lignes."
        let sentences = tokenizer.sentences(in: text, firstLine: 7)
        #expect(sentences.map(\.line) == [7, 9, 10])
    }

    /// A sentence and the words it must give.
    static let wordCases: [(String, [String])] = [
        ("L'avocat vous écoute jusqu'à midi.", ["L'avocat", "vous", "écoute", "jusqu'à", "midi"]),
        ("Qu’il vienne aujourd’hui.", ["Qu’il", "vienne", "aujourd’hui"]),
        ("Le grille-pain est-il réparé ?", ["Le", "grille-pain", "est-il", "réparé"]),
        ("Appelez le 0800 12 345 avant 9 h 30.", ["Appelez", "le", "0800 12 345", "avant", "9 h 30"]),
        ("Lisez https://cpas.be ou écrivez à info@cpas.be.", ["Lisez", "ou", "écrivez", "à"]),
        ("« Bienvenue » — dit-elle (au CPAS).", ["Bienvenue", "dit-elle", "au", "CPAS"]),
        ("Le n° 5 coûte 3,5 € !", ["Le", "n°", "5", "coûte", "3,5"]),
    ]

    @Test(arguments: wordCases)
    func wordsKeepElisionsHyphensAndNumberGroups(sentence: String, expected: [String]) {
        let words = tokenizer.sentences(in: sentence).flatMap(\.words).map(\.text)
        #expect(words == expected)
    }

    @Test func wordsAreClassifiedAsWordsNumbersOrCapitals() {
        let words = tokenizer.sentences(in: "Le CPAS paie 60 euros.").flatMap(\.words)
        #expect(words.map(\.kind) == [.word, .capitals, .word, .number, .word])
    }
}
