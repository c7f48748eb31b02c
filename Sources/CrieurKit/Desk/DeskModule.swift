import Foundation

/// The staff desk in the registry (`ChannelRegistry.builtIn`): a
/// `WorkspaceModule` that reads the `desk` group, has `crieur init` create the
/// review queue and the desk's drop folders, and runs the `DeskPickup` in the
/// worker, before the channels, so an approved urgent item goes out in the same pass.
public struct DeskModule: WorkspaceModule {
    public init() {}

    public var id: String { "desk" }
    public var frenchName: String { "bureau des annonces" }
    public var defaultFolders: [String] { [ReviewQueue.folder, DeskDropFolder.dropFolder, DeskDropFolder.repliesFolder] }

    public func readConfig(_ root: ConfigSection, into config: inout CrieurConfig) {
        config.desk = DeskSettings.read(root.section("desk"))
    }

    public var runsBeforeChannels: Bool { true }

    public func periodicJob(_ environment: WorkerEnvironment) throws -> (any PeriodicJob)? {
        DeskPickup(environment: environment)
    }
}
