import CrieurKit
import Foundation

/// `crieur withdraw ID [--reason TEXTE]`: takes an item down from every channel
/// at once, as a new version with `Statut: annulé` would; the journal names who.
enum WithdrawCommand {
    static func run(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        var rest = args
        var reason: String?
        if let index = rest.firstIndex(of: "--reason") {
            guard index + 1 < rest.count, !rest[index + 1].trimmingCharacters(in: .whitespaces).isEmpty else {
                throw CommandError.usage("--reason attend une raison, par exemple --reason \"permanence annulée pour maladie\".")
            }
            reason = rest[index + 1].trimmingCharacters(in: .whitespaces)
            rest.removeSubrange(index...(index + 1))
        }
        guard rest.count == 1, let identity = rest.first, !identity.hasPrefix("-") else {
            throw CommandError.usage("Utilisation : crieur withdraw IDENTIFIANT [--reason TEXTE] (« crieur list » montre les identifiants)")
        }
        let worker = try WorkCommand.makeWorker(options)
        _ = try worker.start()
        defer { try? worker.stop() }
        let user = ProcessInfo.processInfo.environment["USER"] ?? "ligne de commande"
        do {
            _ = try worker.withdraw(identity: identity, reason: reason, user: user, now: try options.clock(worker.config).now())
        } catch let rejection as ItemRejection {
            for problem in rejection.problems { Console.err("\(problem.message)\n    → \(problem.fix)") }
            return .dataError
        }
        Console.out("Annonce « \(identity) » retirée de tous ses canaux : l'écran et le flux sont à jour ; "
            + "la page Facebook (out/facebook/index.html) dit quel message supprimer.")
        return .success
    }
}
