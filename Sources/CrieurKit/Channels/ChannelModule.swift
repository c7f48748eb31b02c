import Foundation

/// Everything Crieur knows of one channel, declared in one place (the
/// channel's folder under `Channels/`) and listed once in `ChannelRegistry`.
/// Adding a channel: a folder with a type conforming to this protocol and its
/// publisher, one line in `ChannelRegistry.builtIn`, the docs.
public protocol ChannelModule: Sendable {
    /// Its id (written in `Canaux:`, in `readability.channels`, in the archive).
    var channel: Channel { get }
    /// Other spellings accepted in `Canaux:`, lower-case and without accents
    /// (the id itself is always accepted).
    var aliases: [String] { get }
    /// How staff call it, in French (« écran de la salle d'attente »).
    var frenchName: String { get }
    /// Its folder in `out/` (default: the id).
    var outputFolderName: String { get }
    /// Its default readability thresholds (`readability.channels.ID` overrides them).
    var readabilityProfile: ReadabilityProfile { get }

    /// Reads its group of `config/crieur.json5` from the file's root (e.g.
    /// `root.section("ecran")`) into `config`: a built-in channel into its own
    /// field, another with `config.setChannelSettings(_:for:)`. Every key the
    /// group may hold is read through `ConfigSection`, so a misspelt one is
    /// reported. Default: no group.
    func readConfig(_ root: ConfigSection, into config: inout CrieurConfig)

    /// Its group as `crieur init` writes it in `config/crieur.json5`, with French
    /// comments and without indentation (e.g. `// Le panneau…\npanneau: { … },`),
    /// added at the end of the file; nil when the file has none for it (the
    /// built-in channels' groups are in `DefaultConfiguration`'s own text).
    var defaultConfigGroup: String? { get }

    /// Files `crieur init` writes for it, relative to the workspace (its
    /// templates), never overwriting what is there.
    var defaultFiles: [(path: String, text: String)] { get }

    /// Its publisher, configured.
    func publisher(config: CrieurConfig, workspace: Workspace) -> any ChannelPublisher

    /// Its publisher in the worker, which may also send mail (the bulletin's
    /// draft to the commune's editor); `publisher(config:workspace:)` by default.
    func publisher(_ environment: WorkerEnvironment) -> any ChannelPublisher

    /// Its work on time rather than on new files (the newsletter's sender), if any.
    func periodicJob(_ environment: WorkerEnvironment) throws -> (any PeriodicJob)?

    /// Where staff find what an item became here, in French, for `demo`:
    /// `files` are the item's files in `folder` (`out/NAME/`), maybe none for
    /// channels whose pages gather every item.
    func describeOutput(files: [String], folder: String) -> String

    /// The item on this channel as the staff desk previews it before publication
    /// (`DeskPreview`): an HTML fragment with every piece of item text escaped,
    /// rendered in memory. Nil (the default): the desk's built-in preview for the
    /// built-in channels, a one-line summary for others.
    func deskPreview(_ item: Item, context: DeskPreviewContext) -> String?
}

extension ChannelModule {
    public var aliases: [String] { [] }
    public var outputFolderName: String { channel.id }

    public func readConfig(_ root: ConfigSection, into config: inout CrieurConfig) {}
    public var defaultConfigGroup: String? { nil }
    public var defaultFiles: [(path: String, text: String)] { [] }

    public func periodicJob(_ environment: WorkerEnvironment) throws -> (any PeriodicJob)? { nil }

    public func publisher(_ environment: WorkerEnvironment) -> any ChannelPublisher {
        publisher(config: environment.config, workspace: environment.workspace)
    }

    public func deskPreview(_ item: Item, context: DeskPreviewContext) -> String? { nil }

    public func describeOutput(files: [String], folder: String) -> String {
        files.isEmpty ? "sur la page \(folder)index.html" : files.map { folder + $0 }.joined(separator: ", ")
    }
}

/// What the channels' periodic jobs are built from (`WorkerFactory`).
public struct WorkerEnvironment {
    public var workspace: Workspace
    public var config: CrieurConfig
    public var clock: any Clock
    public var logger: Logger
    /// The connections for mail (the newsletter), with the pause the sender uses
    /// between tries; nil builds no mail job (the tests' worker).
    public var mail: Mail?
    /// The service's environment variables (`CRIEUR_IMAP_USER`, `CRIEUR_IMAP_PASSWORD`: logins never sit in the config file).
    public var processEnvironment: [String: String]

    public struct Mail {
        public var transports: [any MailTransport]
        public var sleep: (TimeInterval) -> Void

        public init(transports: [any MailTransport], sleep: @escaping (TimeInterval) -> Void) {
            self.transports = transports
            self.sleep = sleep
        }
    }

    public init(workspace: Workspace, config: CrieurConfig, clock: any Clock, logger: Logger, mail: Mail?,
                processEnvironment: [String: String] = [:]) {
        self.workspace = workspace
        self.config = config
        self.clock = clock
        self.logger = logger
        self.mail = mail
        self.processEnvironment = processEnvironment
    }
}
