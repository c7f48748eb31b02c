import CrieurKit
import Foundation

/// `crieur status [--format text|json]`.
enum StatusCommand {
    static func run(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        let (json, rest) = try Dispatcher.format(args)
        guard rest.isEmpty else { throw CommandError.usage("Utilisation : crieur status [--format text|json]") }
        let config = try options.loadConfig()
        let calendar = CivilCalendar(timeZone: config.timeZone)
        let today = calendar.civilDate(of: try options.clock(config).now())  // the same instant as `now` below
        let now = try options.clock(config).now()
        let status = try QueueStatus.read(options.workspace.queue, calendar: calendar, today: today)
        if json {
            Console.out(try Console.json(status))
        } else {
            Console.out(status.text())
            // The social directory, when the workspace uses it: entries « à vérifier » and refused files.
            if let directory = try DirectoryStatus.read(workspace: options.workspace, config: config, now: now) {
                Console.out(String(directory.text().dropLast()))
            }
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
        if !json {
            do {
                Console.out(try NewsletterStatus.read(workspace: options.workspace, config: config, now: now).text(calendar: calendar))
            } catch {
                Console.err("Attention : état de la lettre d'information indisponible : \(error)")
            }
        }
        return .success
    }
}
