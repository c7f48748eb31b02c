/// The worker's gate: an item goes out only if its title and body are simple
/// enough for every channel it names. A `Dérogation:` publishes it anyway; the
/// caller records the reason. Pure.
public struct ReadabilityGate: Sendable {
    public let checker: ReadabilityChecker

    public init(settings: ReadabilitySettings) {
        self.checker = ReadabilityChecker(settings: settings)
    }

    public enum Verdict: Sendable {
        case pass
        /// Too hard for `channels`, published because of the item's `Dérogation`.
        case overridden(reason: String, channels: [Channel])
        /// Too hard: the problems for the report, the checker's full French report,
        /// and the rules that fired, most frequent first (for the PST report).
        case refuse([ItemProblem], details: String, rules: [String])
    }

    public func evaluate(_ item: Item, fileName: String) -> Verdict {
        let report = checker.check(
            title: item.title, titleLine: item.titleLine, body: item.bodyText,
            bodyFirstLine: item.bodyFirstLine, channels: item.channels)
        let failing = report.verdicts.filter { !$0.pass }
        guard !failing.isEmpty else { return .pass }
        if let reason = item.override {
            return .overridden(reason: reason, channels: failing.map(\.channel))
        }
        let names = failing.map(\.channel.frenchName).joined(separator: ", ")
        let problem = ItemProblem(
            line: nil,
            message: "Le texte est trop difficile à lire pour : \(names).",
            fix: "Réécrivez les phrases indiquées dans le détail ci-dessous : phrases courtes, "
                + "mots de tous les jours, sigles expliqués.")
        var counts: [String: Int] = [:]
        for finding in report.findings { counts[finding.rule, default: 0] += 1 }
        let rules = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
        return .refuse([problem], details: ReadabilityReportFormatter.text(report, file: fileName), rules: rules)
    }
}
