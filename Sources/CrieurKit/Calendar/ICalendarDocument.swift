import Foundation

/// Whole iCalendar objects (RFC 5545): one per item (`IDENTITY.ics`, what
/// « Ajouter à mon agenda » points to) and the feed of every current event for
/// the commune's website (`agenda.ics`). Each carries the VTIMEZONE of
/// Europe/Brussels (the rules in force since 1996: summer time from the last
/// Sunday of March to the last Sunday of October), so that clients need no
/// time-zone database of their own. Pure.
public enum ICalendarDocument {
    /// The feed's file name.
    public static let feedFileName = "agenda.ics"
    public static let mediaType = "text/calendar"

    /// The `.ics` of one item, nil when it has no `Quand`.
    public static func single(_ record: PublishedItem, calendar: CivilCalendar, uidDomain: String, stamp: Date, organisationName: String) -> String? {
        guard let event = ICalendarEvent(record: record, uidDomain: uidDomain, stamp: stamp).lines(calendar: calendar) else { return nil }
        return ICalendarText.document(header(name: record.title, organisationName: organisationName) + timeZone + event + ["END:VCALENDAR"])
    }

    /// The feed: the latest version of every item whose event has not ended by
    /// `today` (withdrawn ones as cancelled, so subscribers drop them), from
    /// `records` (the archive, every version, oldest first).
    public static func feed(
        _ records: [PublishedItem], today: CivilDate, calendar: CivilCalendar, uidDomain: String, stamp: Date, organisationName: String
    ) -> String {
        var lines = header(name: "Agenda — \(organisationName)", organisationName: organisationName) + timeZone
        for record in PublishedArchive.latestVersions(records) {
            let event = ICalendarEvent(record: record, uidDomain: uidDomain, stamp: stamp)
            if let last = event.lastDay(), last < today { continue }
            lines += event.lines(calendar: calendar) ?? []
        }
        return ICalendarText.document(lines + ["END:VCALENDAR"])
    }

    /// The UID domain for a centre: its website's host, else `crieur.invalid`
    /// (a reserved name: unique enough with the identity, and never anybody's).
    public static func uidDomain(website: String) -> String {
        URLComponents(string: website)?.host.flatMap { $0.isEmpty ? nil : $0.lowercased() } ?? "crieur.invalid"
    }

    private static func header(name: String, organisationName: String) -> [String] {
        [
            "BEGIN:VCALENDAR", "VERSION:2.0",
            "PRODID:-//Crieur//\(ICalendarText.escape(organisationName)) \(Crieur.version)//FR",
            "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:\(ICalendarText.escape(name))",
            "X-WR-TIMEZONE:\(ICalendarEvent.timeZoneID)",
        ]
    }

    static let timeZone = [
        "BEGIN:VTIMEZONE", "TZID:\(ICalendarEvent.timeZoneID)",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST",
        "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET",
        "DTSTART:19701025T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]
}
