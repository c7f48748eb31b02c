extension PlainLanguageRules {
    /// Flags the words whose lemma is not among the `rareWordRank` most frequent of
    /// Lexique 3.83 for the strictest channel checked (« mot peu courant »), with a
    /// frequent synonym when `CommonWords.synonyms` knows one. Names (a capital inside
    /// the sentence), numbers, acronyms, known words, place names, words the
    /// administrative lexicon already flagged (`covered`) and words explained in a
    /// parenthesis right after them are left alone. Marks the words it flags as covered,
    /// so that a rare long word is not flagged twice.
    func rareWords(
        _ analysed: Analysed, table: WordTable, covered: inout Set<Int>, wording: inout Wording,
        into findings: inout [ReadabilityFinding]
    ) {
        for i in 0..<analysed.count where analysed.kind(i) == .word {
            let rank = table[key: analysed.keys[i]].lemmaRank
            guard rank > rareWordRank, !covered.contains(i) else { continue }
            let facts = table[word: analysed.wordIDs[i]]
            guard facts.letters > 2, !knownWords.contains(facts.key) else { continue }
            if i > 0, facts.text.unicodeScalars.first.map(LetterTable.isUppercase) == true { continue }
            // Explained on the spot: « péremption (la fin de validité) ».
            if analysed.text.contains(facts.text + " (") { continue }
            let id = analysed.wordIDs[i]
            let texts = wording.rareWord[id] ?? {
                let synonym = CommonWords.synonyms[facts.key]
                // « l'introduction » is quoted as « introduction », the word the reader may not know.
                let written = facts.key == facts.text ? facts.text : String(facts.text.suffix(facts.key.count))
                let texts = Wording.Texts(
                    excerpt: written,
                    message: "« \(written) » est un mot peu courant : beaucoup de lecteurs ne le connaissent pas.",
                    suggestion: synonym.map { "Expliquez-le ou remplacez-le par « \($0) »." }
                        ?? "Expliquez-le ou remplacez-le par un mot plus courant.")
                wording.rareWord[id] = texts
                return texts
            }()
            var found = finding(.rareWord, .warning, analysed, message: texts.message, excerpt: texts.excerpt, suggestion: texts.suggestion)
            found.lemmaRank = rank
            findings.append(found)
            covered.insert(i)
        }
    }
}
