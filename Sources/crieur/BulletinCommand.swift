import CrieurKit
import Foundation

/// `crieur bulletin --quarter AAAA-Tn`: builds that quarter's bulletin draft
/// from the archive of published items (out/archive/) and the bulletin items
/// waiting in queue/deferred/ for their day, into out/bulletin/,
/// copies the articles' pictures beside it, and prints where the files are
/// and what to check before sending. Whatever the date, unlike the worker,
/// which writes drafts only around their deadline.
enum BulletinCommand {
    static let usage = "Utilisation : crieur bulletin --quarter AAAA-Tn (par exemple --quarter 2026-T4)"

    static func run(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        let quarter = try QuarterOption.parse(args, usage: usage)
        let config = try options.loadConfig()
        let clock = try options.clock(config)
        let workspace = options.workspace
        let archive = workspace.archive
        let records = try archive.load()
        for name in records.unreadable {
            Console.err("out/archive/\(name) illisible : ignoré (fichier gardé)")
        }
        let publisher = BulletinPublisher(settings: config.bulletin, queue: workspace.queue)
        let context = PublicationContext(
            now: clock.now(), calendar: CivilCalendar(timeZone: config.timeZone), config: config, itemName: "")
        let scheduled = try ScheduledBulletinItems(queue: workspace.queue).load(
            today: context.today, maxItemBytes: config.queue.maxItemBytes)
        let draft = publisher.draft(quarter, published: records.items, scheduled: scheduled, context: context)
        let folder = workspace.output(.bulletin)
        let waitingPicture = BulletinPublisher.pictures(of: scheduled)
        let names = try publisher.write(draft, to: folder) { name in
            // A picture missing from the archive leaves the draft without it, not the command in failure.
            if let data = (try? archive.folder.read(name)) ?? nil { return data }
            return try waitingPicture(name)
        }
        let descriptions = ["texte à copier dans la mise en page", "version à imprimer (A4)", "document LibreOffice (XML simple)",
                            "document pour Word ou LibreOffice"]
        var lines = ["Brouillon du bulletin \(quarter) — \(quarter.frenchName) :"]
        for (name, description) in zip(names, descriptions) {
            lines.append("  \(folder.path)/\(name)   \(description)")
        }
        lines.append("")
        lines.append("À vérifier avant l'envoi :")
        lines += draft.summary.map { "- " + $0 }
        Console.out(lines.joined(separator: "\n"))
        return .success
    }
}
