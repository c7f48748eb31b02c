/// Which quarters' drafts the worker keeps up to date on a given day.
///
/// - The current quarter's draft, always: it follows what is published.
/// - A coming quarter's draft from `daysBeforeDeadline` days before that
///   quarter's deadline up to the deadline itself (both included): this is the
///   draft "produced by itself" for the commune. The T1 2027 draft with a
///   `12-01` deadline and 14 days is written from 17 November 2026 to
///   1 December 2026, each time the worker refreshes (after every publication
///   and at least once a day), so it holds what was published up to then.
/// After its deadline a draft is no longer touched: what the editor received
/// stays on disk as it was sent. Pure.
public enum BulletinSchedule {
    public static func quarters(on today: CivilDate, settings: BulletinSettings) -> [Quarter] {
        let current = Quarter(containing: today)
        var quarters = [current]
        var candidate = current
        // A deadline comes at most a year before its quarter ends.
        for _ in 0..<5 {
            if let deadline = settings.deadline(of: candidate), isInWindow(today, deadline: deadline, days: settings.daysBeforeDeadline),
               !quarters.contains(candidate) {
                quarters.append(candidate)
            }
            candidate = candidate.next
        }
        return quarters
    }

    /// The first day on which the worker writes the draft for a deadline.
    public static func firstDay(before deadline: CivilDate, days: Int) -> CivilDate {
        civilDate(dayNumber: dayNumber(deadline) - days)
    }

    static func isInWindow(_ today: CivilDate, deadline: CivilDate, days: Int) -> Bool {
        firstDay(before: deadline, days: days) <= today && today <= deadline
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    static func dayNumber(_ date: CivilDate) -> Int {
        let year = date.month <= 2 ? date.year - 1 : date.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilDate(dayNumber: Int) -> CivilDate {
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return CivilDate(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}
