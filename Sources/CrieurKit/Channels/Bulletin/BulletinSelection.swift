/// Which published items go into a quarter's bulletin, and in what order.
///
/// An item about an event (`Quand:` with a first day) belongs to the quarter of
/// that first day, whenever it is published: readers get the bulletin at the
/// quarter's start, and the event is what they need to hear about then.
///
/// Any other item (no event, or a weekly rhythm without a span) belongs to
/// quarter Q when its display window (`DisplayWindow`, with the bulletin's
/// `defaultDays`) touches Q: published on or before Q's last day, and shown
/// until Q's first day or later. So an allowance running from October to March
/// appears in T4 and in T1.
///
/// Meant for the `bulletin` channel only. Articles are ordered by their day
/// (the event's first day, else the publication day), then publication
/// moment, then title.
public enum BulletinSelection {
    public static func items(of quarter: Quarter, in published: [PublishedItem], defaultDays: Int? = nil) -> [PublishedItem] {
        published
            .filter { item in
                guard item.channels.contains(.bulletin) else { return false }
                if let eventDay = item.when?.firstDay { return quarter.contains(eventDay) }
                let window = item.window(defaultDays: defaultDays)
                return window.start.date <= quarter.lastDay && (window.lastMoment.map { $0.date >= quarter.firstDay } ?? true)
            }
            .sorted { (day(of: $0), $0.published, $0.title, $0.id) < (day(of: $1), $1.published, $1.title, $1.id) }
    }

    private static func day(of item: PublishedItem) -> CivilDate {
        item.when?.firstDay ?? item.published.date
    }
}
