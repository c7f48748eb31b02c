import CrieurKit
import Foundation

/// `crieur status [--format text|json]`. The JSON is the queue's status with,
/// beside its keys, `newsletter` and `directory` (absent when the workspace does
/// not use them or their state cannot be read, which standard error says).
enum StatusCommand {
    struct Report: Encodable {
        var queue: QueueStatus
        var newsletter: NewsletterStatus.Summary?
        var directory: DirectoryStatus.Summary?

        enum Keys: String, CodingKey { case newsletter, directory }

        func encode(to encoder: any Encoder) throws {
            try queue.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encodeIfPresent(newsletter, forKey: .newsletter)
            try container.encodeIfPresent(directory, forKey: .directory)
        }
    }

    static func run(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        let (json, rest) = try Dispatcher.format(args)
        guard rest.isEmpty else { throw CommandError.usage("Utilisation : crieur status [--format text|json]") }
        let config = try options.loadConfig()
        let calendar = CivilCalendar(timeZone: config.timeZone)
        let today = calendar.civilDate(of: try options.clock(config).now())  // the same instant as `now` below
        let now = try options.clock(config).now()
        let status = try QueueStatus.read(options.workspace.queue, calendar: calendar, today: today)
        // The social directory, when the workspace uses it: entries « à vérifier » and refused files.
        let directory = try DirectoryStatus.read(workspace: options.workspace, config: config, now: now)
        if !json {
            Console.out(status.text())
            if let directory { Console.out(String(directory.text().dropLast())) }
        }
        // Personal data first: loosened modes are set back and said; a ledger
        // that cannot be trusted is said, since the newsletter waits for a person.
        for repair in try DataPermissions(workspace: options.workspace).enforce() {
            Console.err("Attention : \(repair).")
        }
        var view = ConsentView(workspace: options.workspace)
        do {
            try view.refresh()
            for hold in view.holds.open {
                Console.err("Attention : la ligne \(hold.line) mise de côté du registre des consentements attend une décision "
                    + "(crieur consent repair --list) ; en attendant, les abonnés qu'elle nomme ne reçoivent rien.")
            }
        } catch let error as ConsentUncertainty {
            Console.err(error.description)
        } catch let error as ConsentLedgerDamage {
            Console.err(error.description)
        }
        // The newsletter last, once modes are repaired: a damaged delivery ledger is said, the rest of the status stands.
        var newsletter: NewsletterStatus?
        do {
            newsletter = try NewsletterStatus.read(workspace: options.workspace, config: config, now: now)
        } catch {
            Console.err("Attention : état de la lettre d'information indisponible : \(error)")
        }
        if json {
            Console.out(try Console.json(Report(queue: status, newsletter: newsletter?.summary(calendar: calendar), directory: directory?.summary)))
        } else if let newsletter {
            Console.out(newsletter.text(calendar: calendar))
        }
        return .success
    }
}
