import Foundation

/// A part of Crieur that joins the worker without being a channel: it publishes
/// no item named in `Canaux:`, but has its own folder in the workspace and work
/// on time (the social directory: `DirectoryModule`). The registry lists these
/// beside the channels (`ChannelRegistry.workspaceModules`); the worker's
/// factory runs their periodic jobs after the channels', and `crieur init`
/// creates their folders. What such a module publishes for people goes through
/// the channels as ordinary items it queues (the « service de la semaine »),
/// so it appears, is recorded and disappears like any item.
///
/// Kept apart from `ChannelModule` on purpose: a channel must render items and
/// has a readability profile; a module that only does periodic work would
/// have to refuse every item, and `Canaux: directory` would be a name staff
/// could write for nothing.
public protocol WorkspaceModule: Sendable {
    /// Its id, for logs and messages.
    var id: String { get }
    /// How staff call it, in French (« bottin social »).
    var frenchName: String { get }
    /// Folders `crieur init` creates for it, relative to the workspace.
    var defaultFolders: [String] { get }
    /// Reads its group of `config/crieur.json5` into `config`, strictly (through
    /// `ConfigSection`), as a channel does. Default: no group.
    func readConfig(_ root: ConfigSection, into config: inout CrieurConfig)
    /// Its work on time, if any.
    func periodicJob(_ environment: WorkerEnvironment) throws -> (any PeriodicJob)?
    /// Whether its job runs before the channels' (the web pages' pickup: a
    /// withdrawal or a subscription that just came in is applied before the
    /// newsletter sends). Default: after.
    var runsBeforeChannels: Bool { get }
}

extension WorkspaceModule {
    public var defaultFolders: [String] { [] }
    public func readConfig(_ root: ConfigSection, into config: inout CrieurConfig) {}
    public func periodicJob(_ environment: WorkerEnvironment) throws -> (any PeriodicJob)? { nil }
    public var runsBeforeChannels: Bool { false }
}
