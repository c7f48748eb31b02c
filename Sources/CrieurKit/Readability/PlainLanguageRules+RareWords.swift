extension PlainLanguageRules {
    /// Flags the words whose lemma is not among the `rareWordRank` most frequent of
    /// Lexique 3.83 for the strictest channel checked (« mot peu courant »), with a
    /// frequent synonym when `CommonWords.synonyms` knows one. Names (a capital inside
    /// the sentence), numbers, acronyms, known words, place names, words the
    /// administrative lexicon already flagged (`covered`) and words explained in a
    /// parenthesis right after them are left alone. Marks the words it flags as covered,
    /// so that a rare long word is not flagged twice. Each rare word is flagged once per
    /// text, where it first appears (`seen`: key numbers already flagged): explained or
    /// replaced there, it is explained everywhere.
    func rareWords(
        _ analysed: Analysed, table: WordTable, covered: inout Set<Int>, seen: inout Set<Int32>, wording: inout Wording,
        into findings: inout [ReadabilityFinding]
    ) {
        for i in 0..<analysed.count where analysed.kind(i) == .word {
            let rank = table[key: analysed.keys[i]].lemmaRank
            guard rank > rareWordRank, !covered.contains(i) else { continue }
            if seen.contains(analysed.keys[i]) {
                covered.insert(i)
                continue
            }
            let facts = table[word: analysed.wordIDs[i]]
            guard facts.letters > 2, !knownWords.contains(facts.key) else { continue }
            if i > 0, facts.text.unicodeScalars.first.map(LetterTable.isUppercase) == true { continue }
            // Explained on the spot: « péremption (la fin de validité) ».
            if explainedInParenthesis(facts.text, in: analysed.textBytes) { continue }
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
            seen.insert(analysed.keys[i])
        }
    }

    /// True when `word` is followed by « ( » in the sentence (« péremption (la date limite) »).
    /// On the bytes: most sentences have no parenthesis and are settled by one scan.
    func explainedInParenthesis(_ word: String, in text: ArraySlice<UInt8>) -> Bool {
        guard text.contains(UInt8(ascii: "(")) else { return false }
        let needle = Array(word.utf8) + Array(" (".utf8)
        guard needle.count <= text.count else { return false }
        var p = text.startIndex
        while p + needle.count <= text.endIndex {
            if text[p] == needle[0], text[p..<(p + needle.count)].elementsEqual(needle) { return true }
            p += 1
        }
        return false
    }
}
