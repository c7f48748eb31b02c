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
///
/// Items change after they are planned (`NewsletterItemVersions`): an issue
/// not yet sent carries the latest version of what it planned, so a correction
/// waits for an issue of its own only when an earlier version already went out,
/// and then reads « Rectificatif : ». A recurring item's new occurrence is a new
/// item, not a correction. An urgent item withdrawn after it went out gets a
/// cancellation notice at once.
public struct NewsletterIssuePlanner: Sendable {
    public var schedule: NewsletterSchedule
    public var calendar: CivilCalendar

    public init(schedule: NewsletterSchedule, calendar: CivilCalendar) {
        self.schedule = schedule
        self.calendar = calendar
    }

    /// The issues to create now: urgent ones and cancellation notices first.
    /// `records`: every archive record, every version (`loadHistory()`);
    /// `sent`: when each issue's first message went out (`DeliveryHistory.firstSent`).
    public func due(now: Date, records: [PublishedItem], issues: [NewsletterIssueRecord],
                    sent: [String: Date] = [:]) -> [NewsletterIssueRecord] {
        var planned: [NewsletterIssueRecord] = []
        let versions = NewsletterItemVersions(records: records, calendar: calendar)
        let latest = PublishedArchive.latestVersions(records)
        let delivery = Delivery(issues: issues, sent: sent, versions: versions)
        let waiting = waiting(now: now, latest: latest, issues: issues, delivery: delivery, versions: versions)
        let existing = Set(issues.map(\.id))
        for entry in waiting where entry.item.urgent {
            let id = "urgent-\(entry.item.id)"
            if !existing.contains(id) {
                planned.append(NewsletterIssueRecord(id: id, kind: .urgent, scheduledFor: now, itemIDs: [entry.item.id],
                                                     corrections: entry.isCorrection ? [entry.item.id] : nil))
            }
        }
        // A withdrawn urgent item that subscribers received: they are told at once. One that
        // only went out in a regular issue needs no message of its own.
        for item in latest where item.isWithdrawn && item.urgent && item.channels.contains(.newsletter)
            && item.isInWindow(at: now, calendar: calendar) {
            let id = "annulation-\(item.id)"
            guard !existing.contains(id),
                  delivery.delivered(NewsletterItemVersions.key(item), before: versions.recordedTime(item)) else { continue }
            planned.append(NewsletterIssueRecord(id: id, kind: .cancellation, scheduledFor: now, itemIDs: [item.id]))
        }
        let slot = schedule.latest(atOrBefore: now, calendar: calendar)
        let lastRegular = issues.last(where: { $0.kind == .regular })?.scheduledFor
        if lastRegular.map({ slot > $0 }) ?? true {
            let id = calendar.civilDate(of: slot).description
            if !existing.contains(id) {
                planned.append(Self.issue(id: id, kind: .regular, scheduledFor: slot, waiting.filter { !$0.item.urgent }))
            }
        }
        return planned
    }

    /// What the next regular issue would carry if it were sent now
    /// (`crieur newsletter` without `--send`).
    public func preview(now: Date, records: [PublishedItem], issues: [NewsletterIssueRecord],
                        sent: [String: Date] = [:]) -> [PublishedItem] {
        previewEntries(now: now, records: records, issues: issues, sent: sent).map(\.item)
    }

    /// The same as an issue of its own (`crieur newsletter --send`, the preview page).
    public func previewIssue(id: String, now: Date, records: [PublishedItem], issues: [NewsletterIssueRecord],
                             sent: [String: Date] = [:]) -> NewsletterIssueRecord {
        Self.issue(id: id, kind: .manual, scheduledFor: now, previewEntries(now: now, records: records, issues: issues, sent: sent))
    }

    /// The time of the next regular issue after `now`.
    public func nextSlot(after now: Date) -> Date {
        schedule.next(after: now, calendar: calendar)
    }

    private func previewEntries(now: Date, records: [PublishedItem], issues: [NewsletterIssueRecord],
                                sent: [String: Date]) -> [NewsletterItemVersions.Carried] {
        let versions = NewsletterItemVersions(records: records, calendar: calendar)
        let delivery = Delivery(issues: issues, sent: sent, versions: versions)
        return waiting(now: now, latest: PublishedArchive.latestVersions(records), issues: issues, delivery: delivery,
                       versions: versions).filter { !$0.item.urgent }
    }

    private static func issue(id: String, kind: NewsletterIssueRecord.Kind, scheduledFor: Date,
                              _ entries: [NewsletterItemVersions.Carried]) -> NewsletterIssueRecord {
        let corrections = entries.filter(\.isCorrection).map(\.item.id)
        return NewsletterIssueRecord(id: id, kind: kind, scheduledFor: scheduledFor, itemIDs: entries.map(\.item.id),
                                     corrections: corrections.isEmpty ? nil : corrections)
    }

    /// Current newsletter items that no issue carries yet. An issue not yet sent
    /// carries the latest version of what it planned, so a correction waits only
    /// when an earlier version already went out: it is then a « Rectificatif ».
    private func waiting(now: Date, latest: [PublishedItem], issues: [NewsletterIssueRecord], delivery: Delivery,
                         versions: NewsletterItemVersions) -> [NewsletterItemVersions.Carried] {
        let carriedIDs = Set(issues.filter { $0.kind != .cancellation }.flatMap(\.itemIDs))
        var waiting: [NewsletterItemVersions.Carried] = []
        for item in latest where item.channels.contains(.newsletter) && item.isCurrent(at: now, calendar: calendar)
            && !carriedIDs.contains(item.id) {
            let key = NewsletterItemVersions.key(item)
            if delivery.pending.contains(item.id) { continue }
            let recorded = versions.recordedTime(item)
            guard delivery.delivered(key, before: recorded) else {
                if delivery.sentAt[key] == nil { waiting.append(.init(item: item, isCorrection: false)) }
                continue
            }
            waiting.append(.init(item: item, isCorrection: true))
        }
        return waiting
    }

    /// Which occurrences issues carried, and whether those issues went out.
    private struct Delivery {
        /// Record ids that issues not sent yet will carry (the latest versions of what they planned).
        var pending: Set<String> = []
        /// When the issues that carried it first went out.
        var sentAt: [NewsletterItemVersions.Key: [Date]] = [:]

        init(issues: [NewsletterIssueRecord], sent: [String: Date], versions: NewsletterItemVersions) {
            for issue in issues where issue.kind != .cancellation {
                guard let time = sent[issue.id] else {
                    pending.formUnion(versions.carried(by: issue, frozenAt: nil).map(\.item.id))
                    continue
                }
                for id in issue.itemIDs {
                    if let key = versions.key(ofRecord: id) { sentAt[key, default: []].append(time) }
                }
            }
        }

        /// An issue went out with an earlier version than one recorded at `recorded`
        /// (a record from before versions was never corrected).
        func delivered(_ key: NewsletterItemVersions.Key, before recorded: Date?) -> Bool {
            guard let recorded, let times = sentAt[key] else { return false }
            return times.contains { $0 < recorded }
        }
    }
}
