import CrieurKit
import Foundation

/// `crieur review list | submit FICHIER | approve ID | return ID --commentaire TEXTE | withdraw ID [--raison TEXTE] [--par NOM]`:
/// the approval step from the command line, with the same `ReviewQueue` the
/// desk's worker uses. Runs as the Crieur account, which owns the queue: the
/// name (`--par`, else the login name) is recorded in the journal, roles are not
/// checked here (`desk.users` is for the desk, whose pages are not trusted).
enum ReviewCommand {
    static let usage = "Utilisation : crieur review list [--format text|json] | submit FICHIER [IMAGE] [--par NOM] "
        + "| approve IDENTIFIANT [--par NOM] | return IDENTIFIANT --commentaire TEXTE [--par NOM] "
        + "| withdraw IDENTIFIANT [--raison TEXTE] [--par NOM]"

    static func run(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        var rest = args
        guard let verb = rest.first else { throw CommandError.usage(usage) }
        rest.removeFirst()
        let user = try Dispatcher.option("--par", in: &rest) ?? loginName()
        guard !user.trimmingCharacters(in: .whitespaces).isEmpty else { throw CommandError.usage("--par attend un nom.") }
        let config = try options.loadConfig()
        let clock = try options.clock(config)
        let queue = ReviewQueue(workspace: options.workspace, clock: clock)
        switch verb {
        case "list", "liste":
            let (json, extra) = try Dispatcher.format(rest)
            guard extra.isEmpty else { throw CommandError.usage(usage) }
            let listing = ReviewListing(try queue.entries(), now: clock.now(), calendar: CivilCalendar(timeZone: config.timeZone))
            Console.out(json ? try Console.json(listing.rows) : String(listing.text().dropLast()))
            return .success
        case "approve", "valider":
            guard rest.count == 1, let id = rest.first, !id.hasPrefix("-") else { throw CommandError.usage(usage) }
            return try refusalsAsExitCode {
                let title = try queue.entry(id: id)?.title ?? id
                let name = try queue.approve(id: id, by: user, config: config)
                Console.out("Annonce « \(title) » validée par \(user) : déposée dans queue/incoming/\(name).")
            }
        case "submit", "envoyer":
            // The desk's « Envoyer » from a file: to approval when `desk.approval` asks it, else into the queue.
            let pictures = rest.filter { QueueLayout.isImage(($0 as NSString).lastPathComponent) }
            let files = rest.filter { !pictures.contains($0) }
            guard files.count == 1, pictures.count <= 1, let file = files.first, !file.hasPrefix("-") else {
                throw CommandError.usage("Utilisation : crieur review submit FICHIER [IMAGE] [--par NOM]")
            }
            return try refusalsAsExitCode {
                let text: String
                do {
                    text = try TextDecoding.decode(try ItemFile.read(file, maxBytes: config.queue.maxItemBytes),
                                                   maxBytes: config.queue.maxItemBytes)
                } catch let rejection as ItemRejection {
                    throw DeskRefusal(.invalidItem, "\(file) : annonce non envoyée.", problems: rejection.problems.map { $0.consoleText(source: file) })
                }
                switch try queue.send(text: text, picturePath: pictures.first, by: user, config: config) {
                case .waiting(let entry):
                    Console.out("Envoyée pour validation : \(file) → queue/review/\(entry.id).txt (auteur : \(user)).")
                case .queued(let name, _):
                    Console.out("Déposée (pas de validation demandée pour ses canaux) : \(file) → queue/incoming/\(name).")
                }
            }
        case "return", "renvoyer":
            let comment = try Dispatcher.option("--commentaire", in: &rest) ?? Dispatcher.option("--comment", in: &rest)
            guard let comment, !comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw CommandError.usage("Dites à l'auteur ce qu'il faut corriger : crieur review return IDENTIFIANT "
                    + "--commentaire \"la date est fausse\".")
            }
            guard rest.count == 1, let id = rest.first, !id.hasPrefix("-") else { throw CommandError.usage(usage) }
            return try refusalsAsExitCode {
                guard let entry = try queue.entry(id: id) else { throw ReviewQueue.unknown(id) }
                try queue.sendBack(id: id, by: user, comment: comment)
                Console.out("Annonce « \(entry.title) » renvoyée à \(entry.author) avec le commentaire de \(user).")
            }
        case "withdraw", "retirer":
            // The desk's « Retirer » on an entry waiting for approval or sent back: kept in queue/review/retirees/.
            let reason = try Dispatcher.option("--raison", in: &rest) ?? Dispatcher.option("--reason", in: &rest)
            guard rest.count == 1, let id = rest.first, !id.hasPrefix("-") else {
                throw CommandError.usage("Utilisation : crieur review withdraw IDENTIFIANT [--raison TEXTE] [--par NOM]")
            }
            return try refusalsAsExitCode {
                let kept = try queue.withdraw(id: id, by: user, reason: reason)
                Console.out("Annonce « \(kept.title) » (de \(kept.author)) retirée par \(user) : elle ne sera pas publiée. "
                    + "Son texte est gardé dans \(ReviewQueue.withdrawnFolder)/\(kept.id).txt.")
            }
        default:
            throw CommandError.usage(usage)
        }
    }

    /// The person at the terminal: the one behind `sudo`, else the login name.
    static func loginName() -> String {
        let environment = ProcessInfo.processInfo.environment
        for key in ["SUDO_USER", "LOGNAME", "USER"] {
            if let name = environment[key], !name.isEmpty { return name }
        }
        return "ligne de commande"
    }

    /// A refusal is invalid input (65), said in French with each problem as `enqueue` prints it.
    private static func refusalsAsExitCode(_ body: () throws -> Void) throws -> ExitCode {
        do {
            try body()
            return .success
        } catch let refusal as DeskRefusal {
            Console.err(refusal.description)
            return .dataError
        }
    }
}
