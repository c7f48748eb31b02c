import Foundation

/// The centre's mailbox in the registry (`ChannelRegistry.builtIn`): a
/// `WorkspaceModule` that reads the `mailbox` group and, when it names a
/// server, runs the `MailboxReader` in the worker before the channels (a
/// bounce or a withdrawal read now counts for the issue about to go).
/// Without `mailbox.url` it does nothing.
public struct MailboxModule: WorkspaceModule {
    public init() {}

    public var id: String { "mailbox" }
    public var frenchName: String { "boîte aux lettres (retours et désinscriptions)" }

    public func readConfig(_ root: ConfigSection, into config: inout CrieurConfig) {
        config.mailbox = MailboxSettings.read(root.section("mailbox"))
    }

    public var runsBeforeChannels: Bool { true }

    public func periodicJob(_ environment: WorkerEnvironment) throws -> (any PeriodicJob)? {
        guard let settings = environment.config.mailbox else { return nil }
        return MailboxReader(workspace: environment.workspace, settings: settings,
                             environment: environment.processEnvironment, clock: environment.clock, logger: environment.logger)
    }
}
