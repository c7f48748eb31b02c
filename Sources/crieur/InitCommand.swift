import CrieurKit

/// `crieur init DOSSIER`: a working workspace with the default configuration.
enum InitCommand {
    static func run(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        guard args.count == 1 else { throw CommandError.usage("Utilisation : crieur init DOSSIER") }
        let workspace = Workspace(root: args[0])
        let created = try WorkspaceSetup.create(workspace)
        Console.out("Espace de travail prêt : \(workspace.root)")
        for file in created { Console.out("  créé : \(file)") }
        Console.out("Déposez les annonces dans \(workspace.queue.directory(.incoming)) puis lancez « crieur --root \(workspace.root) work ».")
        return .success
    }
}
