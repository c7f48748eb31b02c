/// Counts the syllables of a French word as it is spoken (not as it is
/// hyphenated): the final mute *e*, *-es* and the *-ent* of verbs are silent,
/// vowel letters that make one sound (*eau*, *ou*, *oi*, *ai*) count once,
/// *i*, *u* and *ou* before a vowel are semi-vowels (*nation*, *nuit*, *jouer*)
/// except after a consonant cluster (*client*, *crier*), a diaeresis or an
/// *é* opens a new syllable (*naïf*, *théâtre*), and an inner unstressed *e* counts, as
/// the reference lexicon (Lexique 3.83) counts it (*seu-le-ment*).
///
/// Rules, not a dictionary, because names, places and jargon are not in
/// dictionaries; a short exception list covers the irregular frequent words
/// (`FrenchSyllableCounter+Lists.swift`). Numbers count as they are read aloud
/// in Belgium (*septante*, *nonante*), acronyms that cannot be pronounced as a
/// word count one syllable per letter (*CPAS*: 4).
///
/// It never fails: any string gets a count (0 only for a bare elided letter
/// such as the *l* of *l'*, or for a string without letters or digits).
public enum FrenchSyllableCounter {
    /// Syllables of one word as the tokeniser returns it: it may hold
    /// apostrophes (*l'avocat*, *jusqu'à*), hyphens (*grille-pain*) and digits.
    public static func count(_ word: String) -> Int {
        let scalars = Array(word.unicodeScalars)
        if scalars.contains(where: { LetterTable.isDigit($0) }) {
            return countNumberToken(scalars)
        }
        if isUnpronounceableAcronym(scalars) {
            return scalars.reduce(0) { $0 + (LetterTable.isLetter($1) ? 1 : 0) }
        }
        var total = 0
        var part: [Unicode.Scalar] = []
        for scalar in scalars {
            switch scalar {
            case "'", "\u{2019}":
                // The elided part (l', qu', jusqu') is read with the next word:
                // it only counts when it keeps a vowel of its own (jusqu' → jus).
                let isWholeWord = total == 0 && scalars.last == scalar
                total += countPart(lowercased(part), elided: true, standalone: isWholeWord)
                part.removeAll(keepingCapacity: true)
            case "-", "\u{2010}", "\u{2011}":
                total += countPart(lowercased(part), elided: false)
                part.removeAll(keepingCapacity: true)
            default:
                part.append(scalar)
            }
        }
        total += countPart(lowercased(part), elided: false)
        return total
    }

    // MARK: - Word parts

    /// Syllables of one part of a word, already lower-cased, without apostrophes or hyphens.
    static func countPart(_ part: [Unicode.Scalar], elided: Bool, standalone: Bool = false) -> Int {
        let letters = part.allSatisfy(LetterTable.isLetter) ? part : part.filter { LetterTable.isLetter($0) }
        if letters.isEmpty { return 0 }
        if let known = FrenchSyllableLists.exception(letters) {
            return known
        }
        guard letters.contains(where: isVowelLetter) else {
            // A clitic written alone (l', qu') is still one spoken syllable (le, que).
            if elided && standalone { return 1 }
            // The consonant of an elision (l', d', qu') or of an inversion (a-t-il)
            // is silent; a lone abbreviation (h, km) is spelled out.
            if elided || letters.count == 1 && letters[0] == "t" { return 0 }
            return letters.count
        }
        let stem = stemWithoutMuteEnding(letters[...])
        let nuclei = countNuclei(stem)
        if nuclei == 0 {
            if elided { return standalone ? 1 : 0 }  // the qu' of qu'il
            // A word whose only vowel is the final e (le, que, des) keeps it.
            return max(1, countNuclei(letters[...]))
        }
        return nuclei
    }

    /// The word without its silent ending (a slice from index 0: the helpers below index from 0): final -e, -es, and the -ent of a verb
    /// in the third person plural (ils parlent), then the silent u of final gu/qu.
    static func stemWithoutMuteEnding(_ w: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        let n = w.count
        var stem = w
        if n > 3, w[n - 3] == "e", w[n - 2] == "n", w[n - 1] == "t" {
            let word = LetterTable.string(w)
            if isNasalEnt(word) { return w }
            stem = w[0..<(n - 3)]
        } else if n > 2, w[n - 2] == "e", w[n - 1] == "s" {
            stem = w[0..<(n - 2)]
        } else if n > 1, w[n - 1] == "e" {
            stem = w[0..<(n - 1)]
        } else {
            return w
        }
        if stem.count >= 2, stem[stem.count - 1] == "u", stem[stem.count - 2] == "g" || stem[stem.count - 2] == "q" {
            stem.removeLast()
        }
        return stem
    }

    /// True when a word ending in -ent is read with the nasal vowel (moment,
    /// parent), false when the -ent is the silent verb ending (ils aiment).
    static func isNasalEnt(_ word: String) -> Bool {
        if FrenchSyllableLists.silentEntVerbs.contains(word) { return false }
        if word.hasSuffix("ment") { return true }
        return FrenchSyllableLists.nasalEntWords.contains(word)
    }

    // MARK: - Vowel nuclei

    static func isVowelLetter(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a", "e", "i", "o", "u", "y", "à", "â", "ä", "é", "è", "ê", "ë", "î", "ï", "ô", "ö", "ù", "û", "ü", "ÿ",
            "œ", "æ":
            return true
        default:
            return false
        }
    }

    /// Obstruent + liquid (cr, pl, tr, …): after it, i, u and ou before a vowel
    /// stay full vowels (cri-er, cli-ent, tru-and).
    static func isClusterBefore(_ w: ArraySlice<Unicode.Scalar>, _ index: Int) -> Bool {
        guard index >= 2 else { return false }
        let liquid = w[index - 1]
        let obstruent = w[index - 2]
        guard liquid == "l" || liquid == "r" else { return false }
        switch obstruent {
        case "b", "c", "d", "f", "g", "k", "p", "t", "v": return true
        default: return false
        }
    }

    /// Whether the letter at `i` is a vowel sound in this word, given its neighbours.
    static func actsAsVowel(_ w: ArraySlice<Unicode.Scalar>, _ i: Int) -> Bool {
        let c = w[i]
        guard isVowelLetter(c) else { return false }
        let next: Unicode.Scalar? = i + 1 < w.count ? w[i + 1] : nil
        let previous: Unicode.Scalar? = i > 0 ? w[i - 1] : nil
        switch c {
        case "u":
            // qu, gu before a vowel: the u is part of the consonant (qui, guerre).
            if let p = previous, p == "q" || (p == "g" && next.map(isVowelLetter) == true) {
                return false
            }
            if previous == "q" { return false }
        case "e":
            // ge before a, o, u only softens the g (mangeons, geai).
            if previous == "g", let nx = next, nx == "a" || nx == "o" || nx == "u" || nx == "â" || nx == "ô" {
                return false
            }
        case "y":
            // y at the start before a vowel (yeux) or between vowels (payer) is the consonant j.
            if let nx = next, isVowelLetter(nx) {
                if i == 0 { return false }
                if let p = previous, isVowelLetter(p) { return false }
            }
        default:
            break
        }
        return true
    }

    /// Counts the vowel sounds of a stem (already without its mute ending).
    static func countNuclei(_ w: ArraySlice<Unicode.Scalar>) -> Int {
        var count = 0
        var inVowel = false
        var groupStart = 0
        var i = 0
        while i < w.count {
            let vowel = actsAsVowel(w, i)
            if vowel {
                if !inVowel {
                    count += 1
                    groupStart = i
                    inVowel = true
                } else if opensHiatus(w, i, groupStart: groupStart) {
                    count += 1
                    groupStart = i
                }
            } else {
                inVowel = false
            }
            i += 1
        }
        return count
    }

    /// True when the vowel at `i`, which follows another vowel letter, is heard as a new syllable.
    static func opensHiatus(_ w: ArraySlice<Unicode.Scalar>, _ i: Int, groupStart: Int) -> Bool {
        let c = w[i]
        let p = w[i - 1]
        if c == "ï" || c == "ü" || c == "ë" { return true }
        switch p {
        case "i", "u", "y":
            // Semi-vowel (nation, nuit, pitié) unless after a cluster (crier, cruel).
            if p == "u", i >= 2, w[i - 2] == "o" || w[i - 2] == "e" || w[i - 2] == "a" {
                // ou, eu, au + vowel: ou is a semi-vowel too (jouer), not after a cluster (trouer).
                if w[i - 2] == "o" && c != "i" && isClusterBefore(w, i - 2) && clusterVowelCounts(w, i) { return true }
                return false
            }
            if p == "i", i >= 2, actsAsVowel(w, i - 2) {
                return c == "é"
            }
            // ui stays one syllable even after a cluster (bruit, construire).
            if p == "u" && c == "i" { return false }
            if isClusterBefore(w, i - 1) && clusterVowelCounts(w, i) { return true }
            return false
        case "é":
            return true
        case "o":
            if c == "i" || c == "u" || c == "y" || c == "e" || c == "ê" || c == "î" || c == "ù" || c == "û" || c == "o" {
                return false
            }
            return true
        case "a":
            if c == "i" || c == "u" || c == "y" || c == "î" { return false }
            if c == "o" && i + 1 < w.count && w[i + 1] == "n" { return false }
            return true
        case "e":
            if c == "a" || c == "i" || c == "u" || c == "o" || c == "y" || c == "e" || c == "î" || c == "û" { return false }
            return true
        default:
            break
        }
        if c == "é" || c == "è" || c == "ê" || c == "â" || c == "ô" {
            return true
        }
        return false
    }

    /// After a cluster, a following plain e only makes a syllable when it closes
    /// the word (cri-er, cli-ent) or stands before two consonants; in oublierai it is mute.
    static func clusterVowelCounts(_ w: ArraySlice<Unicode.Scalar>, _ i: Int) -> Bool {
        guard w[i] == "e" else { return true }
        var j = i + 1
        var consonants = 0
        while j < w.count, !isVowelLetter(w[j]) {
            consonants += 1
            j += 1
        }
        return j == w.count || consonants >= 2
    }

    // MARK: - Acronyms and numbers

    /// An acronym in capitals with at most one vowel letter (CPAS, RIS, BIM) is
    /// read letter by letter; FOREM or ONEM are read as words.
    static func isUnpronounceableAcronym(_ scalars: [Unicode.Scalar]) -> Bool {
        var letters = 0, vowels = 0
        for c in scalars where LetterTable.isLetter(c) {
            guard LetterTable.isUppercase(c) else { return false }
            letters += 1
            if isVowelLetter(Unicode.Scalar(c.value | 0x20) ?? c) { vowels += 1 }
        }
        return letters >= 2 && vowels <= 1
    }

    static func lowercased(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        if scalars.allSatisfy({ !LetterTable.isUppercase($0) }) { return scalars }
        // String.lowercased() maps each scalar on its own; when only ASCII capitals
        // change, doing it here spares building two Strings per capitalised word.
        if scalars.allSatisfy({ $0.isASCII || !LetterTable.changesWhenLowercased($0) }) {
            return scalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32)! : $0 }
        }
        return Array(LetterTable.string(scalars).lowercased().unicodeScalars)
    }
}
