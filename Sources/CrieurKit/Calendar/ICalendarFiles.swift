import Foundation

/// The calendar folder's content (`out/calendar/`, written by `CalendarPage`): the feed
/// `agenda.ics`, and one `IDENTITY.ics` per item whose event is not over,
/// withdrawn ones included (cancelled, so that whoever added one to their
/// agenda sees it called off). Each file replaces the one of the same name:
/// the name is the item's identity, the same for all its versions. Pure.
public enum ICalendarFiles {
    public static func files(
        _ records: [PublishedItem], today: CivilDate, calendar: CivilCalendar, uidDomain: String, stamp: Date, organisationName: String
    ) -> [OutputFile] {
        var files = [OutputFile(
            name: ICalendarDocument.feedFileName,
            data: Data(ICalendarDocument.feed(records, today: today, calendar: calendar, uidDomain: uidDomain, stamp: stamp,
                                              organisationName: organisationName).utf8),
            keepOthers: false)]
        for record in PublishedArchive.latestVersions(records) {
            if let last = ICalendarEvent(record: record, uidDomain: uidDomain, stamp: stamp).lastDay(), last < today { continue }
            guard let text = ICalendarDocument.single(record, calendar: calendar, uidDomain: uidDomain, stamp: stamp,
                                                      organisationName: organisationName) else { continue }
            files.append(OutputFile(name: ICalendarEvent.fileName(identity: record.identity), data: Data(text.utf8), keepOthers: false))
        }
        return files
    }
}
