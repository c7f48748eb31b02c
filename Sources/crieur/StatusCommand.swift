import CrieurKit
import Foundation

/// `crieur status [--format text|json]`.
enum StatusCommand {
    static func run(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        let (json, rest) = try Dispatcher.format(args)
        guard rest.isEmpty else { throw CommandError.usage("Utilisation : crieur status [--format text|json]") }
        let config = try options.loadConfig()
        let calendar = CivilCalendar(timeZone: config.timeZone)
        let today = calendar.civilDate(of: try options.clock(config).now())
        let status = try QueueStatus.read(options.workspace.queue, calendar: calendar, today: today)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Console.out(String(decoding: try encoder.encode(status), as: UTF8.self))
        } else {
            Console.out(status.text())
        }
        return .success
    }
}
