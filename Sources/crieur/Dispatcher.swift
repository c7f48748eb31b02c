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
      list [--format text|json]     annonces en cours, programmées, terminées et retirées, avec leur identifiant
      withdraw IDENTIFIANT [--reason TEXTE]
                                    retire une annonce de tous ses canaux
      review list [--format text|json]
                                    annonces qui attendent une validation, ou renvoyées à leur auteur
      review submit FICHIER [IMAGE] [--par NOM]
                                    envoie une annonce à valider (ou dans la file si ses canaux n'ont pas de validation)
      review approve IDENTIFIANT [--par NOM]
                                    valide une annonce : elle entre dans la file de publication
      review return IDENTIFIANT --commentaire TEXTE [--par NOM]
                                    renvoie une annonce à son auteur avec ce qu'il faut corriger
      review withdraw IDENTIFIANT [--raison TEXTE] [--par NOM]
                                    retire une annonce qui attend sa validation ou a été renvoyée :
                                    elle ne sera pas publiée (texte gardé dans queue/review/retirees/)
                                    (--par : le nom noté au journal ; sinon l'utilisateur connecté)
      newsletter [--send [--yes]]   aperçu du prochain numéro de la lettre (out/newsletter/apercu.html),
                                    ou envoi tout de suite avec --send (question sur un terminal,
                                    --yes pour un script)
      bulletin --quarter AAAA-Tn    prépare le brouillon du bulletin communal d'un trimestre
      report --quarter AAAA-Tn [--format text|json]
                                    chiffres du trimestre pour l'évaluation du PST
      subscribers add EMAIL --source TEXTE [--list LISTE] [--name NOM] [--pending]
                                    enregistre une inscription et la preuve du consentement
      subscribers import FICHIER.csv
                                    importe des abonnés (colonnes email,source[,name,list])
      subscribers list [--list LISTE] [--format text|json]
                                    liste les abonnés et l'état de leur consentement
      consent export EMAIL [--format json|text]
                                    tout ce qui est gardé sur une personne (droit d'accès ;
                                    text : un relevé en français à lui remettre)
      consent withdraw EMAIL|CODE [--list LISTE]
                                    désinscrit (de toutes les listes, ou d'une seule)
      consent erase EMAIL           efface la personne de data/ (droit à l'effacement)
      consent confirm CODE          confirme une inscription en attente (double opt-in)
      consent repair [--list | --confirm N | --withdraw N | --accept-loss]
                                    met de côté les lignes abîmées du registre des consentements,
                                    puis note votre décision sur chacune
      directory list|check [--format text|json]
                                    le bottin social (dossier directory/) : liste, ou vérification des fiches
      directory publish             écrit le bottin (HTML, ODF, PDF), la page de recherche et le JSON dans out/directory/
      directory week                choisit le « service de la semaine » si une nouvelle semaine a commencé
      web                           pages publiques d'inscription et de désinscription (programme CGI
                                    lancé par le serveur web, voir contrib/web/)
      bureau                        le bureau du personnel : écrire, vérifier, valider les annonces
                                    (programme CGI derrière l'authentification de la commune)
      --version                     versions de Crieur et de libcurl

    Espace de travail : --root, sinon la variable CRIEUR_ROOT, sinon le dossier courant.
    --now : fait comme si l'on était à cette date (aperçu, tests) : 2026-12-01T09:00:00,
            01/12/2026 9h ou "1er décembre 2026 9h".
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
                    let now = try value(after: first, in: &rest)
                    try GlobalOptions.checkNow(now)
                    options.now = now
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
            case "list", "liste": return try ListCommand.run(args, options: options)
            case "withdraw", "retirer": return try WithdrawCommand.run(args, options: options)
            case "review", "validation": return try ReviewCommand.run(args, options: options)
            case "check": return try CheckCommand.run(args, options: options)
            case "newsletter", "lettre": return try NewsletterCommand.run(args, options: options)
            case "bulletin": return try BulletinCommand.run(args, options: options)
            case "report", "rapport": return try ReportCommand.run(args, options: options)
            case "subscribers": return try SubscribersCommand.run(args, options: options)
            case "consent": return try ConsentCommand.run(args, options: options)
            case "directory", "bottin": return try DirectoryCommand.run(args, options: options)
            case "web": return try WebCommand.run(args, options: options)
            case "bureau", "desk": return try BureauCommand.run(args, options: options)
            case "help": Console.out(usage); return .success
            default:
                throw CommandError.usage("Commande inconnue : « \(command) ».")
            }
        } catch let error as CommandError {
            Console.err(error.message)
            return error.code
        } catch let error as InvalidEmailAddress {
            Console.err(error.description)
            return .dataError
        } catch let error as ConsentError {
            Console.err(error.description)
            return .dataError
        } catch let error as ConsentLedgerDamage {
            Console.err(error.description)
            return .dataError
        } catch let error as ConsentUncertainty {
            Console.err(error.description)
            return .dataError
        } catch let error as NewsletterError {
            Console.err(error.description)
            return .dataError
        } catch let error as DeliveryError {
            Console.err(error.description)
            if case .settings = error { return .config }
            return .temporaryFailure
        } catch let error as SuppressionListDamage {
            Console.err(error.description)
            return .dataError
        } catch {
            Console.err("Erreur : \(error)")
            return .temporaryFailure
        }
    }

    static func value(after option: String, in rest: inout ArraySlice<String>) throws -> String {
        guard let value = rest.popFirst() else { throw CommandError.usage("L'option \(option) attend une valeur.") }
        return value
    }

    /// Removes `name VALUE` from `args` and returns the value; nil when absent.
    static func option(_ name: String, in args: inout [String]) throws -> String? {
        guard let index = args.firstIndex(of: name) else { return nil }
        guard index + 1 < args.count else { throw CommandError.usage("L'option \(name) attend une valeur.") }
        let value = args[index + 1]
        args.removeSubrange(index...(index + 1))
        return value
    }

    /// Removes the flag `name` from `args`; true when it was there.
    static func flag(_ name: String, in args: inout [String]) -> Bool {
        guard let index = args.firstIndex(of: name) else { return false }
        args.remove(at: index)
        return true
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
