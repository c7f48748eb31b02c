import Foundation

/// `out/calendar/`: the calendar files the commune's website serves
/// (`ICalendarFiles`), rebuilt from the archive whenever the worker refreshes
/// its pages: `agenda.ics`, the feed of every current event, and one
/// `IDENTITY.ics` per item with a `Quand` not yet over (withdrawn ones as
/// cancelled). An `.ics` no longer among them (an event over, an item whose
/// `Quand` was removed) is deleted, so the folder holds only what is current.
/// A failed write throws; the worker logs it and the other files stay.
public struct CalendarPage: ListingPage {
    public let outputFolderName = "calendar"

    public init() {}

    public func refresh(_ folder: OutputFolder, published: [PublishedItem], context: PublicationContext) throws {
        let organisation = context.config.organisation
        let files = ICalendarFiles.files(
            published, today: context.today, calendar: context.calendar,
            uidDomain: ICalendarDocument.uidDomain(website: organisation.website), stamp: context.now,
            organisationName: organisation.name)
        for file in files { try folder.write(file) }
        let current = Set(files.map(\.name))
        for name in try folder.names() where name.hasSuffix(".ics") && !current.contains(name) {
            try folder.remove(name)
        }
    }
}
