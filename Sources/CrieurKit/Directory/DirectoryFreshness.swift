/// Whether an entry's information is recent enough to be trusted: an entry
/// never checked, or last checked more than `staleAfterMonths` months before
/// today, is « à vérifier ». The bottin and the search page mark it; the
/// « service de la semaine » skips it. Pure.
public struct DirectoryFreshness: Sendable {
    public var staleAfterMonths: Int
    public var today: CivilDate

    public init(staleAfterMonths: Int, today: CivilDate) {
        self.staleAfterMonths = staleAfterMonths
        self.today = today
    }

    /// The last day an entry checked on `checked` is still trusted.
    public func lastTrustedDay(checkedOn checked: CivilDate) -> CivilDate {
        let months = checked.month - 1 + staleAfterMonths
        let year = checked.year + months / 12, month = months % 12 + 1
        let day = min(checked.day, CivilDate.daysIn(month: month, year: year))
        return CivilDate(year: year, month: month, day: day)
    }

    public func isStale(_ entry: DirectoryEntry) -> Bool {
        guard let checked = entry.checked else { return true }
        return lastTrustedDay(checkedOn: checked) < today
    }

    /// The French note printed beside a stale entry.
    public func note(_ entry: DirectoryEntry) -> String? {
        guard isStale(entry) else { return nil }
        guard let checked = entry.checked else { return "À vérifier : ces informations n'ont pas de date de vérification." }
        return "À vérifier : informations vérifiées \(FrenchDates.date(checked, referenceYear: nil))."
    }
}
