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
        deadline.adding(days: -days)
    }

    static func isInWindow(_ today: CivilDate, deadline: CivilDate, days: Int) -> Bool {
        firstDay(before: deadline, days: days) <= today && today <= deadline
    }
}
