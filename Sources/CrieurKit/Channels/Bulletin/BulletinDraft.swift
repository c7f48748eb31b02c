/// A quarter's bulletin draft: the articles the centre sends to the commune's
/// editor, and a summary of what to check before sending (lengths above the
/// commune's limits, pictures to add).
///
/// Pure: built from archive records, the records of items still waiting in
/// the queue for their day (`ScheduledBulletinItems`), and settings. Nothing is ever shortened:
/// an article or a total above the limit is flagged in the summary with the
/// number of characters to remove, and staff decide what to cut.
public struct BulletinDraft: Sendable, Equatable {
    public var quarter: Quarter
    public var organisationName: String
    /// The day the draft was made.
    public var preparedOn: CivilDate
    /// The commune's deadline for this issue, when the configuration gives one.
    public var deadline: CivilDate?
    public var articles: [BulletinArticle]
    public var maxCharactersPerArticle: Int
    public var maxCharactersTotal: Int

    public init(
        quarter: Quarter, published: [PublishedItem], scheduled: [PublishedItem] = [], settings: BulletinSettings,
        organisationName: String, preparedOn: CivilDate, defaultDays: Int? = nil
    ) {
        // An item whose outputs failed after its record was written waits for a
        // retry while already in the archive: count it once.
        let archived = Set(published.map { "\($0.itemName)\u{0}\($0.title)\u{0}\($0.published.date)" })
        let waiting = scheduled.filter { !archived.contains("\($0.itemName)\u{0}\($0.title)\u{0}\($0.published.date)") }
        let waitingIDs = Set(waiting.map(\.id))
        self.quarter = quarter
        self.organisationName = organisationName
        self.preparedOn = preparedOn
        self.deadline = settings.deadline(of: quarter)
        self.articles = BulletinSelection.items(of: quarter, in: published + waiting, defaultDays: defaultDays).map {
            BulletinArticle($0, contact: settings.contact.lines, quarter: quarter, scheduled: waitingIDs.contains($0.id))
        }
        self.maxCharactersPerArticle = settings.maxCharactersPerArticle
        self.maxCharactersTotal = settings.maxCharactersTotal
    }

    public var totalCharacters: Int { articles.reduce(0) { $0 + $1.characterCount } }

    /// "Bulletin communal — 4e trimestre 2026 (octobre à décembre)".
    public var title: String { "Bulletin communal — \(quarter.frenchName)" }

    /// Lines naming what needs shortening, in French; empty when all fits.
    public var lengthProblems: [String] {
        var problems = articles.compactMap { Self.lengthProblem($0, limit: maxCharactersPerArticle) }
        if totalCharacters > maxCharactersTotal {
            problems.append("Total : \(Self.number(totalCharacters)) caractères pour \(Self.number(maxCharactersTotal)) "
                + "permis — à raccourcir de \(Self.number(totalCharacters - maxCharactersTotal)).")
        }
        return problems
    }

    /// The line naming an article longer than `limit`; nil when it fits (also the desk's live check).
    public static func lengthProblem(_ article: BulletinArticle, limit: Int) -> String? {
        let count = article.characterCount
        guard count > limit else { return nil }
        return "Article « \(article.title) » : \(number(count)) caractères pour "
            + "\(number(limit)) permis — à raccourcir de \(number(count - limit))."
    }

    /// The summary shown at the top of every form of the draft, one line each.
    public var summary: [String] {
        var lines: [String] = []
        if articles.isEmpty {
            lines.append("Aucune annonce pour le bulletin de ce trimestre.")
        } else {
            let count = articles.count == 1 ? "1 article" : "\(articles.count) articles"
            lines.append("\(count), \(Self.number(totalCharacters)) caractères en tout (espaces compris).")
        }
        lines.append("Limites de la commune : \(Self.number(maxCharactersPerArticle)) caractères par article, "
            + "\(Self.number(maxCharactersTotal)) en tout, espaces compris.")
        let problems = lengthProblems
        if problems.isEmpty, !articles.isEmpty {
            lines.append("Toutes les longueurs respectent ces limites.")
        }
        lines += problems
        if problems.contains(where: { $0.hasPrefix("Article") }) || totalCharacters > maxCharactersTotal {
            lines.append("Rien n'a été coupé : raccourcissez le texte de l'annonce, ou voyez avec la commune.")
        }
        for article in articles {
            if let day = article.scheduledFor {
                lines.append("« \(article.title) » n'est pas encore publiée : elle attend son jour dans la file "
                    + "(\(FrenchDates.date(day, referenceYear: nil))). Si elle est retirée de la file, retirez-la du bulletin.")
            }
            if let picture = article.picture {
                lines.append("Image pour « \(article.title) » : fichier \(picture.fileName), à joindre à l'envoi.")
            }
        }
        if let deadline {
            let day = FrenchDates.date(deadline, referenceYear: nil)
            lines.append(deadline >= preparedOn
                ? "À remettre à la commune au plus tard \(day)."
                : "Date limite de la commune pour ce numéro : \(day) (dépassée).")
        }
        return lines
    }

    /// A whole number with French thousands separators: "1 240" (no-break space).
    public static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append("\u{00A0}") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }
}
