import Foundation

/// `crieur newsletter`: what the next regular issue would carry if it went
/// out now, written as `out/newsletter/apercu.html` and `apercu.txt` (without
/// anyone's personal link), with the time of the next slot and how many
/// subscribers have consent now. Reads the archive, the issues and the
/// delivery and consent ledgers; writes only the two preview files. Errors are thrown as they come
/// (a damaged consent ledger, a broken template).
public struct NewsletterPreview: Sendable {
    public var items: [PublishedItem]
    /// The e-mail's subject, as the issue would go out now.
    public var subject: String
    public var nextSlot: Date
    public var recipients: Int
    /// Workspace-relative paths of the files written.
    public var files: [String]

    public static let htmlPath = "out/newsletter/apercu.html"
    public static let textPath = "out/newsletter/apercu.txt"

    public static func write(workspace: Workspace, config: CrieurConfig, clock: any Clock) throws -> NewsletterPreview {
        let now = clock.now()
        let calendar = CivilCalendar(timeZone: config.timeZone)
        let planner = NewsletterIssuePlanner(schedule: config.newsletter.schedule, calendar: calendar)
        let records = try workspace.archive.loadHistory().items
        let issues = try NewsletterIssueStore(folder: OutputFolder(path: workspace.path("out/newsletter/issues"))).load().issues
        let sent = try DeliveryLog(workspace: workspace).firstSent(of: issues.map(\.id))
        let record = planner.previewIssue(id: "apercu", now: now, records: records, issues: issues, sent: sent)
        let carried = NewsletterItemVersions(records: records, calendar: calendar).carried(by: record, frozenAt: nil)
        let title = config.newsletter.list(named: config.newsletter.defaultList)?.title ?? config.organisation.name
        let renderer = try NewsletterRenderer(config: config, templates: try NewsletterTemplates.load(from: workspace), clock: clock)
        let issue = NewsletterIssue(record: record, carrying: carried, title: title, subject: NewsletterSubject(config: config), calendar: calendar)
        let bodies = try renderer.genericBodies(renderer.prepare(issue))
        try FileSystem.makeDirectory(workspace.path("out/newsletter"))
        try FileSystem.writeDurably(Data(bodies.html.utf8), to: workspace.path(htmlPath))
        try FileSystem.writeDurably(Data(bodies.text.utf8), to: workspace.path(textPath))
        var view = ConsentView(workspace: workspace)
        try view.refresh()
        let recipients = NewsletterAudience.current(state: view.state, lists: config.newsletter.lists.map(\.name),
                                                    failures: try AddressFailures.load(workspace: workspace, state: view.state))
        return NewsletterPreview(items: carried.map(\.item), subject: issue.subject, nextSlot: planner.nextSlot(after: now), recipients: recipients.count,
                                 files: [htmlPath, textPath])
    }
}
