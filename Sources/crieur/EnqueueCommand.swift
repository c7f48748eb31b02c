import CrieurKit

/// `crieur enqueue FICHIER…`: checks every file, then queues them all, or none.
/// A picture given among the files goes with the item that names it.
enum EnqueueCommand {
    static func run(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        guard !args.isEmpty else { throw CommandError.usage("Utilisation : crieur enqueue FICHIER…") }
        let config = try options.loadConfig()
        let workspace = options.workspace
        let enqueuer = Enqueuer(workspace: workspace, config: config, publishers: Publishers.all(config, workspace: workspace))
        let checked = enqueuer.checkAll(args, now: try options.clock(config).now())
        let refused = checked.filter { !$0.problems.isEmpty }
        guard refused.isEmpty else {
            for file in refused {
                for problem in file.problems {
                    let place = problem.line.map { "\(file.source):\($0)" } ?? file.source
                    Console.err("\(place) : \(problem.message)\n    → \(problem.fix)")
                }
                if let details = file.details { Console.err("\n" + details) }
            }
            Console.err(args.count == 1
                ? "Annonce non déposée : corrigez-la puis recommencez."
                : "Aucune annonce n'a été déposée : corrigez \(refused.count == 1 ? "le fichier refusé" : "les \(refused.count) fichiers refusés") puis recommencez.")
            return .dataError
        }
        let queued = checked.filter { !$0.alreadyPublished }
        for (file, name) in zip(queued, try enqueuer.enqueue(checked)) {
            let picture = file.item?.image.map { " avec l'image \($0.fileName)" } ?? ""
            Console.out("Déposée : \(file.source) → queue/incoming/\(name)\(picture) (\(file.verdict))")
            for refusal in file.leftOut {
                for problem in refusal.problems {
                    Console.out("    \(refusal.channel.frenchName) : \(problem.message)\n    → \(problem.fix)")
                }
            }
        }
        for file in checked where file.alreadyPublished {
            Console.out("Pas déposée : \(file.source) — \(file.verdict).")
        }
        return .success
    }
}
