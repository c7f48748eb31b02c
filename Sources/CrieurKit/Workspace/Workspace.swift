import Foundation

/// A Crieur workspace: one folder holding configuration, templates, the queue,
/// the outputs and the personal data (see PRODUCT.md, "Workspace").
public struct Workspace: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public var queue: QueueLayout { QueueLayout(workspace: root) }
    public var configPath: String { path(CrieurConfig.relativePath) }
    public var outDirectory: String { path("out") }
    public var dataDirectory: String { path("data") }
    public var templatesDirectory: String { path("templates") }

    public func path(_ relative: String) -> String {
        (root as NSString).appendingPathComponent(relative)
    }

    public func output(_ channel: Channel) -> OutputFolder {
        OutputFolder(path: (outDirectory as NSString).appendingPathComponent(channel.outputFolderName))
    }

    /// `data/journal.jsonl`: what became of every item (see `PublicationJournal`).
    public var journalPath: String { path("data/journal.jsonl") }

    /// `out/archive/`: what was published, for the pages that list items.
    public var archive: PublishedArchive {
        PublishedArchive(folder: OutputFolder(path: (outDirectory as NSString).appendingPathComponent("archive")))
    }

    /// Reads `config/crieur.json5`; a missing file is an error that says how to create one.
    public func loadConfig() throws(ConfigError) -> CrieurConfig {
        let result: FileSystem.ReadResult
        do {
            result = try FileSystem.read(configPath, maxBytes: 1 << 20)
        } catch {
            throw ConfigError(file: configPath, problems: [ConfigProblem(
                "Fichier introuvable ou illisible. Créez un espace de travail avec « crieur init DOSSIER » ou indiquez-le avec --root.")])
        }
        guard case .contents(let data) = result else {
            throw ConfigError(file: configPath, problems: [ConfigProblem("Ce n'est pas un fichier de configuration lisible.")])
        }
        return try CrieurConfig.parse(data, file: CrieurConfig.relativePath)
    }
}
