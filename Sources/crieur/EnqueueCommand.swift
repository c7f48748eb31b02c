import CrieurKit

/// `crieur enqueue FICHIER…`: checks every file, then queues them all, or none.
/// A picture given among the files goes with the item that names it.
enum EnqueueCommand {
    static func run(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        guard !args.isEmpty else { throw CommandError.usage("Utilisation : crieur enqueue FICHIER…") }
        let config = try options.loadConfig()
        let enqueuer = Enqueuer(layout: options.workspace.queue, config: config)
        let checked = enqueuer.checkAll(args)
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
        for (file, name) in zip(checked, try enqueuer.enqueue(checked)) {
            let picture = file.item?.image.map { " (avec l'image \($0.fileName))" } ?? ""
            Console.out("Déposée : \(file.source) → queue/incoming/\(name)\(picture)")
        }
        return .success
    }
}
