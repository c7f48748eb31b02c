import Foundation

/// The public pages in the registry (`ChannelRegistry.builtIn`): a
/// `WorkspaceModule` that reads the `web` group, points the messages' links at
/// the pages when `web.baseURL` is set, has `crieur init` create the drop
/// folders, and runs the `WebPickup` in the worker.
public struct WebModule: WorkspaceModule {
    public init() {}

    public var id: String { "web" }
    public var frenchName: String { "pages web d'inscription" }
    public var defaultFolders: [String] { ["web/drop", "web/replies"] }

    public func readConfig(_ root: ConfigSection, into config: inout CrieurConfig) {
        config.web = WebSettings.read(root.section("web"))
        if let base = config.web.baseURL {
            if config.smtp.unsubscribeURL == nil { config.smtp.unsubscribeURL = base + "/" + WebGateway.Page.unsubscribe.rawValue }
            if config.smtp.confirmURL == nil { config.smtp.confirmURL = base + "/" + WebGateway.Page.confirm.rawValue }
        }
    }

    /// Requests are applied before the newsletter sends: a confirmation e-mail leaves in the same pass,
    /// a withdrawal counts for the issue about to go.
    public var runsBeforeChannels: Bool { true }

    public func periodicJob(_ environment: WorkerEnvironment) throws -> (any PeriodicJob)? {
        WebPickup(workspace: environment.workspace, config: environment.config, clock: environment.clock, logger: environment.logger)
    }
}
