/// The report as the centre pastes it into its PST evaluation: French, short
/// lines, every figure labelled. Pure.
public enum QuarterlyReportFormatter {
    public static func text(_ report: QuarterlyReport, organisation: String) -> String {
        var lines = [
            "Rapport de communication \(report.period) — \(organisation)",
            "Période : du \(words(report.from)) au \(words(report.to))",
            "",
            "Publications",
            "- Annonces publiées : \(report.itemsPublished)",
        ]
        for channel in Channel.allCases {
            lines.append("  - \(channel.frenchName) : \(report.publishedPerChannel[channel.rawValue] ?? 0)")
        }
        lines.append("- Publiées avec dérogation à la lisibilité : \(report.derogations)")
        lines.append("- Arrivées après leur date de fin (non publiées) : \(report.itemsExpiredUnpublished)")
        lines.append("- Corrections d'annonces déjà publiées : \(report.corrections)")
        lines.append("- Annonces retirées : \(report.withdrawals)")
        lines.append("- Annonces refusées : \(report.refusals)")
        if !report.refusalReasons.isEmpty {
            lines.append("  Raisons (une annonce peut en avoir plusieurs) :")
            for reason in report.refusalReasons.prefix(8) {
                lines.append("  - \(reason.label) : \(reason.count)")
            }
        }
        lines.append("")
        lines.append("Lettre d'information")
        if let newsletter = report.newsletter {
            lines += [
                "- Abonnés au début de la période : \(newsletter.subscribersAtStart)",
                "- Abonnés à la fin de la période : \(newsletter.subscribersAtEnd)",
                "- Nouveaux consentements : \(newsletter.newConsents)",
                "- Désabonnements : \(newsletter.withdrawals)",
                "- Effacements de données (RGPD) : \(newsletter.erasures)",
                "- Numéros envoyés : \(newsletter.issuesSent)",
                "- Messages remis : \(newsletter.messagesDelivered)",
                "- Messages en attente d'un nouvel essai : \(newsletter.messagesDeferred)",
                "- Messages en échec définitif : \(newsletter.messagesFailed)",
            ]
        } else {
            lines.append("- Pas encore de registre d'abonnés ni d'envois.")
        }
        if let directory = report.directory {
            lines.append("")
            lines.append("Bottin social")
            lines.append("- Services dans le bottin : \(directory.services)")
            lines.append("- Services de la semaine présentés : \(directory.weeklyServices.count)")
            for week in directory.weeklyServices { lines.append("  - \(week)") }
            lines.append("- Fiches à vérifier (informations trop anciennes) : \(directory.toCheck.count)")
            for entry in directory.toCheck { lines.append("  - \(entry)") }
            lines.append("- Fiches refusées, absentes du bottin : \(directory.refused.count)")
            for file in directory.refused { lines.append("  - directory/\(file)") }
        }
        if report.damagedLedgerLines > 0 {
            lines.append("")
            lines.append("Attention : \(report.damagedLedgerLines) ligne(s) illisible(s) dans les registres de data/ "
                + "ne sont pas comptées. Signalez-le à la personne qui gère l'installation.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `2026-10-01` → « 1er octobre 2026 ».
    private static func words(_ isoDay: String) -> String {
        let parts = isoDay.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return isoDay }
        return "\(FrenchDates.dayOfMonth(parts[2])) \(FrenchDates.monthName(parts[1])) \(parts[0])"
    }
}
