import CSystemShims
import CrieurKit
import Foundation

/// `crieur work [--once]`: the worker, once (cron, tests) or as a service that
/// stops cleanly on SIGTERM/SIGINT after the current item. `--once` exits 65
/// when the newsletter is blocked by the consent ledger (a person must act),
/// 75 after a temporary failure, 78 when the mail settings cannot work. The
/// service never stops for the mail settings or a refused login: it logs
/// them in French, the newsletter waits and is tried again later.
enum WorkCommand {
    static func run(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        let once: Bool
        switch args {
        case []: once = false
        case ["--once"]: once = true
        default: throw CommandError.usage("Utilisation : crieur work [--once]")
        }
        let worker = try makeWorker(options, service: !once)
        if once {
            let events = try worker.runOnce()
            // A consent ledger that needs a person is invalid data, not a reason to try again.
            if events.contains(where: { if case .periodicBlocked = $0 { return true } else { return false } }) { return .dataError }
            // A refused password or an unusable relay address: a person must fix the settings.
            if events.contains(where: { if case .periodicSettingsError = $0 { return true } else { return false } }) { return .config }
            let failed = events.contains {
                switch $0 {
                case .retry, .periodicFailure: return true
                default: return false
                }
            }
            return failed ? .temporaryFailure : .success
        }
        let stopFD = crieur_install_stop_handler()
        guard stopFD >= 0 else { throw CommandError(code: .temporaryFailure, message: "Impossible d'installer l'arrêt propre du service.") }
        try worker.runService(stopFD: stopFD) { crieur_stop_requested() != 0 }
        return .success
    }

    /// `service`: a mistake in the mail settings is logged and holds the newsletter
    /// back, the worker runs on; once (`--once`), it exits 78 for a person to fix.
    static func makeWorker(_ options: GlobalOptions, service: Bool = false) throws -> Worker {
        let config = try options.loadConfig()
        let clock = try options.clock(config)
        let logger = options.logger(config, clock: SystemClock())
        return try WorkerFactory.make(
            WorkerEnvironment(workspace: options.workspace, config: config, clock: clock, logger: logger,
                              mail: try NewsletterCommand.mailSetup(options, config: config, clock: clock, service: service ? logger : nil),
                              processEnvironment: ProcessInfo.processInfo.environment),
            wallClock: SystemClock(), sleep: { Thread.sleep(forTimeInterval: $0) })
    }
}
