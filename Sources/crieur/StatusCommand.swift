import CrieurKit
import Foundation

/// `crieur status [--format text|json]`.
enum StatusCommand {
    static func run(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        let (json, rest) = try Dispatcher.format(args)
        guard rest.isEmpty else { throw CommandError.usage("Utilisation : crieur status [--format text|json]") }
        let config = try options.loadConfig()
        let status = try QueueStatus.read(options.workspace.queue, calendar: CivilCalendar(timeZone: config.timeZone))
        if json {
            Console.out(try Console.json(status))
        } else {
            Console.out(status.text())
        }
        return .success
    }
}
