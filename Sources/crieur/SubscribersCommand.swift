import CrieurKit
import Foundation

/// `crieur subscribers add|import|list`: the administrator records consent
/// given at the desk or on a form, imports a file of subscribers, and reads
/// who is subscribed. Addresses are shown by `list`: it runs in the
/// administrator's own terminal, which may show personal data (logs may not).
/// Exit 65 for an invalid address, a refused line, an unknown list, an erased
/// address, or a damaged ledger (nothing is written then).
enum SubscribersCommand {
    static let usage = """
    Utilisation :
      crieur subscribers add EMAIL --source TEXTE [--list LISTE] [--name NOM] [--pending] [--wording VERSION]
      crieur subscribers import FICHIER.csv
      crieur subscribers list [--list LISTE] [--format text|json]
    """

    static func run(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        guard let sub = args.first else { throw CommandError.usage(usage) }
        var rest = Array(args.dropFirst())
        switch sub {
        case "add": return try add(&rest, options: options)
        case "import": return try importFile(rest, options: options)
        case "list": return try list(&rest, options: options)
        default: throw CommandError.usage("Sous-commande inconnue : « \(sub) ».\n" + usage)
        }
    }

    private static func add(_ args: inout [String], options: GlobalOptions) throws -> ExitCode {
        let source = try Dispatcher.option("--source", in: &args)
        let list = try Dispatcher.option("--list", in: &args)
        let name = try Dispatcher.option("--name", in: &args)
        let wording = try Dispatcher.option("--wording", in: &args)
        let pending = Dispatcher.flag("--pending", in: &args)
        guard args.count == 1, !args[0].hasPrefix("--") else { throw CommandError.usage(usage) }
        guard let source else { throw CommandError.usage(ConsentError.missingSource.description) }
        let address = try EmailAddress(validating: args[0])
        let config = try options.loadConfig()
        let ledger = ConsentLedger(workspace: options.workspace, clock: try options.clock(config), permissionReport: { Console.err("Attention : \($0).") })
        let request = SubscriptionRequest(address: address, name: name, list: list, source: source, wording: wording, pending: pending)
        switch try ledger.subscribe([request], settings: config.newsletter)[0] {
        case .added(let subscriber), .renewed(let subscriber):
            Console.out(describe(subscriber, config: config))
            return .success
        case .alreadySubscribed(let subscriber):
            Console.out("Déjà inscrit sur la liste « \(subscriber.list) » (\(subscriber.state.french), \(subscriber.id)) : rien n'a changé.")
            return .success
        case .refused(let error):
            throw error
        }
    }

    private static func describe(_ subscriber: Subscriber, config: CrieurConfig) -> String {
        let list = config.newsletter.list(named: subscriber.list)
        let title = list?.title ?? subscriber.list
        if subscriber.state == .pending {
            // The sender mails a confirmation to every pending subscriber, whatever the list's doubleOptIn.
            let code = subscriber.confirmationToken.map { " \($0)" } ?? " CODE"
            return "Inscription enregistrée (\(subscriber.id)) sur « \(title) », en attente de confirmation : "
                + "la personne recevra un e-mail pour confirmer au prochain envoi (crieur work ou crieur newsletter --send), "
                + "et rien d'autre avant. Si elle confirme devant vous : crieur consent confirm\(code)."
        }
        return "Inscription enregistrée (\(subscriber.id)) sur « \(title) »."
    }

    private static func importFile(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        guard args.count == 1, !args[0].hasPrefix("--") else { throw CommandError.usage(usage) }
        let file = args[0]
        let read: FileSystem.ReadResult
        do {
            read = try FileSystem.read(file, maxBytes: SubscriberCSV.maxBytes)
        } catch {
            throw CommandError(code: .dataError, message: "\(file) : fichier introuvable ou illisible.")
        }
        guard case .contents(let data) = read else {
            throw CommandError(code: .dataError, message: "\(file) : ce n'est pas un fichier CSV lisible (trop gros, ou pas un fichier).")
        }
        let config = try options.loadConfig()
        let parsed = SubscriberCSV.parse(data)
        var refused = parsed.problems.map { ($0.line, $0.message) }
        var counts = (added: 0, renewed: 0, already: 0)
        if !parsed.fileRefused && !parsed.rows.isEmpty {
            let ledger = ConsentLedger(workspace: options.workspace, clock: try options.clock(config), permissionReport: { Console.err("Attention : \($0).") })
            let outcomes = try ledger.subscribe(parsed.rows.map(\.request), settings: config.newsletter)
            for (row, outcome) in zip(parsed.rows, outcomes) {
                switch outcome {
                case .added: counts.added += 1
                case .renewed: counts.renewed += 1
                case .alreadySubscribed: counts.already += 1
                case .refused(let error): refused.append((row.line, error.description))
                }
            }
        }
        for (line, message) in refused.sorted(by: { ($0.0 ?? 0) < ($1.0 ?? 0) }) {
            Console.err(line.map { "\(file):\($0) : \(message)" } ?? "\(file) : \(message)")
        }
        if parsed.fileRefused {
            Console.err("Aucun abonné importé : corrigez le fichier puis recommencez.")
            return .dataError
        }
        Console.out("Importés : \(counts.added) nouvel(s) abonné(s), \(counts.renewed) réinscription(s), "
            + "\(counts.already) déjà inscrit(s) (inchangés), \(refused.count) ligne(s) refusée(s).")
        if !refused.isEmpty {
            Console.err("Les lignes refusées n'ont pas été importées : corrigez-les, puis importez de nouveau le fichier "
                + "(les personnes déjà importées ne seront pas ajoutées deux fois).")
            return .dataError
        }
        return .success
    }

    private static func list(_ args: inout [String], options: GlobalOptions) throws -> ExitCode {
        let list = try Dispatcher.option("--list", in: &args)
        let (json, rest) = try Dispatcher.format(args)
        guard rest.isEmpty else { throw CommandError.usage(usage) }
        let config = try options.loadConfig()
        let ledger = ConsentLedger(workspace: options.workspace, clock: try options.clock(config), permissionReport: { Console.err("Attention : \($0).") })
        let reading = try ledger.read()
        let subscribers = reading.state.all.filter { list == nil || $0.list == list }
        let calendar = CivilCalendar(timeZone: config.timeZone)
        let failures = try AddressFailures.load(workspace: options.workspace, state: reading.state)
        if json {
            Console.out(String(decoding: try SubscriberListing.json(subscribers, failures: failures), as: UTF8.self))
        } else {
            Console.out(SubscriberListing.text(subscribers, calendar: calendar, failures: failures))
        }
        for hold in try ledger.holds().open {
            let who = hold.namesNobody ? "tout le monde" : (hold.subscribers + hold.addresses).joined(separator: ", ")
            Console.err("En attente de décision (ligne \(hold.line) mise de côté, « crieur consent repair --list ») : "
                + "rien n'est envoyé à \(who).")
        }
        if let damage = reading.damage {
            Console.err(damage.description)
            return .dataError
        }
        return .success
    }
}
