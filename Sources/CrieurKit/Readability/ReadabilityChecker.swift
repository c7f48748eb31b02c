import Foundation

/// Checks that a French text is simple enough for the channels it goes to.
///
/// Pure: takes the text (and the line of its first line in the file, so that
/// findings point at the right line), returns a `ReadabilityReport` with the
/// scores, the sentences, the plain-language findings and a verdict per
/// channel. It touches no file and never fails; an empty text passes.
///
///     let checker = ReadabilityChecker(settings: settings)
///     let report = checker.check(title: item.title, titleLine: 1,
///                                body: item.bodyText, bodyFirstLine: item.bodyFirstLine,
///                                channels: item.channels)
public struct ReadabilityChecker: Sendable {
    public let settings: ReadabilitySettings
    let tokenizer = FrenchTokenizer()

    public init(settings: ReadabilitySettings = ReadabilitySettings()) {
        self.settings = settings
    }

    /// Checks a text whose first line is line `firstLine` of its file.
    public func check(_ text: String, firstLine: Int = 1, channels: [Channel] = Channel.allCases) -> ReadabilityReport {
        var tokens = TokenizedText(reservingFor: text.utf8.count)
        tokenizer.tokenize(text, firstLine: firstLine, into: &tokens)
        return report(for: tokens, channels: channels)
    }

    /// Checks an item's title (one sentence, at `titleLine`) and body together, so
    /// that an acronym explained in the title counts as explained in the body.
    public func check(
        title: String, titleLine: Int, body: String, bodyFirstLine: Int, channels: [Channel] = Channel.allCases
    ) -> ReadabilityReport {
        report(for: tokens(title: title, titleLine: titleLine, body: body, bodyFirstLine: bodyFirstLine), channels: channels)
    }

    func tokens(title: String, titleLine: Int, body: String, bodyFirstLine: Int) -> TokenizedText {
        var tokens = TokenizedText(reservingFor: title.utf8.count + body.utf8.count)
        tokenizer.tokenize(title.replacingOccurrences(of: "\n", with: " "), firstLine: titleLine, into: &tokens)
        if tokens.sentences.count > 1 {
            // A title is read as one unit even when it holds a full stop.
            tokens.mergeSentences(from: 0, text: title, line: titleLine)
        }
        tokenizer.tokenize(body, firstLine: bodyFirstLine, into: &tokens)
        return tokens
    }

    func report(for tokens: TokenizedText, channels: [Channel]) -> ReadabilityReport {
        let rules = PlainLanguageRules(settings: settings, channels: channels)
        var table = WordTable(rules: rules)
        table.addWords(from: tokens.numbering)
        // What the scores need, by word number first, then summed over the occurrences.
        // Digits and capitals are read at a glance: a phone number or CPAS is no harder
        // than a two-syllable word, so they weigh at most 2 syllables in the scores.
        let scored = table.words.map { $0.kind == .word ? $0.syllables : min($0.syllables, 2) }
        let long = table.words.map { $0.letters > 6 ? 1 : 0 }
        // The lexical term: by word number, whether it counts, whether it is rare, its log rank.
        let lexical = table.words.map { Self.lexicalFacts(of: $0, rank: table[key: $0.keyID].lemmaRank) }
        var scoredSyllables = 0, longWords = 0, lexicalWords = 0, rareWords = 0
        var logRankSum = 0.0
        for id in tokens.wordIDs {
            scoredSyllables += scored[Int(id)]
            longWords += long[Int(id)]
            let facts = lexical[Int(id)]
            if facts.counts {
                lexicalWords += 1
                if facts.rare { rareWords += 1 }
                logRankSum += facts.logRank
            }
        }
        let metrics = ReadabilityMetrics(
            sentences: tokens.sentences.count, words: tokens.wordIDs.count, syllables: scoredSyllables,
            longWords: longWords, longestSentenceWords: tokens.sentences.reduce(0) { max($0, $1.words.count) },
            lexicalWords: lexicalWords, rareWords: rareWords, logRankSum: logRankSum)
        let findings = rules.findings(in: tokens, table: table).sorted {
            ($0.line, $0.sentenceIndex ?? 0, $0.severity) < ($1.line, $1.sentenceIndex ?? 0, $1.severity)
        }
        let tally = FindingTally(findings)
        let verdicts = channels.map { verdict(for: $0, metrics: metrics, sentences: tokens.sentences, tally: tally) }
        return ReadabilityReport(
            metrics: metrics, layout: .init(tokens: tokens, syllables: table.words.map { $0.syllables }), findings: findings,
            verdicts: verdicts)
    }

    /// What the lexical term of the scores takes from one distinct word: words in letters
    /// not starting with a capital count (a name or an acronym is not a vocabulary
    /// problem); rare beyond `ReadabilityMetrics.rareWordRank`.
    static func lexicalFacts(of word: WordFacts, rank: Int32) -> (counts: Bool, rare: Bool, logRank: Double) {
        guard word.kind == .word, let first = word.text.unicodeScalars.first, !LetterTable.isUppercase(first),
            word.letters > 0
        else { return (false, false, 0) }
        let effective = rank == .max ? FrenchWordFrequencies.unknownRank : Int(rank)
        return (true, effective > ReadabilityMetrics.rareWordRank, log10(Double(effective)))
    }

    /// The findings the verdicts weigh, sorted out once for all channels.
    struct FindingTally {
        /// Unexplained acronyms: each one blocks every channel.
        var errors: [ReadabilityFinding] = []
        var administrative = 0
        /// The first administrative words, those a verdict names.
        var firstAdministrative: [ReadabilityFinding] = []
        /// Warnings other than long sentences, administrative and rare words.
        var otherWarnings = 0
        /// The rare words, each with its lemma's rank: a channel counts those beyond its own rank.
        var rare: [(rank: Int32, excerpt: String)] = []

        /// One pass, copying only the findings a verdict quotes (a long text has thousands).
        init(_ findings: [ReadabilityFinding]) {
            let administrativeRule = ReadabilityRule.administrativeWord.rawValue
            let longSentenceRule = ReadabilityRule.longSentence.rawValue
            let rareRule = ReadabilityRule.rareWord.rawValue
            for finding in findings {
                if finding.severity == .error { errors.append(finding) }
                if finding.rule == rareRule {
                    rare.append((finding.lemmaRank ?? .max, finding.excerpt))
                } else if finding.rule == administrativeRule {
                    administrative += 1
                    if firstAdministrative.count < Self.administrativeNamed { firstAdministrative.append(finding) }
                } else if finding.severity == .warning && finding.rule != longSentenceRule {
                    otherWarnings += 1
                }
            }
        }

        /// How many administrative words a verdict names before an ellipsis.
        static let administrativeNamed = 6
    }

    /// The reasons, in French, why `channel` refuses the text; none means it passes.
    func verdict(
        for channel: Channel, metrics: ReadabilityMetrics, sentences: [TokenizedText.Span],
        tally: FindingTally
    ) -> ChannelVerdict {
        let reasons = reasons(against: settings.profile(for: channel), metrics: metrics, sentences: sentences, tally: tally)
        return ChannelVerdict(channel: channel, pass: reasons.isEmpty, reasons: reasons)
    }

    /// The reasons, in French, why a text fails `profile`; none means it passes.
    func reasons(
        against profile: ReadabilityProfile, metrics: ReadabilityMetrics, sentences: [TokenizedText.Span],
        tally: FindingTally
    ) -> [String] {
        var reasons: [String] = []
        if metrics.words >= max(1, settings.minWordsForScores) {
            if metrics.kandelMoles < profile.minKandelMoles {
                reasons.append(
                    "Le texte est trop difficile à lire : score de lisibilité \(format(metrics.kandelMoles)) sur 100 (il faut au moins \(format(profile.minKandelMoles)) ; plus le score est haut, plus le texte est facile)."
                )
            }
            if metrics.simplicity < profile.minSimplicity {
                reasons.append(
                    "Le texte est trop difficile à lire : indice de simplicité \(format(metrics.simplicity)) sur 100 (il faut au moins \(format(profile.minSimplicity)) ; il compte la longueur des phrases et des mots et les mots peu courants)."
                )
            }
            if metrics.lix > profile.maxLix {
                reasons.append(
                    "Le texte a trop de mots longs ou de phrases longues : indice LIX \(format(metrics.lix)) (au plus \(format(profile.maxLix)))."
                )
            }
        }
        if metrics.words > 0, metrics.averageSentenceWords > profile.maxAverageSentenceWords {
            reasons.append(
                "Les phrases font en moyenne \(format(metrics.averageSentenceWords)) mots (au plus \(format(profile.maxAverageSentenceWords)))."
            )
        }
        let long = sentences.filter { $0.words.count > profile.maxSentenceWords }
        if !long.isEmpty {
            let lines = long.map { String($0.line) }.joined(separator: ", ")
            reasons.append(
                long.count == 1
                    ? "1 phrase dépasse \(profile.maxSentenceWords) mots (ligne \(lines))."
                    : "\(long.count) phrases dépassent \(profile.maxSentenceWords) mots (lignes \(lines)).")
        }
        let acronyms = tally.errors
        if !acronyms.isEmpty {
            let names = acronyms.map { "« \($0.excerpt) »" }.joined(separator: ", ")
            reasons.append(
                acronyms.count == 1
                    ? "1 sigle ou mot technique n'est pas expliqué : \(names)."
                    : "\(acronyms.count) sigles ou mots techniques ne sont pas expliqués : \(names).")
        }
        if tally.administrative > profile.maxAdministrativeWords {
            let names = tally.firstAdministrative.map { "« \($0.excerpt) »" }.joined(separator: ", ")
            let more = tally.administrative > FindingTally.administrativeNamed
            let what = tally.administrative == 1 ? "1 mot administratif" : "\(tally.administrative) mots administratifs"
            let allowed = profile.maxAdministrativeWords == 0 ? "aucun n'est accepté" : "au plus \(profile.maxAdministrativeWords)"
            reasons.append("\(what) (\(allowed)) : \(names)\(more ? "…" : ".")")
        }
        let rare = tally.rare.filter { $0.rank > profile.rareWordRank }
        if let maxRare = profile.maxRareWords, rare.count > maxRare {
            var names: [String] = []
            for finding in rare where !names.contains("« \(finding.excerpt) »") {
                names.append("« \(finding.excerpt) »")
                if names.count == FindingTally.administrativeNamed { break }
            }
            let more = rare.count > names.count
            let what = rare.count == 1 ? "1 mot peu courant" : "\(rare.count) mots peu courants"
            let allowed = maxRare == 0 ? "aucun n'est accepté" : "au plus \(maxRare)"
            reasons.append("\(what) (\(allowed)) : \(names.joined(separator: ", "))\(more ? "…" : ".")")
        }
        if tally.otherWarnings > profile.maxWarnings {
            reasons.append("\(tally.otherWarnings) autres points à améliorer (au plus \(profile.maxWarnings)) : voyez la liste ci-dessous.")
        }
        return reasons
    }

    /// A score as staff read it: no decimals when whole, one otherwise, decimal comma.
    func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded).replacingOccurrences(of: ".", with: ",")
    }
}
