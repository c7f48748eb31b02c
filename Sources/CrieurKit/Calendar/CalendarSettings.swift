import Foundation

/// The `calendar` group of the configuration: where the commune's website
/// serves `out/calendar/`, so that the newsletter, the flyer and the feed can
/// link each event's `.ics` (« Ajouter à mon agenda »). Unset: no such link
/// anywhere, the calendar files are still written.
public struct CalendarSettings: Sendable, Equatable {
    /// The public address of the folder, `http` or `https`; nil when not set.
    public var publicURL: String?

    public init(publicURL: String? = nil) {
        self.publicURL = publicURL
    }

    /// The address of `identity`'s `.ics`; nil without `publicURL`.
    public func link(identity: String) -> String? {
        publicURL.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + ICalendarEvent.fileName(identity: identity) }
    }

    /// « Ajouter à mon agenda » for an archived item: its `.ics` while
    /// `out/calendar/` holds it (an event not over by `today`, not withdrawn);
    /// nil otherwise, or without `publicURL`.
    public func link(for record: PublishedItem, today: CivilDate) -> String? {
        guard publicURL != nil, record.when != nil, !record.isWithdrawn else { return nil }
        if let last = ICalendarEvent(record: record, uidDomain: "", stamp: .distantPast).lastDay(), last < today { return nil }
        return link(identity: record.identity)
    }

    static func read(_ section: ConfigSection) -> CalendarSettings {
        guard let url = section.optionalString("publicURL") else { return CalendarSettings() }
        let lowered = url.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"), URLComponents(string: url)?.host?.isEmpty == false,
              !url.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) else {
            section.report("« calendar.publicURL » doit être une adresse web complète (https://…), "
                + "par exemple \"https://www.commune.be/agenda/\", pas « \(url) ».")
            return CalendarSettings()
        }
        return CalendarSettings(publicURL: url)
    }
}
