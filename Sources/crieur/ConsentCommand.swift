import CrieurKit
import Foundation

/// `crieur consent export|withdraw|erase|confirm|repair`: the person's rights
/// (access, withdrawal, erasure), the double opt-in confirmation a web form
/// passes on, and the repair of a damaged ledger. Exit 65 for an unknown
/// address or code and for a damaged ledger; 1 if an erasure left the address
/// somewhere in `data/`.
enum ConsentCommand {
    static let usage = """
    Utilisation :
      crieur consent export EMAIL
      crieur consent withdraw EMAIL|CODE [--list LISTE] [--source TEXTE]
      crieur consent erase EMAIL
      crieur consent confirm CODE
      crieur consent repair
    """

    static func run(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        guard let sub = args.first else { throw CommandError.usage(usage) }
        var rest = Array(args.dropFirst())
        let config = try options.loadConfig()
        let ledger = ConsentLedger(workspace: options.workspace, clock: try options.clock(config))
        switch sub {
        case "export":
            let address = try EmailAddress(validating: try single(rest))
            Console.out(String(decoding: try ledger.export(address: address, settings: config.newsletter), as: UTF8.self))
            if let damage = try ledger.read().damage {
                Console.err(damage.description)
                return .dataError
            }
            return .success
        case "withdraw":
            return try withdraw(&rest, ledger: ledger)
        case "erase":
            return try erase(try EmailAddress(validating: try single(rest)), ledger: ledger)
        case "confirm":
            let subscriber = try ledger.confirm(token: try single(rest))
            Console.out("Inscription confirmée (\(subscriber.id)) sur la liste « \(subscriber.list) ».")
            return .success
        case "repair":
            guard rest.isEmpty else { throw CommandError.usage(usage) }
            guard let damage = try ledger.repair() else {
                Console.out("Le registre des consentements est en bon état : rien à réparer.")
                return .success
            }
            Console.out("""
            Registre réparé : \(damage.lines.count) ligne(s) abîmée(s) mise(s) de côté dans data/\(ConsentLedger.damagedFileName) \
            (ligne(s) \(damage.lines.map { String($0.number) }.joined(separator: ", "))).
            Relisez ce fichier : si une ligne était une inscription ou une désinscription, refaites-la \
            avec « crieur subscribers add » ou « crieur consent withdraw ».
            """)
            return .success
        default:
            throw CommandError.usage("Sous-commande inconnue : « \(sub) ».\n" + usage)
        }
    }

    private static func single(_ args: [String]) throws -> String {
        guard args.count == 1, !args[0].hasPrefix("--") else { throw CommandError.usage(usage) }
        return args[0]
    }

    /// An argument with `@` is an address; anything else the code of an unsubscribe link.
    private static func withdraw(_ args: inout [String], ledger: ConsentLedger) throws -> ExitCode {
        let list = try Dispatcher.option("--list", in: &args)
        let source = try Dispatcher.option("--source", in: &args) ?? "demande au centre (crieur consent withdraw)"
        let target = try single(args)
        let ended: [Subscriber]
        if target.contains("@") {
            ended = try ledger.withdraw(address: try EmailAddress(validating: target), list: list, source: source)
        } else {
            let before = try ledger.read().state.subscriber(unsubscribeToken: target)
            let after = try ledger.withdraw(unsubscribeToken: target, source: source)
            ended = before?.state == after.state ? [] : [after]
        }
        if ended.isEmpty {
            Console.out("Déjà désinscrit : rien n'a changé.")
        }
        for subscriber in ended {
            Console.out("Désinscrit de la liste « \(subscriber.list) » (\(subscriber.id)) : plus aucun message ne lui sera envoyé.")
        }
        return .success
    }

    private static func erase(_ address: EmailAddress, ledger: ConsentLedger) throws -> ExitCode {
        let report = try ledger.erase(address: address)
        if report.subscribers.isEmpty {
            Console.out("Aucun abonné avec cette adresse. Elle est tout de même ajoutée à la liste des adresses effacées.")
        } else {
            Console.out("Données effacées pour \(report.subscribers.count) inscription(s) (\(report.subscribers.joined(separator: ", "))) : "
                + "l'adresse et le nom ne sont plus dans data/.")
        }
        if !report.scrubbedFiles.isEmpty {
            Console.out("Retirées aussi de : \(report.scrubbedFiles.map { "data/\($0)" }.joined(separator: ", ")).")
        }
        Console.out("Une empreinte de l'adresse (pas l'adresse elle-même) empêche de la réinscrire par erreur.")
        guard report.remainingFiles.isEmpty else {
            Console.err("Attention : l'adresse se trouve encore dans \(report.remainingFiles.map { "data/\($0)" }.joined(separator: ", ")). "
                + "Relancez la commande ; si elle reste, retirez-la à la main.")
            return .failure
        }
        return .success
    }
}
