/// Which published items go into a quarter's bulletin, and in what order.
///
/// An item belongs to quarter Q when it is meant for the `bulletin` channel and
/// its period touches Q: it was published on or before Q's last day, and it has
/// no last day or its last day is on or after Q's first day. So an item is in
/// the quarter it is published in and in every later quarter it still runs
/// into (an allowance from October to March appears in T4 and in T1); an item
/// with no end date stays in every quarter after its publication, until staff
/// give it one. Articles are ordered by publication moment, then by title.
public enum BulletinSelection {
    public static func items(of quarter: Quarter, in published: [PublishedItem]) -> [PublishedItem] {
        published
            .filter { item in
                item.channels.contains(.bulletin)
                    && item.published.date <= quarter.lastDay
                    && (item.expires.map { $0.date >= quarter.firstDay } ?? true)
            }
            .sorted { ($0.published, $0.title, $0.id) < ($1.published, $1.title, $1.id) }
    }
}
