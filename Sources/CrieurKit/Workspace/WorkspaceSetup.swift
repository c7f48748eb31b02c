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
        for module in ChannelRegistry.current.workspaceModules {
            for folder in module.defaultFolders { try FileSystem.makeDirectory(workspace.path(folder)) }
        }
        let files: [(String, String)] = [
            (CrieurConfig.relativePath, DefaultConfiguration.text),
            ("templates/LISEZMOI.txt", templatesReadme),
        ] + ChannelRegistry.current.modules.flatMap { $0.defaultFiles.map { ($0.path, $0.text) } }
        // The staff desk's form-token secret (`DeskSecret`): made here, where the worker's user runs.
        if try DeskSecret.create(in: workspace) { created.append(DeskSecret.relativePath) }
        for (relative, text) in files where try FileSystem.info(workspace.path(relative)) == nil {
            try FileSystem.makeDirectory(FileSystem.parent(of: workspace.path(relative)))
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

    Le langage des modèles
    ----------------------

      {{centre.nom}}           remplacé par la valeur (le nom du centre). Dans un
                               modèle .html, le texte est toujours protégé : une
                               annonce ne peut pas ajouter de balise ni de lien.
      {{#lieu}} … {{/lieu}}    affiche le contenu seulement si « lieu » existe ;
                               pour une liste (annonces), le répète pour chacune.
      {{^lieu}} … {{/lieu}}    affiche le contenu seulement si « lieu » est vide.
      {{! une note }}          un commentaire, jamais affiché.

    Le texte des annonces n'est jamais lu comme un modèle : « {{ » écrit dans une
    annonce reste tel quel. Une erreur dans un modèle est signalée avec le nom du
    fichier et le numéro de ligne. Les noms disponibles sont rappelés en tête de
    chaque modèle. Un modèle supprimé est remplacé par celui d'origine.

    """
}
