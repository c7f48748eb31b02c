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
/// The service runs its periodic jobs every two seconds while the public pages
/// or the desk wait for answers; reading and checking every entry each time
/// took most of an idle service's processor. So a pass on the same day, before
/// the wake the last pass asked for, with the same entry files (name, size,
/// change time) as the last complete pass, reads nothing.
///
/// Throws on a file-system error or a damaged rotation history; the worker
/// reports it and tries again on its next pass.
public final class DirectoryJob: PeriodicJob {
    let workspace: Workspace
    let config: CrieurConfig
    let clock: any Clock
    let pdfConverter: LibreOfficePDF?
    /// What the last complete pass saw, and the wake it asked for.
    private var lastPass: (files: [FileStamp], day: String, nextWake: Date?)?
    /// How long after its last change a file is trusted to keep its stamps (file-system time, not the clock's).
    static let settleSeconds: TimeInterval = 2
    /// How many passes read the folder (for the tests).
    private(set) var readings = 0

    struct FileStamp: Equatable {
        var name: String
        var size: Int
        var modified: Date
        var statusChanged: Date
    }

    public init(workspace: Workspace, config: CrieurConfig, clock: any Clock, pdfConverter: LibreOfficePDF? = LibreOfficePDF()) {
        self.workspace = workspace
        self.config = config
        self.clock = clock
        self.pdfConverter = pdfConverter
    }

    public func runDue(stopRequested: () -> Bool) throws -> PeriodicJobResult {
        let now = clock.now()
        let calendar = CivilCalendar(timeZone: config.timeZone)
        let files = try stamps()
        let day = "\(calendar.civilDate(of: now))"
        if let lastPass, lastPass.files == files, lastPass.day == day, lastPass.nextWake.map({ now < $0 }) ?? true {
            return PeriodicJobResult(nextWake: lastPass.nextWake)
        }
        let result = try pass(now: now, calendar: calendar, stopRequested: stopRequested)
        // A file changed within the file system's timestamp grain of this reading could change again with the
        // same stamps (Git's « racily clean » entries): it is read again at the next pass, until it has settled.
        let racy = files.contains { Date().timeIntervalSince($0.statusChanged) < Self.settleSeconds }
        lastPass = result.nextWake == now || racy ? nil : (files, day, result.nextWake)
        return result
    }

    /// The entry files of `directory/` as the last pass must have seen them.
    private func stamps() throws -> [FileStamp] {
        let folder = SocialDirectory.folder(of: workspace)
        guard try FileSystem.info(folder)?.kind == .directory else { return [] }
        return try FileSystem.names(in: folder).filter(SocialDirectory.isEntryFile).sorted().compactMap { name in
            try FileSystem.info("\(folder)/\(name)").map {
                FileStamp(name: name, size: $0.size, modified: $0.modified, statusChanged: $0.statusChanged)
            }
        }
    }

    private func pass(now: Date, calendar: CivilCalendar, stopRequested: () -> Bool) throws -> PeriodicJobResult {
        readings += 1
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
