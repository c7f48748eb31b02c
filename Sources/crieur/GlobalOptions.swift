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
        guard let instant = CivilCalendar(timeZone: config.timeZone).parseNow(now) else { throw Self.unreadableNow(now) }
        return FixedClock(instant)
    }

    /// Every command refuses an unreadable `--now` before doing anything, even
    /// one that does not look at the clock: a preview at the wrong date is worse than none.
    static func checkNow(_ text: String) throws {
        guard CivilCalendar(timeZone: TimeZone(identifier: "UTC")!).parseNow(text) != nil else { throw unreadableNow(text) }
    }

    static func unreadableNow(_ text: String) -> CommandError {
        if case .failure(.wrongWeekday(let date, let written)) = FrenchDateReader.moment(text) {
            let day = "\(FrenchDates.dayOfMonth(date.day)) \(FrenchDates.monthName(date.month)) \(date.year)"
            return CommandError.usage("Date --now impossible : le \(day) est un \(FrenchDates.weekday(of: date).frenchName), "
                + "pas un \(written.frenchName).")
        }
        return CommandError.usage("Date --now illisible : « \(text) ». Écrivez une date avec son année, et si besoin l'heure, "
            + "par exemple --now 2026-12-01T09:00:00, --now 2026-12-01, --now 01/12/2026 "
            + "ou --now \"1er décembre 2026 9h\".")
    }

    func logger(_ config: CrieurConfig, clock: any Clock) -> Logger {
        Logger(clock: clock, calendar: CivilCalendar(timeZone: config.timeZone)) { line in
            Console.err(line)
        }
    }
}
