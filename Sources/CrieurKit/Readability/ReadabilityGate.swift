/// The worker's gate: an item goes out on a channel only if its title and body
/// (or, on the screen, its `Texte écran`) are simple enough for that channel.
/// A `Dérogation:` publishes it anyway; the caller records the reason. Pure.
public struct ReadabilityGate: Sendable {
    public let checker: ReadabilityChecker

    public init(settings: ReadabilitySettings) {
        self.checker = ReadabilityChecker(settings: settings)
    }

    /// The gate's answer for one item, channel by channel.
    public struct Assessment: Sendable {
        /// Channels the text is too hard for (no `Dérogation`), in the item's order.
        public var refused: [Channel] = []
        /// Too hard for these channels, published anyway because of the item's `Dérogation`.
        public var overridden: (reason: String, channels: [Channel])?
        /// The checker's full French report for the refused channels.
        public var details: String?
        /// The rules that fired, most frequent first (for the PST report).
        public var rules: [String] = []
        /// Findings to correct or improve in the reports of the refused texts (advice left out).
        public var changes = 0
        /// The checker's reports the verdicts come from, each with the channels it
        /// judged: the title and body for every channel, except the screen when the
        /// item has its own `Texte écran` (a report of its own). The desk's live
        /// check (`DeskCheck`) shows their findings at their sentences.
        public var reports: [(text: CheckedText, report: ReadabilityReport)] = []

        /// The one problem a report opens with, naming the channels the text is too hard for.
        public var problem: ItemProblem? {
            guard !refused.isEmpty else { return nil }
            return ItemProblem(
                line: nil,
                message: "Le texte est trop difficile à lire pour : \(refused.map(\.frenchName).joined(separator: ", "))."
                    + (changes == 1 ? " Il y a 1 chose à changer dans le texte." : changes > 1 ? " Il y a \(changes) choses à changer dans le texte." : ""),
                fix: "Réécrivez les phrases indiquées dans le détail ci-dessous : phrases courtes, "
                    + "mots de tous les jours, sigles expliqués.")
        }
    }

    /// Which of the item's texts a report read.
    public enum CheckedText: String, Sendable {
        /// `Titre` and the body.
        case body
        /// `Titre` and `Texte écran` (the screen only).
        case screenText
    }

    public func assess(_ item: Item, fileName: String) -> Assessment {
        var checked: [(text: CheckedText, report: ReadabilityReport)] = []
        var screenOwnText = false
        if let screenText = item.screenText, item.channels.contains(.ecran) {
            screenOwnText = true
            checked.append((.screenText, checker.check(title: item.title, titleLine: item.titleLine, body: screenText,
                                                        bodyFirstLine: item.titleLine, channels: [.ecran])))
        }
        let others = screenOwnText ? item.channels.filter { $0 != .ecran } : item.channels
        if !others.isEmpty {
            checked.insert((.body, checker.check(title: item.title, titleLine: item.titleLine, body: item.bodyText,
                                                 bodyFirstLine: item.bodyFirstLine, channels: others)), at: 0)
        }
        let reports = checked.map(\.report)
        var failing = Set<Channel>()
        var counts: [String: Int] = [:]
        var details: [String] = []
        var changes = 0
        for report in reports {
            let failed = report.verdicts.filter { !$0.pass }
            guard !failed.isEmpty else { continue }
            failing.formUnion(failed.map(\.channel))
            for finding in report.findings { counts[finding.rule, default: 0] += 1 }
            changes += report.findings.filter { $0.severity != .info }.count
            details.append(ReadabilityReportFormatter.text(report, file: fileName))
        }
        var assessment = Assessment()
        assessment.reports = checked
        let ordered = item.channels.filter(failing.contains)
        guard !ordered.isEmpty else { return assessment }
        if let reason = item.override {
            assessment.overridden = (reason, ordered)
            return assessment
        }
        assessment.refused = ordered
        assessment.changes = changes
        assessment.details = details.joined(separator: "\n")
        assessment.rules = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
        return assessment
    }
}
