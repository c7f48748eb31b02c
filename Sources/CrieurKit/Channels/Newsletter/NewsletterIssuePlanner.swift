import Foundation

/// Decides which issues are due: one per urgent newsletter item, at once, and
/// one per slot of the schedule with every current newsletter item no earlier
/// issue carried. Pure: the archive, the issues already planned and the time
/// are given.
///
/// "Published since the last issue" is read as "not yet carried by an issue":
/// an item published on the morning of an issue day, after the issue went out,
/// goes in the next one instead of being skipped. A slot that finds nothing to
/// send is still recorded (an empty issue), so an item arriving later waits for
/// the next slot rather than triggering the past one. Before the first issue
/// ever, the latest slot counts as due.
public struct NewsletterIssuePlanner: Sendable {
    public var schedule: NewsletterSchedule
    public var calendar: CivilCalendar

    public init(schedule: NewsletterSchedule, calendar: CivilCalendar) {
        self.schedule = schedule
        self.calendar = calendar
    }

    /// The issues to create now, urgent ones first.
    public func due(now: Date, archive: [PublishedItem], issues: [NewsletterIssueRecord]) -> [NewsletterIssueRecord] {
        var planned: [NewsletterIssueRecord] = []
        let carried = Set(issues.flatMap(\.itemIDs))
        let waiting = candidates(now: now, archive: archive).filter { !carried.contains($0.id) }
        let existing = Set(issues.map(\.id))
        for item in waiting where item.urgent {
            let id = "urgent-\(item.id)"
            if !existing.contains(id) {
                planned.append(NewsletterIssueRecord(id: id, kind: .urgent, scheduledFor: now, itemIDs: [item.id]))
            }
        }
        let slot = schedule.latest(atOrBefore: now, calendar: calendar)
        let lastRegular = issues.last(where: { $0.kind == .regular })?.scheduledFor
        if lastRegular.map({ slot > $0 }) ?? true {
            let id = calendar.civilDate(of: slot).description
            if !existing.contains(id) {
                planned.append(NewsletterIssueRecord(
                    id: id, kind: .regular, scheduledFor: slot, itemIDs: waiting.filter { !$0.urgent }.map(\.id)))
            }
        }
        return planned
    }

    /// What the next regular issue would carry if it were sent now
    /// (`crieur newsletter` without `--send`).
    public func preview(now: Date, archive: [PublishedItem], issues: [NewsletterIssueRecord]) -> [PublishedItem] {
        let carried = Set(issues.flatMap(\.itemIDs))
        return candidates(now: now, archive: archive).filter { !carried.contains($0.id) && !$0.urgent }
    }

    /// The time of the next regular issue after `now`.
    public func nextSlot(after now: Date) -> Date {
        schedule.next(after: now, calendar: calendar)
    }

    private func candidates(now: Date, archive: [PublishedItem]) -> [PublishedItem] {
        archive.filter { $0.channels.contains(.newsletter) && $0.isCurrent(at: now, calendar: calendar) }
    }
}
