import CrieurKit
import Foundation

/// `crieur consent export|withdraw|erase|confirm|repair`: the person's rights
/// (access, withdrawal, erasure), the double opt-in confirmation a web form
/// passes on, and the repair of a damaged ledger with the decisions it asks
/// for. Exit 65 for an unknown address, code or hold and for a damaged or
/// uncertain ledger; 1 if an erasure left the address somewhere.
enum ConsentCommand {
    static let usage = """
    Utilisation :
      crieur consent export EMAIL [--format json|text]
      crieur consent withdraw EMAIL|CODE [--list LISTE] [--source TEXTE]
      crieur consent erase EMAIL
      crieur consent confirm CODE
      crieur consent repair [--list | --confirm NUMÉRO | --withdraw NUMÉRO | --accept-loss]
    """

    static func run(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        guard let sub = args.first else { throw CommandError.usage(usage) }
        var rest = Array(args.dropFirst())
        let config = try options.loadConfig()
        let ledger = ConsentLedger(workspace: options.workspace, clock: try options.clock(config), permissionReport: { Console.err("Attention : \($0).") })
        switch sub {
        case "export":
            // JSON by default (machines, the desk); --format text: a French text to give the person.
            var format = "json"
            if let index = rest.firstIndex(of: "--format") {
                guard index + 1 < rest.count, ["json", "text"].contains(rest[index + 1]) else {
                    throw CommandError.usage("--format attend « json » ou « text ».\n" + usage)
                }
                format = rest[index + 1]
                rest.removeSubrange(index...index + 1)
            }
            let address = try EmailAddress(validating: try single(rest))
            if format == "text" {
                Console.out(ConsentExportText.render(try ledger.records(of: address), settings: config.newsletter,
                                                     organisation: config.organisation, calendar: CivilCalendar(timeZone: config.timeZone))
                                .trimmingCharacters(in: .newlines))
            } else {
                Console.out(String(decoding: try ledger.export(address: address, settings: config.newsletter), as: UTF8.self))
            }
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
            return try repair(rest, ledger: ledger)
        default:
            throw CommandError.usage("Sous-commande inconnue : « \(sub) ».\n" + usage)
        }
    }

    /// `repair` sets damaged lines aside; `--list` shows what waits for a
    /// decision; `--confirm`/`--withdraw` record one; `--accept-loss` takes a
    /// ledger that lost lines as it is, once a person has checked.
    private static func repair(_ args: [String], ledger: ConsentLedger) throws -> ExitCode {
        switch args.count == 2 ? (args[0], args[1]) : (args.first ?? "", "") {
        case ("", ""):
            guard let outcome = try ledger.repair() else {
                Console.out("Le registre des consentements est en bon état : rien à réparer.")
                return try listHolds(ledger)
            }
            Console.out("Registre réparé : \(outcome.damage.lines.count) ligne(s) abîmée(s) mise(s) de côté dans data/\(ConsentLedger.damagedFileName) :")
            for line in outcome.damage.lines {
                Console.out("  - ligne \(line.number)\(line.unterminated ? " (incomplète)" : "") : \(ConsentHolds.displayable(line.bytes))")
            }
            if outcome.holds.isEmpty {
                Console.out("Aucune de ces lignes n'était une désinscription : si c'était une inscription, refaites-la avec « crieur subscribers add ».")
            }
            for hold in outcome.holds { Console.out(describe(hold, showingText: false)) }
            return .success
        case ("--list", ""):
            return try listHolds(ledger)
        case ("--confirm", let id) where !id.isEmpty:
            _ = try ledger.decide(hold: id, .notAWithdrawal)
            Console.out("Décision notée : la ligne \(id) n'était pas une désinscription. Les abonnés qu'elle retenait recevront de nouveau la lettre.")
            return .success
        case ("--withdraw", let id) where !id.isEmpty:
            let withdrawn = try ledger.decide(hold: id, .withdrawal)
            Console.out("Décision notée : la ligne \(id) était une désinscription.")
            for subscriber in withdrawn {
                Console.out("Désinscrit de la liste « \(subscriber.list) » (\(subscriber.id)) : plus aucun message ne lui sera envoyé.")
            }
            return .success
        case ("--accept-loss", ""):
            try ledger.acceptLoss()
            Console.out("Le registre des consentements est accepté tel qu'il est maintenant. Les lignes perdues ne reviendront pas : "
                + "refaites à la main les désinscriptions et inscriptions récentes que vous connaissez.")
            return .success
        default:
            throw CommandError.usage(usage)
        }
    }

    private static func listHolds(_ ledger: ConsentLedger) throws -> ExitCode {
        let open = try ledger.holds().open
        guard !open.isEmpty else { return .success }
        Console.out("\(open.count) ligne(s) mise(s) de côté attendent votre décision :")
        for hold in open { Console.out(describe(hold)) }
        return .success
    }

    private static func describe(_ hold: ConsentHolds.Hold, showingText: Bool = true) -> String {
        let who = hold.namesNobody
            ? "elle ne dit pas de qui elle parle : la lettre n'est envoyée à personne en attendant"
            : "abonné(s) \((hold.subscribers + hold.addresses).joined(separator: ", ")) : plus aucun envoi en attendant"
        return """
          [\(hold.id)] ligne \(hold.line)\(showingText ? " : \(hold.text)" : "")
            C'était peut-être une désinscription ; \(who).
            Décidez : « crieur consent repair --withdraw \(hold.id) » si c'était une désinscription, \
        « crieur consent repair --confirm \(hold.id) » sinon.
        """
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
                + "l'adresse et le nom ne sont plus dans data/ ni dans les messages gardés de \(MailTransports.outboxFolder)/.")
        }
        if !report.scrubbedFiles.isEmpty {
            Console.out("Retirées aussi de : \(report.scrubbedFiles.joined(separator: ", ")).")
        }
        if !report.removedMessages.isEmpty {
            Console.out("\(report.removedMessages.count) message(s) envoyé(s) à cette adresse supprimé(s) de \(MailTransports.outboxFolder)/ "
                + "(le registre des envois garde seulement la trace de l'envoi, sans l'adresse).")
        }
        Console.out("Une empreinte de l'adresse (pas l'adresse elle-même) empêche de la réinscrire par erreur.")
        guard report.remainingFiles.isEmpty else {
            Console.err("Attention : l'adresse se trouve encore dans \(report.remainingFiles.joined(separator: ", ")). "
                + "Relancez la commande ; si elle reste, retirez-la à la main.")
            return .failure
        }
        return .success
    }
}
