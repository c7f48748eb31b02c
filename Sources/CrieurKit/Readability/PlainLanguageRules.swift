/// Applies the plain-language rules (`ReadabilityRule`) to the sentences of a
/// text and returns findings in French, each with the line, the words
/// concerned and a concrete rewrite. Works on words already split, and asks
/// what it needs about each word from the text's `WordTable`, where each
/// distinct word was looked up once; no regular expressions. Never fails.
struct PlainLanguageRules: Sendable {
    /// A sentence as the rules see it: a window on the text's flat arrays, its words
    /// asked about by position (0 for the first word) through the `WordTable`.
    struct Analysed {
        var index: Int
        var line: Int
        /// Numbers in the `WordTable` of the words as written.
        var wordIDs: Positions
        /// Numbers in the `WordTable` of the words' keys: lower case, apostrophes as `'`,
        /// elided clitic removed (l'octroi → octroi).
        var keys: Positions
        /// The sentence's text, as UTF-8 bytes.
        var textBytes: ArraySlice<UInt8>
        let table: WordTable

        var count: Int { wordIDs.count }
        var text: String { String(decoding: textBytes, as: UTF8.self) }
        func word(_ i: Int) -> String { table.words[Int(wordIDs[i])].text }
        func kind(_ i: Int) -> FrenchTokenizer.Word.Kind { table.words[Int(wordIDs[i])].kind }
        func syllables(_ i: Int) -> Int { table.words[Int(wordIDs[i])].syllables }
    }

    /// Numbers of one sentence's words, indexed from 0 whatever their place in the text's array.
    struct Positions: RandomAccessCollection {
        let base: ArraySlice<Int32>
        var startIndex: Int { 0 }
        var endIndex: Int { base.count }
        subscript(position: Int) -> Int32 { base[base.startIndex + position] }
        /// The numbers of `range`, as a slice that hashes and compares by its elements.
        func slice(_ range: Range<Int>) -> ArraySlice<Int32> {
            base[(base.startIndex + range.lowerBound)..<(base.startIndex + range.upperBound)]
        }
    }

    let settings: ReadabilitySettings
    let lexicon: AdministrativeLexicon
    let knownAcronyms: Set<String>
    let explanations: [String: String]
    /// Sentence limits of the channels checked, strictest first.
    let sentenceLimits: [(channel: Channel, limit: Int)]
    /// The smallest `rareWordRank` of the channels checked: a word beyond it is flagged.
    let rareWordRank: Int32
    /// Keys never flagged as rare: the built-in and configured known words, place names
    /// and explained acronyms, lower-cased.
    let knownWords: Set<String>

    init(settings: ReadabilitySettings, channels: [Channel]) {
        self.settings = settings
        lexicon = AdministrativeLexicon(extra: settings.administrativeWords)
        knownAcronyms = AcronymGlossary.known.union(settings.knownAcronyms.map { $0.uppercased() })
        explanations = AcronymGlossary.explanations.merging(
            settings.acronymExplanations.map { ($0.key.uppercased(), $0.value) }, uniquingKeysWith: { $1 })
        sentenceLimits = channels.map { ($0, settings.profile(for: $0).maxSentenceWords) }.sorted { $0.limit < $1.limit }
        rareWordRank = Int32(channels.map { settings.profile(for: $0).rareWordRank }.min() ?? Int(Int32.max))
        var known = CommonWords.known
        for word in settings.knownWords + settings.placeNames + Array(settings.acronymExplanations.keys) {
            for part in word.split(separator: " ") { known.insert(Self.key(for: String(part))) }
        }
        knownWords = known
    }

    static func key(for word: String) -> String {
        // Most words are already keys: nothing to lower-case, no apostrophe.
        if !word.unicodeScalars.contains(where: { LetterTable.changesWhenLowercased($0) || $0 == "'" || $0 == "\u{2019}" }) {
            return word
        }
        var lower = word.lowercased()
        if lower.unicodeScalars.contains("\u{2019}") { lower = lower.replacingOccurrences(of: "\u{2019}", with: "'") }
        if let apostrophe = lower.firstIndex(of: "'") {
            let clitic = lower[..<apostrophe]
            if elidedClitics.contains(String(clitic)) {
                let rest = lower[lower.index(after: apostrophe)...]
                if !rest.isEmpty { return String(rest) }
            }
        }
        return lower
    }

    static let elidedClitics: Set<String> = [
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
    ]

    func findings(in tokens: TokenizedText, table: WordTable) -> [ReadabilityFinding] {
        var findings: [ReadabilityFinding] = []
        var acronymsSeen: Set<String> = []
        var rareSeen: Set<Int32> = []
        var wording = Wording()
        // The key of every word occurrence, in one array for the whole text.
        let keys = tokens.wordIDs.map { table.words[Int($0)].keyID }
        for (index, span) in tokens.sentences.enumerated() {
            let analysed = Analysed(
                index: index, line: span.line, wordIDs: Positions(base: tokens.wordIDs[span.words]),
                keys: Positions(base: keys[span.words]), textBytes: tokens.sentenceBytes[span.text], table: table)
            longSentence(analysed, table: table, wording: &wording, into: &findings)
            acronymsAndCapitals(analysed, table: table, seen: &acronymsSeen, into: &findings)
            var covered = administrativeWords(analysed, table: table, wording: &wording, into: &findings)
            rareWords(analysed, table: table, covered: &covered, seen: &rareSeen, wording: &wording, into: &findings)
            longWords(analysed, skipping: covered, wording: &wording, into: &findings)
            passiveVoice(analysed, table: table, into: &findings)
            negations(analysed, table: table, into: &findings)
            numbers(analysed, into: &findings)
            longParenthesis(analysed, into: &findings)
            impersonalAddress(analysed, table: table, into: &findings)
        }
        return findings
    }

    // MARK: - Helpers

    func finding(
        _ rule: ReadabilityRule, _ severity: ReadabilityFinding.Severity, _ analysed: Analysed, message: String,
        excerpt: String, suggestion: String
    ) -> ReadabilityFinding {
        ReadabilityFinding(
            rule: rule.rawValue, severity: severity, message: message, line: analysed.line, excerpt: excerpt,
            suggestion: suggestion, sentenceIndex: analysed.index)
    }

    func words(_ analysed: Analysed, _ range: Range<Int>) -> String {
        range.map { analysed.word($0) }.joined(separator: " ")
    }

    // MARK: - Long sentences

    func longSentence(
        _ analysed: Analysed, table: WordTable, wording: inout Wording, into findings: inout [ReadabilityFinding]
    ) {
        let count = analysed.count
        // Most sentences are within the most lenient limit checked.
        guard let lenient = sentenceLimits.last, count > sentenceLimits[0].limit || count > lenient.limit else { return }
        let exceeded = sentenceLimits.filter { count > $0.limit }
        guard let strictest = exceeded.first else { return }
        // The same sentence (same bytes, hence same words) gets the same texts.
        let sentence = Wording.SentenceBytes(bytes: analysed.textBytes)
        if let texts = wording.longSentence[sentence] {
            findings.append(
                finding(.longSentence, .warning, analysed, message: texts.message, excerpt: texts.excerpt, suggestion: texts.suggestion))
            return
        }
        let names = exceeded.map { $0.channel.frenchName }.joined(separator: ", ")
        var suggestion = "Coupez-la en phrases de \(strictest.limit) mots au plus, avec une seule idée par phrase."
        if let cut = cutPoint(analysed, table: table) {
            suggestion += cut.atPunctuation
                ? " Vous pouvez par exemple couper après « \(cut.quote) » : remplacez ce signe par un point et commencez une nouvelle phrase."
                : " Vous pouvez par exemple mettre un point après « \(cut.quote) » et commencer une nouvelle phrase."
        }
        let texts = Wording.Texts(
            excerpt: analysed.text,
            message: "Cette phrase a \(count) mots : c'est trop long pour \(names) (au plus \(strictest.limit) mots).",
            suggestion: suggestion)
        wording.longSentence[sentence] = texts
        findings.append(
            finding(.longSentence, .warning, analysed, message: texts.message, excerpt: texts.excerpt, suggestion: texts.suggestion))
    }

    static let linkingWords: Set<String> = ["et", "mais", "qui", "que", "car", "donc", "ainsi", "dont", "lorsque", "puis"]

    /// A good place to cut a long sentence, at a clause boundary near the middle: after a
    /// comma or a semicolon, or before a linking word (« qui », « que », « et », « mais »,
    /// « car », « donc »…). Returns the last words before the cut quoted exactly as in the
    /// text (punctuation kept) and whether the cut is at a comma or semicolon.
    func cutPoint(_ analysed: Analysed, table: WordTable) -> (quote: String, atPunctuation: Bool)? {
        let count = analysed.count
        guard count > 4, let ranges = wordByteRanges(analysed, upTo: count) else { return nil }
        let text = analysed.textBytes
        let middle = count / 2
        var best: (index: Int, punctuation: Bool)?
        for i in 2..<(count - 2) {
            // The bytes between word i and word i + 1: a comma or semicolon there is a boundary.
            let between = text[ranges[i].upperBound..<ranges[i + 1].lowerBound]
            let punctuation = between.contains(UInt8(ascii: ",")) || between.contains(UInt8(ascii: ";"))
            // Not inside a parenthesis, a quotation or a number (« 1,5 »): only what separates words.
            let clean = between.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") }
            // Before a linking word, but not between two (« et qui »): the cut would leave one alone.
            let linking = table[key: analysed.keys[i + 1]].flags.contains(.linkingWord)
                && !table[key: analysed.keys[i]].flags.contains(.linkingWord) && between.allSatisfy { $0 == UInt8(ascii: " ") }
            guard (punctuation && clean) || linking else { continue }
            if best == nil || abs(i - middle) < abs(best!.index - middle) { best = (i, punctuation && clean) }
        }
        guard let cut = best else { return nil }
        let from = ranges[max(0, cut.index - 3)].lowerBound
        var to = ranges[cut.index].upperBound
        if cut.punctuation {
            // Up to and with the comma or semicolon.
            while to < text.endIndex, text[to] != UInt8(ascii: ","), text[to] != UInt8(ascii: ";") { to += 1 }
            to += 1
        }
        return (String(decoding: text[from..<to], as: UTF8.self), cut.punctuation)
    }

    // MARK: - Long words

    func longWords(
        _ analysed: Analysed, skipping covered: Set<Int>, wording: inout Wording, into findings: inout [ReadabilityFinding]
    ) {
        for i in 0..<analysed.count where analysed.kind(i) == .word && !covered.contains(i) {
            let syllables = analysed.syllables(i)
            guard syllables >= settings.longWordSyllables else { continue }
            let word = analysed.word(i)
            // A name (capital inside the sentence) cannot be replaced.
            if i > 0, word.unicodeScalars.first.map(LetterTable.isUppercase) == true { continue }
            let id = analysed.wordIDs[i]
            let texts = wording.longWord[id] ?? {
                let texts = Wording.Texts(
                    excerpt: word,
                    message: "Le mot « \(word) » est long (\(syllables) syllabes) et peut arrêter le lecteur.",
                    suggestion: "Remplacez-le par un mot plus court et courant, ou expliquez-le avec des mots simples.")
                wording.longWord[id] = texts
                return texts
            }()
            findings.append(
                finding(.longWord, .info, analysed, message: texts.message, excerpt: texts.excerpt, suggestion: texts.suggestion))
        }
    }

    // MARK: - Acronyms and capitals

    func acronymsAndCapitals(
        _ analysed: Analysed, table: WordTable, seen: inout Set<String>, into findings: inout [ReadabilityFinding]
    ) {
        // The sentence's text is only needed for the few words that may be acronyms.
        var sentenceText: String?
        func text() -> String {
            if let sentenceText { return sentenceText }
            sentenceText = analysed.text
            return sentenceText!
        }
        var i = 0
        while i < analysed.count {
            defer { i += 1 }
            // Most words are none of the cases below: their kind and key flags say so
            // without copying their facts.
            let id = Int(analysed.wordIDs[i])
            let kind = table.words[id].kind
            var name: String
            var written: String
            let key = table[key: analysed.keys[i]]
            if key.flags.contains(.article), i + 1 < analysed.count,
                analysed.word(i + 1).hasPrefix("60")
            {
                name = "ART. 60"
                written = table.words[id].text
                // How it is written is only needed the first time, after the test below.
                if !knownAcronyms.contains(name) && !seen.contains(name) {
                    written = Self.reference(startingWith: written, in: text()) ?? written + " " + analysed.word(i + 1)
                }
            } else if kind == .capitals {
                written = table.words[id].text
                name = table.words[id].key.uppercased()
                // The scalar test first spares a Foundation search for most acronyms, which have no apostrophe.
                if name.count > 1, written.unicodeScalars.contains(where: { $0 == "'" || $0 == "\u{2019}" }),
                    written.contains("'") || written.contains("\u{2019}")
                {
                    written = String(written.split(whereSeparator: { $0 == "'" || $0 == "\u{2019}" }).last ?? "")
                }
            } else if kind == .word, key.flags.contains(.explained),
                table.words[id].text.unicodeScalars.first.map(LetterTable.isUppercase) == true
            {
                name = table.words[id].key.uppercased()  // Forem, Onem written as names
                written = table.words[id].text
            } else {
                continue
            }
            let word = table.words[id]
            if knownAcronyms.contains(name) || seen.contains(name) { continue }
            let explanation = explanations[name]
            if explanation == nil, isShouting(name, at: i, in: analysed) {
                findings.append(
                    finding(
                        .capitals, .warning, analysed,
                        message: "« \(word.text) » est écrit en capitales : c'est plus difficile à lire et cela donne l'impression de crier.",
                        excerpt: word.text,
                        suggestion: "Écrivez « \(word.text.lowercased()) » en minuscules ; pour insister, mettez le mot en gras (**\(word.text.lowercased())**)."
                    ))
                continue
            }
            seen.insert(name)
            if text().contains(written + " (") || text().contains("(" + written + ")") { continue }
            let suggestion: String
            if var explanation {
                // The reference keeps its paragraph: « contrat « article 60 § 7 » ».
                if name == "ART. 60", let paragraph = written.range(of: "§") {
                    explanation = explanation.replacingOccurrences(
                        of: "article 60", with: "article 60 " + written[paragraph.lowerBound...].replacingOccurrences(of: "§", with: "§ ").replacingOccurrences(of: "§  ", with: "§ "))
                }
                suggestion = "Écrivez plutôt : « \(explanation) »."
            } else {
                suggestion =
                    "Écrivez les mots en entier la première fois, puis le sigle entre parenthèses : « les mots en entier (\(written)) »."
            }
            findings.append(
                finding(
                    .unexplainedAcronym, .error, analysed,
                    message: "« \(written) » n'est pas expliqué : beaucoup de lecteurs ne connaissent pas ce sigle ou ce mot technique.",
                    excerpt: written, suggestion: suggestion))
        }
    }

    /// The reference starting at the first `word` of `sentence` as written there, its
    /// number and paragraph kept (« art. 60 », « art. 60 § 7 », « article 60 §7 »): the word,
    /// then dots, spaces, digits and « § », without a trailing dot or space.
    static func reference(startingWith word: String, in sentence: String) -> String? {
        var from = sentence.startIndex
        // The first occurrence that is a word of its own (not « art » in « articulation ») and has a number.
        while let start = sentence.range(of: word, range: from..<sentence.endIndex) {
            from = start.upperBound
            if start.lowerBound > sentence.startIndex, sentence[sentence.index(before: start.lowerBound)].isLetter { continue }
            var end = start.upperBound
            var sawDigit = false
            while end < sentence.endIndex {
                let c = sentence[end]
                guard c == " " || c == "." || c == "§" || c == "\u{A0}" || c.isNumber else { break }
                if c.isNumber { sawDigit = true }
                end = sentence.index(after: end)
            }
            guard sawDigit else { continue }
            var reference = sentence[start.lowerBound..<end]
            while let last = reference.last, last == " " || last == "." || last == "\u{A0}" || last == "§" {
                reference = reference.dropLast()
            }
            return String(reference)
        }
        return nil
    }

    /// Capitals used for emphasis (URGENT, FERMÉ) rather than an acronym (SPF, PIIS).
    func isShouting(_ name: String, at i: Int, in analysed: Analysed) -> Bool {
        let letters = name.unicodeScalars.filter { LetterTable.isLetter($0) }
        let vowels = letters.filter { FrenchSyllableCounter.isVowelLetter(Unicode.Scalar($0.value | 0x20) ?? $0) }
        if letters.count >= 5 && vowels.count >= 2 { return true }
        let neighbourInCapitals =
            (i > 0 && analysed.kind(i - 1) == .capitals) || (i + 1 < analysed.count && analysed.kind(i + 1) == .capitals)
        return neighbourInCapitals && letters.count >= 3 && vowels.count >= 1
    }

    // MARK: - Administrative words

    /// Reports lexicon matches and returns the word indices they cover. A noun's
    /// alternative is made to agree with the determiner before it (`PhraseAgreement`),
    /// and the excerpt then starts at that determiner: « du dossier » → « de la demande ».
    func administrativeWords(
        _ analysed: Analysed, table: WordTable, wording: inout Wording, into findings: inout [ReadabilityFinding]
    ) -> Set<Int> {
        var covered: Set<Int> = []
        var i = 0
        while i < analysed.keys.count {
            if let match = lexiconMatch(analysed, at: i, table: table) {
                let determiner = match.takesDeterminer ? determinerBefore(analysed, at: i, table: table) : (words: 0, text: nil)
                let start = i - determiner.words
                // The same written words always match the same entry: their texts can be shared.
                let span = analysed.wordIDs.slice(start..<(i + match.length))
                let texts = wording.administrative[span] ?? {
                    let options = PhraseAgreement.options(of: match.alternative)
                    let excerpt = exactText(analysed, start..<(i + match.length))
                    let capital = excerpt.first.map { $0.isUppercase } ?? false
                    // A `*` entry matches every form (« sollicitez », « octroyée »): its verb or
                    // participle takes the same ending, or the suggestion says to.
                    let matched = table[word: analysed.wordIDs[i + match.length - 1]]
                    let agreed = options.map { option -> (String, String?) in
                        var option = option
                        if match.byStem {
                            if let conjugated = PhraseAgreement.conjugated(option.words, like: matched.key) {
                                option.words = conjugated
                            } else if PhraseAgreement.isInfinitive(option.words) {
                                option.hint = (option.hint.map { $0 + " ; " } ?? "") + "à la même forme que « \(matched.text) »"
                            }
                        }
                        if PhraseAgreement.agree(option.words, after: determiner.text).lowercased() == "vous" {
                            option.hint = (option.hint.map { $0 + " ; " } ?? "") + "avec le verbe qui va avec : « vous devez »"
                        }
                        var words = PhraseAgreement.agree(option.words, after: determiner.text)
                        if capital, let first = words.first { words = first.uppercased() + words.dropFirst() }
                        return (words, option.hint)
                    }
                    let suggestion: String
                    if agreed.count == 1 {
                        suggestion = "Écrivez plutôt : « \(agreed[0].0) »" + (agreed[0].1.map { " (\($0))" } ?? "") + "."
                    } else {
                        let listed = agreed.map { "« \($0.0) »" + ($0.1.map { " (\($0))" } ?? "") }
                        suggestion = "Écrivez plutôt " + listed.dropLast().joined(separator: ", ") + " ou " + listed.last!
                            + ", selon le sens."
                    }
                    let texts = Wording.Texts(
                        excerpt: excerpt,
                        message: "« \(excerpt) » est une tournure administrative que beaucoup de lecteurs comprennent mal.",
                        suggestion: suggestion)
                    wording.administrative[span] = texts
                    return texts
                }()
                findings.append(
                    finding(
                        .administrativeWord, .warning, analysed, message: texts.message, excerpt: texts.excerpt,
                        suggestion: texts.suggestion))
                covered.formUnion(i..<(i + match.length))
                i += match.length
            } else {
                i += 1
            }
        }
        return covered
    }

    /// The determiner written just before word `index` (or elided on it: « l'octroi »), as
    /// `PhraseAgreement.agree` wants it (« de la », « l' », « du », …), and how many words
    /// before `index` it takes.
    func determinerBefore(_ analysed: Analysed, at index: Int, table: WordTable) -> (words: Int, text: String?) {
        // Keys are lower case already; the elided article is read from the word as written.
        let key = { (i: Int) in table[word: analysed.wordIDs[i]].key }
        let written = Array(table[word: analysed.wordIDs[index]].text.unicodeScalars.prefix(2))
        let elided = written.count == 2 && (written[1] == "'" || written[1] == "\u{2019}")
        if elided, written[0] == "l" || written[0] == "L" {
            if index >= 1, key(index - 1) == "de" { return (1, "de l'") }
            if index >= 1, key(index - 1) == "à" { return (1, "à l'") }
            return (0, "l'")
        }
        if elided, written[0] == "d" || written[0] == "D" { return (0, "d'") }
        if index >= 2, key(index - 1) == "la", key(index - 2) == "de" || key(index - 2) == "à" {
            return (2, key(index - 2) + " la")
        }
        guard index >= 1, PhraseAgreement.determiners.contains(key(index - 1)) else { return (0, nil) }
        // « d'un dossier »: the determiner is written with an elided « de ».
        let before = table[word: analysed.wordIDs[index - 1]].text
        if before.hasPrefix("d'") || before.hasPrefix("d\u{2019}") || before.hasPrefix("D'") || before.hasPrefix("D\u{2019}") {
            return (1, "d'" + key(index - 1))
        }
        return (1, key(index - 1))
    }

    /// The sentence's own text from the first word of `range` to the end of its last,
    /// punctuation and spacing kept (« art. 60 § 7 », « le 24, le 25 »); the words
    /// joined by spaces if they cannot be found in order.
    func exactText(_ analysed: Analysed, _ range: Range<Int>) -> String {
        guard let bytes = wordByteRanges(analysed, upTo: range.upperBound), !range.isEmpty else {
            return words(analysed, range)
        }
        let text = analysed.textBytes
        return String(decoding: text[bytes[range.lowerBound].lowerBound..<bytes[range.upperBound - 1].upperBound], as: UTF8.self)
    }

    /// Where each of the first `count` words lies in the sentence's bytes (indices of
    /// `textBytes`), found in order; nil when a word is not found as written.
    func wordByteRanges(_ analysed: Analysed, upTo count: Int) -> [Range<Int>]? {
        let text = analysed.textBytes
        var cursor = text.startIndex
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(count)
        for k in 0..<count {
            let word = Array(analysed.word(k).utf8)
            guard let first = word.first else { return nil }
            var found: Int?
            var p = cursor
            while p + word.count <= text.endIndex {
                if text[p] == first, text[p..<(p + word.count)].elementsEqual(word) {
                    found = p
                    break
                }
                p += 1
            }
            guard let start = found else { return nil }
            ranges.append(start..<(start + word.count))
            cursor = start + word.count
        }
        return ranges
    }

    /// The longest lexicon entry starting at word `index`: how many words it covers and the plain alternative.
    func lexiconMatch(
        _ analysed: Analysed, at index: Int, table: WordTable
    ) -> (length: Int, alternative: String, byStem: Bool, takesDeterminer: Bool)? {
        let keys = analysed.keys
        let first = table[key: keys[index]]
        if first.lexiconGroup >= 0 {
            for entry in table.lexiconGroups[Int(first.lexiconGroup)] {
                let length = entry.keys.count + (entry.lastStem == nil ? 0 : 1)
                guard index + length <= keys.count else { continue }
                // The first word is the group's; the others compare by number, a last `*` word by its stem.
                var matches = (1..<entry.keys.count).allSatisfy { keys[index + $0] == entry.keys[$0] }
                if matches, let stem = entry.lastStem {
                    matches = table[word: analysed.wordIDs[index + length - 1]].key.hasPrefix(stem)
                }
                if matches { return (length, entry.alternative, entry.lastStem != nil, entry.takesDeterminer) }
            }
        }
        guard first.prefixEntry >= 0 else { return nil }
        let entry = lexicon.prefixEntries[Int(first.prefixEntry)]
        return (1, entry.alternative, true, entry.takesDeterminer)
    }

    // MARK: - Passive voice

    static let beForms: Set<String> = [
        "est", "sont", "sera", "seront", "était", "étaient", "soit", "soient", "serez", "êtes", "sommes", "fut",
        "furent", "être", "serait", "seraient", "été",
    ]
    static let adverbs: Set<String> = [
        "pas", "plus", "bien", "déjà", "toujours", "également", "aussi", "ensuite", "automatiquement", "directement",
        "ensuite", "entièrement", "souvent",
    ]
    static let participleEndings = ["é", "ée", "és", "ées", "is", "ise", "ises", "it", "ite", "ites", "u", "ue", "us", "ues", "ert", "erte"]

    func passiveVoice(_ analysed: Analysed, table: WordTable, into findings: inout [ReadabilityFinding]) {
        let keys = analysed.keys
        for i in 0..<keys.count where table[key: keys[i]].flags.contains(.beForm) {
            var p = i + 1
            if p < keys.count, table[key: keys[p]].flags.contains(.adverb) { p += 1 }
            guard p < keys.count, table[key: keys[p]].flags.contains(.participle), analysed.kind(p) == .word
            else { continue }
            // "est fermé" can be a state; it is a passive when "été" is the auxiliary or an agent follows.
            let agent = keys[(p + 1)..<min(keys.count, p + 8)].firstIndex { table[key: $0].flags.contains(.by) }
            guard table[key: keys[i]].flags.contains(.been) || agent != nil else { continue }
            let excerpt = words(analysed, i..<(p + 1))
            var suggestion = "Dites qui fait l'action, au début de la phrase, avec un verbe actif"
            if let agent {
                let doer = words(analysed, (agent + 1)..<min(keys.count, agent + 4))
                suggestion += " : commencez par « \(doer) » suivi du verbe (par exemple « Le CPAS paie » plutôt que « est payé par le CPAS »)."
            } else {
                suggestion += " (par exemple « Le CPAS vous a accordé l'aide » plutôt que « L'aide vous a été accordée »)."
            }
            findings.append(
                finding(
                    .passiveVoice, .warning, analysed,
                    message: "« \(excerpt) » est à la forme passive : le lecteur ne voit pas tout de suite qui agit.",
                    excerpt: excerpt, suggestion: suggestion))
        }
    }

    // MARK: - Negations

    static let negativeParticles: Set<String> = [
        "pas", "plus", "jamais", "rien", "personne", "aucun", "aucune", "guère", "point", "nullement", "ni",
    ]
    static let negativeWords: Set<String> = [
        "impossible", "inutile", "interdit", "interdite", "incomplet", "incomplète", "inexact", "illimité", "sans",
        "non", "inconnu", "irrégulier", "insuffisant", "insuffisante",
    ]

    func negations(_ analysed: Analysed, table: WordTable, into findings: inout [ReadabilityFinding]) {
        let count = analysed.count
        var found: [Range<Int>] = []
        var i = 0
        while i < count {
            if table.words[Int(analysed.wordIDs[i])].opensNegation, let end = (i...min(count - 1, i + 5)).first(where: {
                $0 > i && table[key: analysed.keys[$0]].flags.contains(.negativeParticle)
            }) {
                found.append(i..<(end + 1))
                i = end + 1
            } else {
                i += 1
            }
        }
        guard let first = found.first else { return }
        let negativeNearby = analysed.keys[first.upperBound..<min(count, first.upperBound + 3)].contains {
            table[key: $0].flags.contains(.negativeWord)
        }
        if found.count >= 2 || negativeNearby {
            let excerpt = found.count >= 2 ? found.map { self.words(analysed, $0) }.joined(separator: " … ")
                : self.words(analysed, first.lowerBound..<min(count, first.upperBound + 3))
            findings.append(
                finding(
                    .doubleNegation, .warning, analysed,
                    message: "Cette phrase contient plusieurs négations (« \(excerpt) ») : le lecteur doit les retourner pour comprendre.",
                    excerpt: excerpt,
                    suggestion: "Dites la même chose de façon positive, par exemple « Vous pouvez venir sans rendez-vous » plutôt que « Il n'est pas impossible de ne pas prendre rendez-vous »."
                ))
        } else {
            let excerpt = self.words(analysed, first)
            findings.append(
                finding(
                    .negation, .info, analysed,
                    message: "« \(excerpt) » est une négation : une phrase positive se comprend plus vite.",
                    excerpt: excerpt,
                    suggestion: "Si c'est possible, dites ce que le lecteur peut faire (« Venez avant 10 h ») plutôt que ce qu'il ne peut pas faire (« Ne venez pas après 10 h »)."
                ))
        }
    }

    // MARK: - Numbers and dates

    static let monthNames = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
        "décembre",
    ]

    func numbers(_ analysed: Analysed, into findings: inout [ReadabilityFinding]) {
        let numbers = (0..<analysed.count).filter { analysed.kind($0) == .number }.map { analysed.word($0) }
        for word in numbers {
            guard let date = Self.numericDate(word) else { continue }
            let day = date.day == 1 ? "1er" : String(date.day)
            var plain = "le \(day) \(Self.monthNames[date.month - 1])"
            if let year = date.year { plain += " \(year)" }
            findings.append(
                finding(
                    .numericDate, .warning, analysed,
                    message: "La date « \(word) » est écrite en chiffres : on peut confondre le jour et le mois.",
                    excerpt: word, suggestion: "Écrivez la date en toutes lettres : « \(plain) »."))
        }
        if numbers.count > settings.maxNumbersPerSentence {
            let excerpt = numbers.joined(separator: ", ")
            findings.append(
                finding(
                    .manyNumbers, .warning, analysed,
                    message: "Cette phrase contient \(numbers.count) nombres (\(excerpt)) : c'est trop pour les retenir.",
                    excerpt: excerpt,
                    suggestion: "Gardez au plus \(settings.maxNumbersPerSentence) nombres par phrase : mettez les autres dans une autre phrase ou dans une liste."
                ))
        }
    }

    /// 01/12, 1.12.2026, 01-12-26: day and month (and year) when the token is a valid numeric date.
    static func numericDate(_ text: String) -> (day: Int, month: Int, year: Int?)? {
        let scalars = Array(text.unicodeScalars)
        var parts: [[Unicode.Scalar]] = [[]]
        var separator: Unicode.Scalar?
        for scalar in scalars {
            if LetterTable.isDigit(scalar) {
                parts[parts.count - 1].append(scalar)
            } else if scalar == "/" || scalar == "." || scalar == "-" {
                if separator == nil { separator = scalar }
                guard scalar == separator else { return nil }
                parts.append([])
            } else {
                return nil
            }
        }
        guard parts.count == 2 || parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, !parts[0].isEmpty,
            !parts[1].isEmpty
        else { return nil }
        if parts.count == 3, parts[2].count != 2 && parts[2].count != 4 { return nil }
        // Two numbers with a dot are a decimal or a time, not a date.
        if parts.count == 2, separator == "." { return nil }
        let value = { (digits: [Unicode.Scalar]) in digits.reduce(0) { $0 * 10 + Int($1.value) - 48 } }
        let day = value(parts[0])
        let month = value(parts[1])
        guard (1...31).contains(day), (1...12).contains(month) else { return nil }
        var year: Int?
        if parts.count == 3 {
            let y = value(parts[2])
            year = parts[2].count == 2 ? 2000 + y : y
        }
        return (day, month, year)
    }

    // MARK: - Parentheses

    func longParenthesis(_ analysed: Analysed, into findings: inout [ReadabilityFinding]) {
        // Most sentences have no parenthesis: one byte scan spares an array of their scalars.
        guard analysed.textBytes.contains(UInt8(ascii: "(")) else { return }
        let scalars = Array(analysed.text.unicodeScalars)
        var open: Int?
        for (i, c) in scalars.enumerated() {
            if c == "(" {
                open = i
            } else if c == ")", let start = open {
                let inside = LetterTable.string(scalars[(start + 1)..<i])
                let count = inside.split(separator: " ").count
                if count > settings.maxParenthesisWords {
                    findings.append(
                        finding(
                            .longParenthesis, .warning, analysed,
                            message: "La parenthèse « (\(inside)) » a \(count) mots : le lecteur perd le fil de la phrase.",
                            excerpt: "(\(inside))",
                            suggestion: "Sortez ce contenu de la parenthèse et écrivez-le dans une phrase à part, juste après."
                        ))
                }
                open = nil
            }
        }
    }

    // MARK: - Impersonal address

    static let impersonalTurns: [[String]] = [
        ["il", "est", "demandé"], ["il", "est", "rappelé"], ["il", "est", "recommandé"], ["il", "est", "conseillé"],
        ["il", "est", "interdit"], ["il", "est", "nécessaire"], ["il", "est", "possible"], ["il", "est", "obligatoire"],
        ["il", "est", "impératif"], ["il", "est", "prié"], ["il", "convient"], ["il", "importe"], ["il", "y", "a", "lieu"],
        ["on", "peut"], ["on", "doit"], ["les", "personnes", "concernées"], ["toute", "personne"],
        ["chaque", "personne"], ["le", "citoyen"], ["les", "citoyens"], ["le", "public"], ["les", "personnes", "intéressées"],
    ]

    /// The turns by first word, in their order above.
    static let impersonalTurnsByFirstWord: [String: [[String]]] = Dictionary(grouping: impersonalTurns, by: { $0[0] })

    func impersonalAddress(_ analysed: Analysed, table: WordTable, into findings: inout [ReadabilityFinding]) {
        let keys = analysed.keys
        for i in keys.indices {
            let group = table[key: keys[i]].impersonalGroup
            guard group >= 0 else { continue }
            for turn in table.impersonalGroups[Int(group)] where i + turn.count <= keys.count {
                guard keys[i..<(i + turn.count)].elementsEqual(turn) else { continue }
                let excerpt = words(analysed, i..<(i + turn.count))
                findings.append(
                    finding(
                        .impersonalAddress, .warning, analysed,
                        message: "« \(excerpt) » ne s'adresse à personne : le lecteur ne sait pas si c'est pour lui.",
                        excerpt: excerpt,
                        suggestion: "Parlez directement au lecteur avec « vous » : « Vous pouvez… », « Vous devez… », ou donnez la consigne : « Apportez… »."
                    ))
            }
        }
    }
}
