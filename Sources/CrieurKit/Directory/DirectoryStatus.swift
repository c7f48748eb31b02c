import Foundation

/// The social directory as `crieur status` and the quarterly report show it:
/// how many services, the ones « à vérifier » (not checked for
/// `directory.staleAfterMonths`), the files refused, and the latest « service
/// de la semaine ». Nil from `read` when the workspace does not use the
/// directory (`directory/` missing or empty). French for staff.
public struct DirectoryStatus: Sendable {
    public var listing: DirectoryListing
    /// The latest weeks' services, newest last.
    public var weeks: [WeeklyRotation.Shown]

    public static func read(workspace: Workspace, config: CrieurConfig, now: Date) throws -> DirectoryStatus? {
        let calendar = CivilCalendar(timeZone: config.timeZone)
        let freshness = DirectoryFreshness(staleAfterMonths: config.directory.staleAfterMonths, today: calendar.civilDate(of: now))
        let directory = try SocialDirectory.read(
            folder: SocialDirectory.folder(of: workspace), readability: DirectoryReadability(settings: config.readability))
        guard !directory.entries.isEmpty || !directory.refusals.isEmpty else { return nil }
        // A damaged history is said by `crieur directory week` and the worker's log; the status still shows the rest.
        let weeks = (try? WeeklyServiceHistory.of(workspace).read()) ?? []
        return DirectoryStatus(listing: DirectoryListing(directory, freshness: freshness), weeks: weeks)
    }

    public var toCheck: [DirectoryListing.Row] { listing.services.filter(\.toCheck) }

    /// What `crieur status --format json` says of the directory: file names under `directory/`.
    public struct Summary: Sendable, Codable, Equatable {
        public var services: Int
        public var toCheck: [String]
        public var refused: [String]
        public var serviceOfTheWeek: String?
    }

    public var summary: Summary {
        Summary(services: listing.services.count, toCheck: toCheck.map(\.file), refused: listing.refused.map(\.file),
                serviceOfTheWeek: weeks.last?.name)
    }

    /// A few lines: the count, then each entry « à vérifier » and each refused file.
    public func text() -> String {
        let count = listing.services.count
        var out = "Bottin social : \(count) service\(count > 1 ? "s" : ""), \(toCheck.count) à vérifier, "
            + "\(listing.refused.count) fiche\(listing.refused.count > 1 ? "s" : "") refusée\(listing.refused.count > 1 ? "s" : "").\n"
        if !toCheck.isEmpty {
            out += "  À vérifier (informations trop anciennes, changez « Vérifié le » après vérification) :\n"
            for row in toCheck {
                out += "    \(row.name) (directory/\(row.file)) — " + (row.checked.map { "vérifié le \($0)" } ?? "jamais vérifié") + "\n"
            }
        }
        if !listing.refused.isEmpty {
            out += "  Fiches refusées, absentes du bottin (détail : crieur directory check) :\n"
            for file in listing.refused { out += "    directory/\(file.file)\n" }
        }
        if let last = weeks.last { out += "  Service de la semaine du \(last.week) : \(last.name).\n" }
        return out
    }
}
