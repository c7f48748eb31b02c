import Foundation

/// What the worker would decide for this text, without writing anything:
/// parse problems (French, with line) and per channel ✔/✘ with each
/// readability finding at its sentence and the suggested wording.
///
/// It is the worker's own decision: the text is parsed by `ItemParser` and
/// judged by `ItemProcessor.judge` (the function behind `ItemProcessor.decide`,
/// which the worker, `check` and `enqueue` call) with the configured channel
/// publishers, so each channel's limits (the screen's words, Facebook's length,
/// the flyer's overflow), the readability gate with its per-channel profiles and
/// the `Dérogation:` line apply exactly as they will. Nothing here reads or
/// writes a file: the desk runs it on every pause in typing.
///
/// What it cannot know: the picture (uploaded apart; `imageData` when the
/// caller has it) and, unless `known` is given, the items already published
/// (copies, corrections and withdrawals are then judged as for a new item).
public struct DeskCheck: Sendable, Encodable {
    /// One readability finding, placed at its sentence.
    public struct Finding: Sendable, Encodable, Equatable {
        /// The rule's stable id (`long-sentence`, `unexplained-acronym`…).
        public var rule: String
        /// `error`, `warning` or `info`.
        public var severity: String
        /// The severity as staff read it (« à corriger », « à améliorer », « conseil »).
        public var severityLabel: String
        /// 1-based line in the item file.
        public var line: Int
        /// Where the sentence is: `titre`, `texte` (the body) or `texteEcran` (`Texte écran:`).
        public var part: String
        /// The sentence, as the checker read it (lines joined by a space).
        public var sentence: String
        /// The words concerned, as written.
        public var excerpt: String
        /// What is wrong, in French.
        public var message: String
        /// The suggested wording or what to do, in French; nil when the rule gives none.
        public var suggestion: String?
        /// Where the sentence starts in its part (the body as in the form's text box, or the
        /// `Texte écran` or title value), in UTF-16 code units as JavaScript counts a
        /// textarea's `value`; nil when it could not be placed.
        public var offset: Int?
        /// Its length there, in UTF-16 code units (with `offset`).
        public var length: Int?
    }

    /// One channel's verdict.
    public struct ChannelVerdict: Sendable, Encodable {
        public var channel: String
        public var frenchName: String
        /// The channel would publish the item (a `Dérogation` included).
        public var passes: Bool
        /// The readability findings that concern this channel, in reading order.
        public var findings: [Finding]
        /// Length and layout problems (French): the screen's words, Facebook's length,
        /// the flyer's overflow, a rendering the channel refuses.
        public var limits: [String]
        /// Remarks that do not stop publication (French): a Facebook post long enough to lose
        /// readers, a logo the flyer cannot print.
        public var warnings: [String]
        /// Why the readability thresholds refuse the text here (French: scores,
        /// long sentences, acronyms…); empty when they pass.
        public var reasons: [String]
        /// Why the worker leaves the item out here, as the journal and the PST report
        /// count it (`channel:ecran`, `readability:long-sentence`, `ended`…); empty when it passes.
        public var codes: [String]
        /// Too hard to read here, but published because of the item's `Dérogation:`.
        public var derogation: Bool
        /// The bulletin's count: the article's characters and the commune's limit.
        public var characters: Int?
        public var characterLimit: Int?
    }

    /// Item problems (French), as the CLI prints them: « Ligne 3 : … → … ».
    public var problems: [String]
    /// The same, with their line, message and fix apart.
    public var problemDetails: [Problem]
    public var channels: [ChannelVerdict]
    /// The worker's decision in a French sentence (« serait publiée sur : … »); nil when
    /// the text is not an item.
    public var verdict: String?
    /// The `Dérogation:` reason when it publishes a text too hard for some channels.
    public var derogation: String?

    public struct Problem: Sendable, Encodable, Equatable {
        public var line: Int?
        public var message: String
        public var fix: String
    }

    /// True when the worker would take the item (publish it on at least one channel,
    /// now or at its date): no item problem and one channel that passes.
    public var accepted: Bool

    /// The contract's entry point: the built-in picture-less check, no archive.
    public static func run(text: String, config: CrieurConfig, now: Date) -> DeskCheck {
        run(text: text, config: config, now: now, workspace: nil)
    }

    /// `workspace`: where the channels find their configured files (the flyer's logo);
    /// `known`: the archive and waiting items (`KnownItems.read`), so copies and
    /// corrections are told apart as the worker does; `imageData`: the picture.
    /// `fileName`: the name the item will have in the queue (its identity without `Id:`).
    public static func run(
        text: String, config: CrieurConfig, now: Date, workspace: Workspace?, known: KnownItems = KnownItems(),
        imageData: Data? = nil, fileName: String = DeskCheck.defaultFileName
    ) -> DeskCheck {
        let item: Item
        do {
            item = try ItemParser(maxBytes: config.queue.maxItemBytes).parse(Data(text.utf8), fileName: fileName)
        } catch {
            return DeskCheck(problems: error.problems, channels: [], verdict: nil, derogation: nil)
        }
        let processor = ItemProcessor(config: config, publishers: DeskChannels.publishers(config, workspace: workspace))
        let judgement = processor.judge(item, itemName: fileName, imageData: imageData, now: now, known: known)
        return DeskCheck(item: item, itemName: fileName, imageData: imageData, judgement: judgement, processor: processor, now: now)
    }

    /// The name an item checked at the desk is judged under when the caller gives none.
    public static let defaultFileName = "annonce.txt"

    init(problems: [ItemProblem], channels: [ChannelVerdict], verdict: String?, derogation: String?) {
        self.problemDetails = problems.map { Problem(line: $0.line, message: $0.message, fix: $0.fix) }
        self.problems = problems.map(Self.cliLine)
        self.channels = channels
        self.verdict = verdict
        self.derogation = derogation
        self.accepted = problems.isEmpty && channels.contains(where: \.passes)
    }

    /// A problem as `crieur check` prints it, without the file name.
    static func cliLine(_ problem: ItemProblem) -> String {
        (problem.line.map { "Ligne \($0) : " } ?? "") + problem.message + " → " + problem.fix
    }

    init(item: Item, itemName: String, imageData: Data?, judgement: ItemProcessor.Judgement, processor: ItemProcessor, now: Date) {
        var itemProblems: [ItemProblem] = []
        var itemCodes: [String] = []
        let outcome = judgement.outcome
        switch outcome {
        case .reject(let problems, _, let reasons):
            // Problems of the item itself (not one channel's): an ended date, a copy, a withdrawal.
            let channelMessages = Set(judgement.refused.flatMap(\.problems))
            itemProblems = problems.filter { !channelMessages.contains($0) }
            itemCodes = reasons.filter { if case .channel = $0 { false } else if case .readability = $0 { false } else { true } }
                .map(\.code)
        case .expire(_, let problems):
            itemProblems = problems
        case .publish, .wait, .unchanged, .withdraw:
            break
        }
        let refusedItem: Bool = if case .reject = outcome { true } else { false }
        // The channels' remarks that do not stop publication (a long Facebook post, a missing logo):
        // the renderings the worker made, or, for an item that waits, the same renderers now.
        var warnings: [Channel: [String]] = [:]
        if case .publish(let publication) = outcome {
            warnings = publication.renderings.mapValues(\.warnings)
        } else if case .wait = outcome {
            let context = PublicationContext(now: now, calendar: processor.calendar, config: processor.config,
                                             itemName: itemName, imageData: imageData)
            for channel in item.channels where !judgement.refused.contains(where: { $0.channel == channel }) {
                warnings[channel] = (try? processor.publishers[channel]?.render(item, context: context))?.warnings
            }
        }
        let assessment = judgement.assessment
        // As the worker journals a refusal for a hard text: every rule that fired, or the scores alone.
        let rules = assessment?.rules ?? []
        let readabilityCodes = (rules.isEmpty ? ["score"] : rules).map { RefusalReason.readability(rule: $0).code }
        let overridden = Set(assessment?.overridden?.channels ?? [])
        let settings = processor.config.readability
        var verdicts: [ChannelVerdict] = []
        for channel in item.channels {
            let refusal = judgement.refused.first { $0.channel == channel }
            var codes: [String] = []
            var limits: [String] = []
            if let refusal {
                if case .channel = refusal.reason {
                    codes.append(refusal.reason.code)
                    limits = refusal.problems.map(\.message)
                } else {
                    codes += readabilityCodes
                }
            }
            if refusedItem { codes += itemCodes.filter { !codes.contains($0) } }
            var findings: [Finding] = []
            var reasons: [String] = []
            if let assessment, let checked = assessment.reports.first(where: { $0.report.verdict(for: channel) != nil }) {
                reasons = checked.report.verdict(for: channel)?.reasons ?? []
                findings = Self.findings(checked.report, text: checked.text, item: item,
                                         profile: settings.profile(for: channel))
            }
            var verdict = ChannelVerdict(
                channel: channel.id, frenchName: channel.frenchName, passes: codes.isEmpty, findings: findings,
                limits: limits, warnings: warnings[channel] ?? [], reasons: reasons, codes: codes,
                derogation: overridden.contains(channel))
            if channel == .bulletin {
                // Not a refusal (the draft flags it for the commune's editor), but staff see it now.
                let article = DeskPreview.bulletinArticle(
                    item, config: processor.config, today: processor.calendar.civilDate(of: now), itemName: itemName)
                let limit = processor.config.bulletin.maxCharactersPerArticle
                verdict.characters = article.characterCount
                verdict.characterLimit = limit
                if let problem = BulletinDraft.lengthProblem(article, limit: limit) { verdict.limits.append(problem) }
            }
            verdicts.append(verdict)
        }
        self.init(problems: itemProblems, channels: verdicts,
                  verdict: ItemVerdict(outcome, calendar: processor.calendar).french,
                  derogation: overridden.isEmpty ? nil : assessment?.overridden?.reason)
    }

    /// The report's findings that concern a channel of `profile`: a long sentence only
    /// when it is longer than this channel allows, a rare word only beyond this
    /// channel's rank; the others concern every channel.
    static func findings(
        _ report: ReadabilityReport, text: ReadabilityGate.CheckedText, item: Item, profile: ReadabilityProfile
    ) -> [Finding] {
        let longSentence = ReadabilityRule.longSentence.rawValue, rareWord = ReadabilityRule.rareWord.rawValue
        var locator = SentenceLocator(item: item, text: text, report: report)
        var result: [Finding] = []
        for finding in report.findings {
            if finding.rule == longSentence, let index = finding.sentenceIndex, index < report.layout.sentenceCount,
               report.layout.tokens.sentences[index].words.count <= profile.maxSentenceWords {
                continue
            }
            if finding.rule == rareWord, let rank = finding.lemmaRank, Int(rank) <= profile.rareWordRank { continue }
            var sentence = finding.excerpt
            var place: (part: String, offset: Int?, length: Int?) = (text == .screenText ? "texteEcran" : "texte", nil, nil)
            if let index = finding.sentenceIndex, index < report.layout.sentenceCount {
                sentence = report.layout.text(ofSentence: index)
                place = locator.locate(index)
            }
            result.append(Finding(
                rule: finding.rule, severity: finding.severity.rawValue, severityLabel: finding.severity.frenchLabel,
                line: finding.line, part: place.part, sentence: sentence, excerpt: finding.excerpt,
                message: finding.message, suggestion: finding.suggestion.isEmpty ? nil : finding.suggestion,
                offset: place.offset, length: place.length))
        }
        return result
    }
}

/// Places the checker's sentences in the text staff typed, in reading order:
/// the title is the first sentence, then the body (or the `Texte écran`). Every
/// sentence is looked for after the one before, so the whole text is walked
/// once; whitespace is read loosely (the checker joins lines with one space and
/// reads no-break spaces as spaces). A sentence it cannot find near where it
/// should be (markup the checker changed) stays unplaced, never a slow search.
struct SentenceLocator {
    let title: [UInt16]
    let text: [UInt16]
    let textPart: String
    let layout: ReadabilityReport.Layout
    /// Where each sentence was placed, up to `placed.count - 1`.
    var placed: [(part: String, offset: Int?, length: Int?)] = []
    var cursor = 0

    init(item: Item, text: ReadabilityGate.CheckedText, report: ReadabilityReport) {
        title = Array(item.title.utf16)
        layout = report.layout
        switch text {
        case .body:
            self.text = Array(item.bodyText.utf16)
            textPart = "texte"
        case .screenText:
            self.text = Array((item.screenText ?? "").utf16)
            textPart = "texteEcran"
        }
    }

    /// Where sentence `index` of the report is.
    mutating func locate(_ index: Int) -> (part: String, offset: Int?, length: Int?) {
        while placed.count <= index {
            let wanted = Array(layout.text(ofSentence: placed.count).utf16)
            if placed.isEmpty, let range = Self.find(wanted, in: title, from: 0, window: title.count + 1) {
                placed.append(("titre", range.lowerBound, range.count))
                continue
            }
            if let range = Self.find(wanted, in: text, from: cursor, window: wanted.count * 2 + 1_000) {
                cursor = range.upperBound
                placed.append((textPart, range.lowerBound, range.count))
            } else {
                placed.append((textPart, nil, nil))
            }
        }
        return placed[index]
    }

    private static func isSpace(_ unit: UInt16) -> Bool {
        unit == 0x20 || unit == 0x0A || unit == 0x0D || unit == 0x09 || unit == 0xA0 || unit == 0x202F || unit == 0x2009
    }

    /// The first range from `start` (starting within `window` units) whose
    /// non-space units are `wanted`'s, a space matching any run of spaces.
    static func find(_ wanted: [UInt16], in text: [UInt16], from start: Int, window: Int) -> Range<Int>? {
        var needle = wanted[...]
        while let first = needle.first, isSpace(first) { needle = needle.dropFirst() }
        while let last = needle.last, isSpace(last) { needle = needle.dropLast() }
        guard let first = needle.first else { return nil }
        var begin = start
        let lastBegin = min(text.count, start + window)
        while begin < lastBegin {
            if text[begin] == first, let end = match(needle, in: text, at: begin) { return begin..<end }
            begin += 1
        }
        return nil
    }

    /// The end of `needle` matched at `begin`, or nil.
    private static func match(_ needle: ArraySlice<UInt16>, in text: [UInt16], at begin: Int) -> Int? {
        var i = needle.startIndex, j = begin
        while i < needle.endIndex {
            if isSpace(needle[i]) {
                while i < needle.endIndex, isSpace(needle[i]) { i += 1 }
                guard j < text.count, isSpace(text[j]) else { return nil }
                while j < text.count, isSpace(text[j]) { j += 1 }
                continue
            }
            guard j < text.count, text[j] == needle[i] else { return nil }
            i += 1
            j += 1
        }
        return j
    }
}
