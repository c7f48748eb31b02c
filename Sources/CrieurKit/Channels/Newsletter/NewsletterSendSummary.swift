import Foundation

/// What `crieur newsletter --send` tells the person after a run, in French:
/// what left now, what waits for a new try and from when, what was refused
/// for good. A run that sent nothing because every message waits says so and
/// counts as a temporary failure (exit 75), not as a success.
public struct NewsletterSendSummary: Sendable, Equatable {
    public var lines: [String]
    /// Nothing left now and something waits: try again later.
    public var nothingLeftButSomethingWaits: Bool

    public init(report: NewsletterSender.Report, manualIssue: NewsletterIssueRecord?, calendar: CivilCalendar) {
        var lines: [String] = []
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count > 1 ? "s" : "")" }
        if let issue = manualIssue {
            lines.append("Numéro spécial « \(issue.id) » : \(plural(issue.itemIDs.count, "annonce")).")
        } else {
            lines.append("Aucune nouvelle annonce : pas de nouveau numéro spécial (les numéros en cours continuent).")
        }
        lines.append("Messages envoyés maintenant : \(report.sent).")
        let refused = report.permanentFailures + report.abandoned
        if refused > 0 {
            lines.append("Refusés pour de bon par le serveur : \(plural(refused, "message")) (pas de nouvel essai).")
        }
        if report.waitingRetry > 0, let next = report.earliestRetry {
            let when = calendar.frenchWords(next, referenceYear: nil, article: false)
            lines.append("En attente d'un nouvel essai après un échec passager : \(plural(report.waitingRetry, "message")), "
                + "à partir du \(when). Le service (crieur work) s'en charge ; sinon relancez crieur newsletter --send après cette heure.")
        }
        if let until = report.rateLimitedUntil {
            lines.append("Limite d'envoi du serveur atteinte : la suite partira avec le service (crieur work) à partir du "
                + "\(calendar.frenchWords(until, referenceYear: nil, article: false)).")
        }
        self.lines = lines
        nothingLeftButSomethingWaits = report.sent == 0 && (report.waitingRetry > 0 || report.rateLimitedUntil != nil)
    }
}
