import Foundation

extension NewsletterIssue {
    /// The issue a planned record stands for, with its items taken from the
    /// archive (an item missing from the archive is left out). Titles: the
    /// list's title and the day for a regular or manual issue (« Les nouvelles du
    /// CPAS — lundi 7 décembre 2026 »), « Urgent : » and the item's title for an urgent one.
    public init(record: NewsletterIssueRecord, archive: [PublishedItem], title listTitle: String, calendar: CivilCalendar) {
        let byID = Dictionary(archive.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let items = record.itemIDs.compactMap { byID[$0] }
        let date = calendar.civilDate(of: record.scheduledFor)
        let title: String
        if record.kind == .urgent, let first = items.first {
            title = "Urgent : \(first.title)"
        } else {
            title = "\(listTitle) — \(FrenchDates.day(date, referenceYear: nil))"
        }
        self.init(id: record.id, title: title, date: date, items: items.map(Item.init(newsletterItem:)))
    }
}

extension Item {
    /// An archived item as the newsletter renderer takes it.
    init(newsletterItem published: PublishedItem) {
        self.init(title: published.title, channels: published.channels, publication: published.published,
                  expires: published.expires, urgent: published.urgent, link: published.link, place: published.place,
                  image: published.image, tags: published.tags, body: published.body,
                  bodyText: BodyPlainText.render(published.body), bodyFirstLine: 1, when: published.when)
    }
}
