import Foundation

/// Creates a workspace's folders and default files (`crieur init`). Existing
/// files are never overwritten, so running it again on a workspace is safe.
public enum WorkspaceSetup {
    /// Returns the files it created, relative to the workspace.
    @discardableResult
    public static func create(_ workspace: Workspace) throws -> [String] {
        var created: [String] = []
        try FileSystem.makeDirectory(workspace.root)
        for state in QueueState.allCases {
            try FileSystem.makeDirectory(workspace.queue.directory(state))
        }
        try FileSystem.makeDirectory(workspace.outDirectory)
        try FileSystem.makeDirectory(workspace.dataDirectory, mode: 0o700)
        try FileSystem.makeDirectory(workspace.path("config"))
        try FileSystem.makeDirectory(workspace.templatesDirectory)
        let files: [(String, String)] = [
            (CrieurConfig.relativePath, DefaultConfiguration.text),
            ("templates/LISEZMOI.txt", templatesReadme),
        ]
        for (relative, text) in files where try FileSystem.info(workspace.path(relative)) == nil {
            try FileSystem.writeDurably(Data(text.utf8), to: workspace.path(relative))
            created.append(relative)
        }
        return created
    }

    static let templatesReadme = """
    Modèles de Crieur
    =================

    Ce dossier contient un sous-dossier par canal (newsletter, bulletin, ecran)
    avec les modèles que le centre peut adapter : couleurs, logo, textes fixes.

    Les messages Facebook n'ont pas de modèle : Facebook n'affiche que du texte
    simple, et Crieur le prépare dans out/facebook/.

    """
}
