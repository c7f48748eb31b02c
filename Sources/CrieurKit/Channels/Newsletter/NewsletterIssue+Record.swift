import Foundation

extension NewsletterIssue {
    /// The issue a planned record stands for, with the items it carries now
    /// (`NewsletterItemVersions.carried(by:frozenAt:)`). Titles: the list's title
    /// and the day for a regular or manual issue (« Les nouvelles du CPAS — lundi
    /// 7 décembre 2026 »), « Urgent : » and the item's title for an urgent one,
    /// « Rectificatif : » for an urgent correction, « Annulé : » for a cancellation
    /// notice. A corrected item's own title reads « Rectificatif : … ». The
    /// subject of a regular or manual issue names its lead items (`subject`);
    /// the others' subject is their title.
    public init(record: NewsletterIssueRecord, carrying carried: [NewsletterItemVersions.Carried], title listTitle: String,
                subject: NewsletterSubject, calendar: CivilCalendar) {
        var items = carried.map { entry in
            var item = Item(newsletterItem: entry.item)
            if entry.isCorrection { item.title = "Rectificatif : \(item.title)" }
            return item
        }
        if record.kind == .cancellation {
            items = carried.map { Item(cancellationOf: $0.item) }
        }
        // Dated the day it goes out: a slot planned late (the service was stopped, a new workspace catching up
        // the last slot) does not carry a date weeks before the message arrives.
        let date = calendar.civilDate(of: max(record.scheduledFor, record.plannedAt ?? record.scheduledFor))
        let title: String
        var subjectText: String?
        switch (record.kind, carried.first) {
        case (.urgent, let first?):
            title = first.isCorrection ? items[0].title : "Urgent : \(first.item.title)"
        case (.cancellation, _?):
            title = items[0].title
        default:
            title = "\(listTitle) — \(FrenchDates.day(date, referenceYear: nil))"
            subjectText = items.isEmpty ? nil : subject.text(titles: items.map(\.title))
        }
        self.init(id: record.id, title: title, subject: subjectText, date: date, items: items)
    }
}

extension Item {
    /// An archived item as the newsletter renderer takes it; its identity as
    /// `explicitID`, which names its `.ics` (« Ajouter à mon agenda »).
    init(newsletterItem published: PublishedItem) {
        self.init(title: published.title, channels: published.channels, publication: published.published,
                  expires: published.expires, urgent: published.urgent, link: published.link, place: published.place,
                  image: published.image, tags: published.tags, body: published.body,
                  bodyText: BodyPlainText.render(published.body), bodyFirstLine: 1, when: published.when,
                  explicitID: published.identity)
    }
}

extension Item {
    /// The notice that a withdrawn item no longer holds: its title after
    /// « Annulé : », the reason when staff gave one, where and when it was,
    /// and no link to follow.
    init(cancellationOf withdrawn: PublishedItem) {
        self.init(newsletterItem: withdrawn)
        title = "Annulé : \(withdrawn.title)"
        var paragraphs = ["Cette annonce est annulée. Ne tenez plus compte de notre message."]
        if let reason = withdrawn.withdrawal?.reason?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty {
            paragraphs.append("Raison : \(reason)")
        }
        body = Body(blocks: paragraphs.map { .paragraph([[.text($0)]]) })
        bodyText = paragraphs.joined(separator: "\n\n")
        link = nil
        // Nothing to add to an agenda any more: without an identity, no « Ajouter à mon agenda ».
        explicitID = nil
        // The title says it all; an « Urgent » mark beside « Annulé » would read as a contradiction.
        urgent = false
    }
}
