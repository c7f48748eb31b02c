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
        report(for: tokenizer.sentences(in: text, firstLine: firstLine), channels: channels)
    }

    /// Checks an item's title (one sentence, at `titleLine`) and body together, so
    /// that an acronym explained in the title counts as explained in the body.
    public func check(
        title: String, titleLine: Int, body: String, bodyFirstLine: Int, channels: [Channel] = Channel.allCases
    ) -> ReadabilityReport {
        var titleSentences = tokenizer.sentences(in: title.replacingOccurrences(of: "\n", with: " "), firstLine: titleLine)
        if titleSentences.count > 1 {
            // A title is read as one unit even when it holds a full stop.
            let words = titleSentences.flatMap(\.words)
            titleSentences = [FrenchTokenizer.Sentence(text: title, line: titleLine, words: words)]
        }
        return report(for: titleSentences + tokenizer.sentences(in: body, firstLine: bodyFirstLine), channels: channels)
    }

    func report(for sentences: [FrenchTokenizer.Sentence], channels: [Channel]) -> ReadabilityReport {
        var analysed: [PlainLanguageRules.Analysed] = []
        analysed.reserveCapacity(sentences.count)
        var measures: [ReadabilityReport.SentenceMeasure] = []
        measures.reserveCapacity(sentences.count)
        // What the scores need, summed as the words go by rather than kept per word.
        var words = 0, scoredSyllables = 0, longWords = 0, longestSentence = 0
        let rules = PlainLanguageRules(settings: settings, channels: channels)
        var table = WordTable(rules: rules)
        for (index, sentence) in sentences.enumerated() {
            // One pass over the words fills every per-word list, each allocated once at its size.
            let count = sentence.words.count
            var ids: [Int32] = [], keys: [Int32] = [], syllables: [Int] = []
            var wordMeasures: [ReadabilityReport.WordMeasure] = []
            ids.reserveCapacity(count)
            keys.reserveCapacity(count)
            syllables.reserveCapacity(count)
            wordMeasures.reserveCapacity(count)
            for word in sentence.words {
                let id = table.wordID(for: word.text)
                let facts = table[word: id]
                ids.append(id)
                keys.append(facts.keyID)
                syllables.append(facts.syllables)
                wordMeasures.append(.init(text: word.text, syllables: facts.syllables))
                // Digits and capitals are read at a glance: a phone number or CPAS is no
                // harder than a two-syllable word, so they weigh at most 2 syllables in the scores.
                scoredSyllables += word.kind == .word ? facts.syllables : min(facts.syllables, 2)
                if facts.letters > 6 { longWords += 1 }
            }
            analysed.append(.init(index: index, sentence: sentence, syllables: syllables, keys: keys, wordIDs: ids))
            measures.append(.init(text: sentence.text, line: sentence.line, words: wordMeasures))
            words += count
            longestSentence = max(longestSentence, sentence.words.count)
        }
        let metrics = ReadabilityMetrics(
            sentences: sentences.count, words: words, syllables: scoredSyllables, longWords: longWords,
            longestSentenceWords: longestSentence)
        let findings = rules.findings(in: analysed, table: table).sorted {
            ($0.line, $0.sentenceIndex ?? 0, $0.severity) < ($1.line, $1.sentenceIndex ?? 0, $1.severity)
        }
        let tally = FindingTally(findings)
        let verdicts = channels.map { verdict(for: $0, metrics: metrics, measures: measures, tally: tally) }
        return ReadabilityReport(metrics: metrics, sentences: measures, findings: findings, verdicts: verdicts)
    }

    /// The findings the verdicts weigh, sorted out once for all channels.
    struct FindingTally {
        /// Unexplained acronyms: each one blocks every channel.
        var errors: [ReadabilityFinding] = []
        var administrative = 0
        /// The first administrative words, those a verdict names.
        var firstAdministrative: [ReadabilityFinding] = []
        /// Warnings other than long sentences and administrative words.
        var otherWarnings = 0

        /// One pass, copying only the findings a verdict quotes (a long text has thousands).
        init(_ findings: [ReadabilityFinding]) {
            let administrativeRule = ReadabilityRule.administrativeWord.rawValue
            let longSentenceRule = ReadabilityRule.longSentence.rawValue
            for finding in findings {
                if finding.severity == .error { errors.append(finding) }
                if finding.rule == administrativeRule {
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
        for channel: Channel, metrics: ReadabilityMetrics, measures: [ReadabilityReport.SentenceMeasure],
        tally: FindingTally
    ) -> ChannelVerdict {
        let profile = settings.profile(for: channel)
        var reasons: [String] = []
        if metrics.words >= max(1, settings.minWordsForScores) {
            if metrics.kandelMoles < profile.minKandelMoles {
                reasons.append(
                    "Le texte est trop difficile à lire : score de lisibilité \(format(metrics.kandelMoles)) sur 100 (il faut au moins \(format(profile.minKandelMoles)) ; plus le score est haut, plus le texte est facile)."
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
        let long = measures.filter { $0.words.count > profile.maxSentenceWords }
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
            reasons.append(
                "\(tally.administrative) mots administratifs (au plus \(profile.maxAdministrativeWords)) : \(names)\(more ? "…" : ".")"
            )
        }
        if tally.otherWarnings > profile.maxWarnings {
            reasons.append("\(tally.otherWarnings) autres points à améliorer (au plus \(profile.maxWarnings)) : voyez la liste ci-dessous.")
        }
        return ChannelVerdict(channel: channel, pass: reasons.isEmpty, reasons: reasons)
    }

    /// A score as staff read it: no decimals when whole, one otherwise, decimal comma.
    func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded).replacingOccurrences(of: ".", with: ",")
    }
}
