import CrieurKit
import Foundation

/// Reads global options, picks the subcommand, turns errors into exit codes.
enum Dispatcher {
    static let usage = """
    Crieur \(Crieur.version) — publier une annonce simple sur tous les canaux du CPAS.

    Utilisation : crieur [--root DOSSIER] [--now AAAA-MM-JJTHH:MM:SS] COMMANDE …

      init DOSSIER                  crée un espace de travail
      demo [DOSSIER]                crée un espace de démonstration (./demo) et publie des exemples
      enqueue FICHIER…              vérifie puis dépose des annonces dans la file
      check FICHIER… [--channel C] [--format text|json]
                                    vérifie que le texte est simple (sans le publier)
      work [--once]                 traite la file (en service, ou une seule fois avec --once)
      status [--format text|json]   état de la file et derniers refus
      bulletin --quarter AAAA-Tn    prépare le brouillon du bulletin communal d'un trimestre
      report --quarter AAAA-Tn [--format text|json]
                                    chiffres du trimestre pour l'évaluation du PST
      --version                     versions de Crieur et de libcurl

    Espace de travail : --root, sinon la variable CRIEUR_ROOT, sinon le dossier courant.
    --now : fait comme si l'on était à cette date (aperçu, tests).
    """

    static func run(_ arguments: [String]) -> ExitCode {
        do {
            var rest = arguments[...]
            var options = GlobalOptions(
                root: ProcessInfo.processInfo.environment["CRIEUR_ROOT"] ?? FileSystem.currentDirectory(),
                now: nil)
            while let first = rest.first, first.hasPrefix("-") {
                rest = rest.dropFirst()
                switch first {
                case "--version":
                    Console.out("crieur \(Crieur.version)\n\(Crieur.curlVersion)")
                    return .success
                case "--help", "-h":
                    Console.out(usage)
                    return .success
                case "--root":
                    options.root = try value(after: first, in: &rest)
                case "--now":
                    options.now = try value(after: first, in: &rest)
                default:
                    throw CommandError.usage("Option inconnue : \(first)")
                }
            }
            guard let command = rest.popFirst() else {
                Console.err(usage)
                return .usage
            }
            let args = Array(rest)
            switch command {
            case "init": return try InitCommand.run(args, options: options)
            case "demo": return try DemoCommand.run(args, options: options)
            case "enqueue": return try EnqueueCommand.run(args, options: options)
            case "work": return try WorkCommand.run(args, options: options)
            case "status": return try StatusCommand.run(args, options: options)
            case "check": return try CheckCommand.run(args, options: options)
            case "bulletin": return try BulletinCommand.run(args, options: options)
            case "report", "rapport": return try ReportCommand.run(args, options: options)
            case "help": Console.out(usage); return .success
            default:
                throw CommandError.usage("Commande inconnue : « \(command) ».")
            }
        } catch let error as CommandError {
            Console.err(error.message)
            return error.code
        } catch {
            Console.err("Erreur : \(error)")
            return .temporaryFailure
        }
    }

    static func value(after option: String, in rest: inout ArraySlice<String>) throws -> String {
        guard let value = rest.popFirst() else { throw CommandError.usage("L'option \(option) attend une valeur.") }
        return value
    }

    /// `--format text|json`, the only option several commands share.
    static func format(_ args: [String]) throws -> (json: Bool, rest: [String]) {
        var json = false
        var rest: [String] = []
        var iterator = args.makeIterator()
        while let arg = iterator.next() {
            if arg == "--format" {
                switch iterator.next() {
                case "json": json = true
                case "text": json = false
                default: throw CommandError.usage("--format attend « text » ou « json ».")
                }
            } else {
                rest.append(arg)
            }
        }
        return (json, rest)
    }
}
