import Foundation

/// The one assembly of the worker (`work`, `demo`, the tests): every channel
/// of the registry in use with its publisher and its periodic job.
public enum WorkerFactory {
    public static func make(
        _ environment: WorkerEnvironment, wallClock: any Clock,
        sleep: @escaping @Sendable (TimeInterval) -> Void,
        afterReading: (@Sendable (String) -> Void)? = nil
    ) throws -> Worker {
        let config = environment.config, workspace = environment.workspace
        return Worker(
            workspace: workspace, config: config, publishers: ChannelRegistry.current.modules.map { $0.publisher(environment) },
            listings: Publishers.listings(config),
            periodic: try ChannelRegistry.current.workspaceModules.filter(\.runsBeforeChannels).compactMap { try $0.periodicJob(environment) }
                + ChannelRegistry.current.modules.compactMap { try $0.periodicJob(environment) }
                + ChannelRegistry.current.workspaceModules.filter { !$0.runsBeforeChannels }.compactMap { try $0.periodicJob(environment) },
            clock: environment.clock, wallClock: wallClock, logger: environment.logger,
            sleep: sleep, afterReading: afterReading)
    }
}
