import Foundation

/// The social directory in the registry (`ChannelRegistry.builtIn`): not a
/// channel (no item names it in `Canaux:`), but a `WorkspaceModule` whose
/// periodic job is the `DirectoryJob` — the bottin, the search page and the
/// JSON in `out/directory/`, and the « service de la semaine » queued as an
/// ordinary item for Facebook, the screen (and the newsletter if configured).
/// `crieur init` creates `directory/`. It reads the `directory` group
/// (strictly) into `CrieurConfig.directory`; the group's default text is in
/// `DefaultConfiguration`, as the built-in channels' are.
public struct DirectoryModule: WorkspaceModule {
    /// Whether the job makes `bottin.pdf` with LibreOffice (when installed); the tests' worker turns it off.
    public var makesPDF: Bool

    public init(makesPDF: Bool = true) {
        self.makesPDF = makesPDF
    }

    public var id: String { "directory" }
    public var frenchName: String { "bottin social" }
    public var defaultFolders: [String] { ["directory"] }

    public func readConfig(_ root: ConfigSection, into config: inout CrieurConfig) {
        config.directory = DirectorySettings.read(root.section("directory"))
    }

    public func periodicJob(_ environment: WorkerEnvironment) throws -> (any PeriodicJob)? {
        DirectoryJob(workspace: environment.workspace, config: environment.config, clock: environment.clock,
                     pdfConverter: makesPDF ? LibreOfficePDF() : nil)
    }
}
