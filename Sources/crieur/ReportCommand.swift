import CrieurKit
import Foundation

/// `crieur report --quarter AAAA-Tn [--format text|json]`: the quarter's figures
/// for the PST evaluation, counted from the ledgers in `data/`.
enum ReportCommand {
    static let usage = "Utilisation : crieur report --quarter AAAA-Tn [--format text|json] (par exemple --quarter 2026-T4)"

    static func run(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        let (json, rest) = try Dispatcher.format(args)
        let quarter = try QuarterOption.parse(rest, usage: usage)
        let config = try options.loadConfig()
        let calendar = CivilCalendar(timeZone: config.timeZone)
        let report = try QuarterlyReportBuilder(period: ReportPeriod(quarter, calendar: calendar), calendar: calendar)
            .load(options.workspace, config: config, clock: try options.clock(config))
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Console.out(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            var text = QuarterlyReportFormatter.text(report, organisation: config.organisation.name)
            text.removeLast()
            Console.out(text)
        }
        return .success
    }
}
