import Foundation

/// `out/feed/atom.xml`: an Atom feed (RFC 4287) of the items current at
/// `now`, newest first, for the commune's website and for signage players that
/// read feeds. It takes the latest version of each item (`PublishedArchive.load()`).
///
/// Every current item is in it, whatever its channels: the feed is the centre's
/// public list of what holds today, and a website wants the bulletin article as
/// much as the slide. Ids are stable `urn:uuid:` values derived from the
/// centre's website (or name) and the archive id of the item's first version
/// (`firstID`), so a reader never sees an item twice: a correction replaces the
/// entry in place, its `updated` being the time of the version. A withdrawn item
/// stays until the end of its display window as « Annulé : », saying why, so
/// that readers replace what they stored; then it leaves. The centre is the
/// author. Content is the body as escaped HTML (`type="html"`) with the
/// practical details (where, and « Quand » from the event); each tag is a category. Every
/// piece of text goes through `XML.escape`, which also drops the control
/// characters XML forbids. Pure; it cannot fail.
public enum AtomFeed {
    /// `defaultDays`: how long an item without an end stays in the feed (`DisplayWindow`).
    public static func render(
        _ published: [PublishedItem], organisation: CrieurConfig.Organisation, now: Date, calendar: CivilCalendar,
        defaultDays: Int? = nil, calendarLinks: CalendarSettings = CalendarSettings()
    ) -> String {
        let current = published.filter { $0.isInWindow(at: now, calendar: calendar, defaultDays: defaultDays) }.reversed()
        let owner = organisation.website.isEmpty ? organisation.name : organisation.website
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
            <id>urn:uuid:\(ContentHash.uuid(owner + "\nflux"))</id>
            <title>\(XML.escape("Annonces — " + organisation.name))</title>
            <updated>\(calendar.rfc3339(now))</updated>
            <author>\(author(organisation))</author>
            <generator>Crieur</generator>

            """
        if let website = webAddress(organisation.website) {
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(website))\"/>\n"
        }
        for item in current {
            xml += entry(item, owner: owner, calendar: calendar, today: calendar.civilDate(of: now), calendarLinks: calendarLinks)
        }
        return xml + "</feed>\n"
    }

    private static func author(_ organisation: CrieurConfig.Organisation) -> String {
        var parts = "<name>\(XML.escape(organisation.name))</name>"
        if let website = webAddress(organisation.website) { parts += "<uri>\(XML.escape(website))</uri>" }
        if !organisation.email.isEmpty { parts += "<email>\(XML.escape(organisation.email))</email>" }
        return parts
    }

    private static func entry(
        _ item: PublishedItem, owner: String, calendar: CivilCalendar, today: CivilDate, calendarLinks: CalendarSettings
    ) -> String {
        let referenceYear = today.year
        let published = calendar.rfc3339(calendar.start(of: item.published))
        let updated = item.recorded.flatMap(calendar.parseRFC3339).map(calendar.rfc3339) ?? published
        let title = item.isWithdrawn ? "Annulé : \(item.title)" : item.title
        var xml = """
            <entry>
            <id>urn:uuid:\(ContentHash.uuid(owner + "\n" + (item.firstID.isEmpty ? item.id : item.firstID)))</id>
            <title type="text">\(XML.escape(title))</title>
            <published>\(published)</published>
            <updated>\(updated)</updated>

            """
        if !item.isWithdrawn, let link = item.link, let address = webAddress(link) {
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(address))\"/>\n"
        }
        for tag in item.tags where !tag.isEmpty {
            xml += "<category term=\"\(XML.escape(tag))\"/>\n"
        }
        xml += "<content type=\"html\">\(XML.escape(contentHTML(item, referenceYear: referenceYear, calendarLinks: calendarLinks, today: today)))</content>\n"
        return xml + "</entry>\n"
    }

    /// The body (for a withdrawn item, that it is cancelled and why), then where
    /// and « Quand » (the event), then « Ajouter à mon agenda » when the event has
    /// an `.ics` on the website (`calendar.publicURL`) and is not withdrawn, as an
    /// HTML fragment (escaped again as XML text around it).
    static func contentHTML(
        _ item: PublishedItem, referenceYear: Int, calendarLinks: CalendarSettings = CalendarSettings(), today: CivilDate? = nil
    ) -> String {
        var html = BodyHTML.render(item.body, links: .clickable)
        if let withdrawal = item.withdrawal {
            html = "<p><strong>Annulé.</strong> Cette annonce est annulée : ne tenez plus compte de ce qu'elle disait.</p>"
            if let reason = withdrawal.reason?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty {
                html += "\n<p>Raison : \(HTML.escape(reason))</p>"
            }
        }
        var details: [String] = []
        if let place = item.place, !place.isEmpty {
            details.append("<strong>Où :</strong> \(HTML.escape(place))")
        }
        if let when = item.when {
            details.append("<strong>Quand :</strong> \(HTML.escape(when.french(referenceYear: referenceYear)))")
        }
        if !details.isEmpty { html += "\n<p>" + details.joined(separator: "<br>\n") + "</p>" }
        if let today, let link = calendarLinks.link(for: item, today: today) {
            html += "\n<p><a href=\"\(HTML.escape(link))\">Ajouter à mon agenda</a></p>"
        }
        return html
    }

    /// An address a reader can follow: http or https only.
    private static func webAddress(_ text: String) -> String? {
        let lowered = text.lowercased()
        return lowered.hasPrefix("https://") || lowered.hasPrefix("http://") ? text : nil
    }
}
