import Foundation

/// The directory's periodic work for the worker, ready to be listed among its
/// `PeriodicJob`s: on each pass, reads `directory/`, rewrites `out/directory/`
/// when the directory (or the day) changed, and writes the « service de la
/// semaine » when a new week has begun (queued as an ordinary item, which the
/// worker publishes right after its periodic jobs). It wakes the worker at the
/// next week's start. Refused entry files are left for `crieur directory
/// check`. A workspace whose `directory/` folder is missing or empty, and
/// that never had a bottin, does not use the directory: the job writes nothing.
///
/// Throws on a file-system error or a damaged rotation history; the worker
/// reports it and tries again on its next pass.
public final class DirectoryJob: PeriodicJob {
    let workspace: Workspace
    let config: CrieurConfig
    let clock: any Clock
    let pdfConverter: LibreOfficePDF?

    public init(workspace: Workspace, config: CrieurConfig, clock: any Clock, pdfConverter: LibreOfficePDF? = LibreOfficePDF()) {
        self.workspace = workspace
        self.config = config
        self.clock = clock
        self.pdfConverter = pdfConverter
    }

    public func runDue(stopRequested: () -> Bool) throws -> PeriodicJobResult {
        let now = clock.now()
        let calendar = CivilCalendar(timeZone: config.timeZone)
        let freshness = DirectoryFreshness(staleAfterMonths: config.directory.staleAfterMonths, today: calendar.civilDate(of: now))
        let directory = try SocialDirectory.read(
            folder: SocialDirectory.folder(of: workspace), readability: DirectoryReadability(settings: config.readability))
        // An empty `directory/` (as `crieur init` makes it) is a directory not in use yet: no empty bottin, no LibreOffice.
        if directory.entries.isEmpty && directory.refusals.isEmpty,
           try FileSystem.info("\(DirectoryPublisher.folder(of: workspace))/bottin.html") == nil {
            return PeriodicJobResult(nextWake: nil)
        }
        try DirectoryUpdate.note(directory.entries, today: freshness.today, folder: DirectoryPublisher.folder(of: workspace))
        _ = try DirectoryPublisher(
            folder: DirectoryPublisher.folder(of: workspace), organisationName: config.organisation.name, freshness: freshness,
            pdfConverter: pdfConverter
        ).publishIfChanged(directory.entries)
        guard !stopRequested() else { return PeriodicJobResult(nextWake: now) }
        _ = try WeeklyServicePublisher(workspace: workspace, config: config).runIfDue(entries: directory.entries, now: now)
        let rotation = WeeklyRotation(weekly: config.directory.weekly, calendar: calendar)
        // Tomorrow at the latest: the bottin carries the day's date and its « à vérifier » marks.
        let tomorrow = calendar.instant(calendar.civilDate(of: now).adding(days: 1), hour: 0, minute: 5)
        return PeriodicJobResult(nextWake: min(rotation.nextWeekStart(after: now), tomorrow))
    }
}
