import Foundation

/// The weekly job of the directory: when a new week has begun, chooses the
/// « service de la semaine » (`WeeklyRotation`), writes its Facebook post and
/// its screen slide to `out/directory/semaine/`, then records the choice in
/// the history. Run again in the same week, it does nothing.
///
/// The post and slide are written before the history: killed in between, the
/// next run chooses the same entry again and rewrites the same files. Files
/// are written durably. Throws on a file-system error or a damaged history.
public struct WeeklyServicePublisher: Sendable {
    public var workspace: Workspace
    public var config: CrieurConfig

    public init(workspace: Workspace, config: CrieurConfig) {
        self.workspace = workspace
        self.config = config
    }

    public enum Outcome: Sendable, Equatable {
        case disabled
        case alreadyShown(WeeklyRotation.Shown)
        case nothingToShow(week: CivilDate)
        /// `files`: the paths written, post first.
        case published(WeeklyRotation.Shown, files: [String])
    }

    public var folder: String { workspace.path("out/directory/semaine") }

    public func runIfDue(entries: [DirectoryEntry], now: Date) throws -> Outcome {
        let calendar = CivilCalendar(timeZone: config.timeZone)
        let rotation = WeeklyRotation(weekly: config.directory.weekly, calendar: calendar)
        let history = WeeklyServiceHistory.of(workspace)
        let freshness = DirectoryFreshness(staleAfterMonths: config.directory.staleAfterMonths, today: calendar.civilDate(of: now))
        switch rotation.decide(entries: entries, history: try history.read(), now: now, freshness: freshness) {
        case .disabled: return .disabled
        case .alreadyShown(let shown): return .alreadyShown(shown)
        case .nothingToShow(let week): return .nothingToShow(week: week)
        case .show(let entry, let week):
            let files = try write(entry, week: week, calendar: calendar)
            let shown = WeeklyRotation.Shown(week: week, entryID: entry.id, name: entry.name)
            try history.append(shown)
            return .published(shown, files: files)
        }
    }

    /// The post (`AAAA-MM-JJ-service-de-la-semaine-….txt`) and the slide (same name, `-ecran.html`).
    func write(_ entry: DirectoryEntry, week: CivilDate, calendar: CivilCalendar) throws -> [String] {
        let item = WeeklyService.item(entry, week: week, time: config.directory.weekly.time)
        let post = try FacebookPostRenderer(settings: config.facebook).render(item, today: week)
        let published = PublishedItem(item, itemName: "\(entry.id).txt", publishedOn: week)
        let slide = Slide(published, image: nil, today: week, calendar: calendar, settings: config.screen)
        let page = ScreenPage.render(
            slides: [slide], organisationName: config.organisation.name, settings: config.screen, timeZone: config.timeZone)
        try FileSystem.makeDirectory(folder)
        let postPath = "\(folder)/\(post.fileName)"
        let slidePath = "\(folder)/\(week)-\(post.slug)-ecran.html"
        try FileSystem.writeDurably(Data(FacebookPostFile.encode(post).utf8), to: postPath)
        try FileSystem.writeDurably(Data(page.html.utf8), to: slidePath)
        return [postPath, slidePath]
    }
}
