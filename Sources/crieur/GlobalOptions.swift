import CrieurKit
import Foundation

/// Options that come before the command: `--root DIR`, `--now AAAA-MM-JJTHH:MM:SS`.
struct GlobalOptions {
    var root: String
    var now: String?

    /// The workspace: `--root`, else `$CRIEUR_ROOT`, else the current folder.
    var workspace: Workspace { Workspace(root: root) }

    func loadConfig() throws -> CrieurConfig {
        do {
            return try workspace.loadConfig()
        } catch {
            throw CommandError(code: .dataError, message: error.description)
        }
    }

    /// The business clock: fixed by `--now` for previews and tests, else the wall clock.
    func clock(_ config: CrieurConfig) throws -> any Clock {
        guard let now else { return SystemClock() }
        guard let instant = CivilCalendar(timeZone: config.timeZone).parseLocalTimestamp(now) else {
            throw CommandError.usage("Date --now illisible : « \(now) ». Écrivez par exemple --now 2026-12-01T09:00:00.")
        }
        return FixedClock(instant)
    }

    func logger(_ config: CrieurConfig, clock: any Clock) -> Logger {
        Logger(clock: clock, calendar: CivilCalendar(timeZone: config.timeZone)) { line in
            Console.err(line)
        }
    }
}
