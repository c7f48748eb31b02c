import CrieurKit

/// `crieur directory list|check|publish|week`: the social directory
/// (`directory/`, one file per service). `check` exits 65 when a file cannot be
/// read as an entry, 1 when one is only too hard to read, 0 otherwise;
/// `publish` writes the bottin, the search page and the JSON to
/// `out/directory/`; `week` queues the « service de la semaine » when a new
/// week has begun (what the worker's directory job does).
enum DirectoryCommand {
    static let usage = "Utilisation : crieur directory list|check [--format text|json] | publish | week"

    static func run(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        guard let verb = args.first else { throw CommandError.usage(usage) }
        let (json, rest) = try Dispatcher.format(Array(args.dropFirst()))
        guard rest.isEmpty else { throw CommandError.usage(usage) }
        let config = try options.loadConfig()
        let now = try options.clock(config).now()
        let calendar = CivilCalendar(timeZone: config.timeZone)
        let freshness = DirectoryFreshness(staleAfterMonths: config.directory.staleAfterMonths, today: calendar.civilDate(of: now))
        let directory = try SocialDirectory.read(
            folder: SocialDirectory.folder(of: options.workspace), readability: DirectoryReadability(settings: config.readability))
        let listing = DirectoryListing(directory, freshness: freshness)
        switch verb {
        case "list", "liste":
            Console.out(json ? try Console.json(listing) : String(listing.listText().dropLast()))
            return .success
        case "check", "verifier", "vérifier":
            Console.out(json ? try Console.json(listing) : String(listing.checkText().dropLast()))
            if listing.refused.contains(where: { !$0.tooHard }) { return .dataError }
            return listing.refused.isEmpty ? .success : .failure
        case "publish", "publier":
            let result = try DirectoryPublisher(
                folder: DirectoryPublisher.folder(of: options.workspace), organisationName: config.organisation.name,
                freshness: freshness
            ).publish(directory.entries)
            Console.out("Bottin de \(directory.entries.count) services écrit :\n" + result.files.map { "  \($0)" }.joined(separator: "\n"))
            for warning in result.warnings { Console.err(warning) }
            if !listing.refused.isEmpty {
                Console.err("\(listing.refused.count) fiche(s) refusée(s), absentes du bottin : voyez « crieur directory check ».")
            }
            return .success
        case "week", "semaine":
            let outcome: WeeklyServicePublisher.Outcome
            do {
                outcome = try WeeklyServicePublisher(workspace: options.workspace, config: config)
                    .runIfDue(entries: directory.entries, now: now)
            } catch let damaged as WeeklyServiceHistory.Damaged {
                throw CommandError(code: .dataError, message: damaged.description)
            }
            switch outcome {
            case .disabled:
                Console.out("Le « service de la semaine » est désactivé (directory.weekly.enabled dans la configuration).")
            case .alreadyShown(let shown):
                Console.out("Service de la semaine du \(shown.week) déjà choisi : \(shown.name) (\(shown.entryID)).")
            case .nothingToShow(let week):
                Console.out("Semaine du \(week) : aucun service à présenter (le bottin est vide, ou toutes les fiches sont à vérifier).")
            case .queued(let shown, let item):
                Console.out("Service de la semaine du \(shown.week) : \(shown.name) (\(shown.entryID)).\n"
                    + "  Annonce mise dans la file : \(item)\n"
                    + "  Le travailleur (« crieur work ») la publie sur Facebook et l'écran à son prochain passage.")
            }
            return .success
        default:
            throw CommandError.usage("Commande inconnue : « directory \(verb) ». " + usage)
        }
    }
}
