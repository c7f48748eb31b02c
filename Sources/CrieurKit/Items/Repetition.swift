/// How often a recurring item comes back (`Répéter:`): its first occurrence is
/// the one its `Publication`, `Fin` and `Quand` describe; each next one moves
/// every date by one period.
public enum Repetition: String, Hashable, Sendable, Codable, CaseIterable {
    case yearly, monthly, weekly

    /// The period staff mean by `written` (« chaque année », « tous les mois », « hebdomadaire »…), nil when none.
    init?(written: String) {
        let words = NameFolding.fold(written).split(whereSeparator: { $0 == " " || $0 == "-" }).joined(separator: " ")
        switch words {
        case "chaque annee", "tous les ans", "toutes les annees", "annuel", "annuelle", "chaque an", "yearly", "every year":
            self = .yearly
        case "chaque mois", "tous les mois", "mensuel", "mensuelle", "monthly", "every month":
            self = .monthly
        case "chaque semaine", "toutes les semaines", "hebdomadaire", "weekly", "every week":
            self = .weekly
        default:
            return nil
        }
    }

    /// « chaque année », for messages and listings.
    public var frenchName: String {
        switch self {
        case .yearly: return "chaque année"
        case .monthly: return "chaque mois"
        case .weekly: return "chaque semaine"
        }
    }

    /// The date `count` periods after `date`; a 29 February or a 31st moved to a
    /// shorter month falls on that month's last day.
    public func date(_ date: CivilDate, shiftedBy count: Int) -> CivilDate {
        switch self {
        case .weekly:
            return date.adding(days: 7 * count)
        case .monthly, .yearly:
            let months = self == .yearly ? 12 * count : count
            let index = date.year * 12 + (date.month - 1) + months
            let year = index / 12, month = index % 12 + 1
            return CivilDate(year: year, month: month, day: min(date.day, CivilDate.daysIn(month: month, year: year)))
        }
    }

    public func moment(_ moment: ItemMoment, shiftedBy count: Int) -> ItemMoment {
        ItemMoment(date: date(moment.date, shiftedBy: count), time: moment.time)
    }

    /// The event (`Quand:`) `count` periods later; a weekly rhythm keeps its weekday.
    public func event(_ when: EventWhen, shiftedBy count: Int) -> EventWhen {
        switch self {
        case .weekly: return when.shifted(byDays: 7 * count)
        case .monthly: return when.shifted(byMonths: count)
        case .yearly: return when.shifted(byMonths: 12 * count)
        }
    }
}
