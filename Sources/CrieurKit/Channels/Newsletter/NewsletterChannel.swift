import Foundation

/// The e-mail newsletter: items wait in the archive for the next issue, which
/// its sender (the periodic job) builds and sends.
public struct NewsletterChannel: ChannelModule {
    public init() {}

    public var channel: Channel { .newsletter }
    public var aliases: [String] { ["email", "e-mail", "courriel", "mail", "lettre"] }
    public var frenchName: String { "lettre d'information" }
    public var readabilityProfile: ReadabilityProfile { ReadabilitySettings.defaultProfiles[.newsletter]! }

    public func readConfig(_ root: ConfigSection, into config: inout CrieurConfig) {
        config.newsletter = NewsletterSettings.read(root.section("newsletter"))
    }

    public var defaultFiles: [(path: String, text: String)] {
        NewsletterDefaultTemplates.files.map { ("\(NewsletterTemplates.folder)/\($0.name)", $0.text) }
    }

    public func publisher(config: CrieurConfig, workspace: Workspace) -> any ChannelPublisher {
        NewsletterPublisher()
    }

    public func periodicJob(_ environment: WorkerEnvironment) throws -> (any PeriodicJob)? {
        guard let mail = environment.mail else { return nil }
        return NewsletterSender(
            workspace: environment.workspace, config: environment.config, transports: mail.transports,
            clock: environment.clock, logger: environment.logger, sleep: mail.sleep)
    }

    public func describeOutput(files: [String], folder: String) -> String {
        files.isEmpty
            ? "dans le prochain numéro de la lettre d'information (tout de suite si elle est urgente)"
            : files.map { folder + $0 }.joined(separator: ", ")
    }
}
