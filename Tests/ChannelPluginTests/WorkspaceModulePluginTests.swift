import CrieurKit
import Foundation
import Testing

/// A part that is not a channel, added from outside CrieurKit through the
/// registry's `workspaceModules` alone (as the social directory is): `init`
/// makes its folder, the configuration reads its group strictly, the worker
/// runs its periodic job; without the registry its group is an unknown key.
@Suite struct WorkspaceModulePluginTests {
    /// Counts its runs in `compteur/passages.txt`, adding its configured step.
    struct CounterModule: WorkspaceModule {
        var id: String { "compteur" }
        var frenchName: String { "compteur de passages" }
        var defaultFolders: [String] { ["compteur"] }

        func readConfig(_ root: ConfigSection, into config: inout CrieurConfig) {
            let step = root.section("compteur").int("pas", default: 1, range: 1...10)
            config.organisation.phone = "pas \(step)"  // a field the test can read back
        }

        func periodicJob(_ environment: WorkerEnvironment) throws -> (any PeriodicJob)? {
            CounterJob(path: environment.workspace.path("compteur/passages.txt"), note: environment.config.organisation.phone)
        }
    }

    final class CounterJob: PeriodicJob {
        let path: String, note: String
        init(path: String, note: String) { self.path = path; self.note = note }
        func runDue(stopRequested: () -> Bool) throws -> PeriodicJobResult {
            try FileSystem.writeDurably(Data(note.utf8), to: path)
            return PeriodicJobResult(nextWake: nil)
        }
    }

    static let registry = ChannelRegistry(ChannelRegistry.builtIn.modules,
                                          workspaceModules: ChannelRegistry.builtIn.workspaceModules + [CounterModule()])

    @Test func theWorkerRunsTheAddedModulesJobWithItsSettingsAndInitMakesItsFolder() throws {
        try ChannelRegistry.$current.withValue(Self.registry) {
            let scratch = try ChannelPluginTests.Scratch(config: "compteur: { pas: 3 }")
            #expect(try FileSystem.info(scratch.workspace.path("compteur"))?.kind == .directory)
            _ = try scratch.runWorker()
            #expect(try scratch.read("compteur/passages.txt") == "pas 3")
        }
    }

    @Test func aMisspeltKeyOfItsGroupIsRefusedAndWithoutTheModuleTheGroupIsUnknown() throws {
        try ChannelRegistry.$current.withValue(Self.registry) {
            let scratch = try ChannelPluginTests.Scratch(config: "compteur: { pass: 3 }")
            #expect(throws: ConfigError.self) { try scratch.workspace.loadConfig() }
        }
        let scratch = try ChannelPluginTests.Scratch(config: "compteur: { pas: 3 }")
        #expect(throws: ConfigError.self) { try scratch.workspace.loadConfig() }
    }
}
