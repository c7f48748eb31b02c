import Foundation

/// The commune's printed bulletin: the worker keeps each quarter's draft for the commune's editor.
public struct BulletinChannel: ChannelModule {
    public init() {}

    public var channel: Channel { .bulletin }
    public var frenchName: String { "bulletin communal" }
    public var readabilityProfile: ReadabilityProfile { ReadabilitySettings.defaultProfiles[.bulletin]! }

    public func readConfig(_ root: ConfigSection, into config: inout CrieurConfig) {
        config.bulletin = BulletinSettings.read(root.section("bulletin"), organisation: config.organisation)
    }

    public func publisher(config: CrieurConfig, workspace: Workspace) -> any ChannelPublisher {
        BulletinPublisher(settings: config.bulletin, queue: workspace.queue)
    }

    /// In a worker that sends mail, the drafts also go to the commune's editor
    /// (`bulletin.editorAddress`) through the configured transport.
    public func publisher(_ environment: WorkerEnvironment) -> any ChannelPublisher {
        let config = environment.config, workspace = environment.workspace
        let mailer = environment.mail == nil ? nil : BulletinMailer.configured(
            workspace: workspace, smtp: config.smtp, environment: ProcessInfo.processInfo.environment,
            clock: environment.clock)
        return BulletinPublisher(settings: config.bulletin, queue: workspace.queue, mailer: mailer)
    }

    public func describeOutput(files: [String], folder: String) -> String {
        files.isEmpty ? "dans le brouillon du trimestre, \(folder)" : files.map { folder + $0 }.joined(separator: ", ")
    }
}
