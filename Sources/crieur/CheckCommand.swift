import CrieurKit
import Foundation

/// `crieur check FICHIER… [--channel C] [--format text|json]`: the readability
/// report the worker's gate uses, without queuing anything. Exit 0 if every file
/// passes, 1 if one is too hard, 65 if one cannot be read.
enum CheckCommand {
    static func run(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        var (json, rest) = try Dispatcher.format(args)
        var channel: Channel?
        if let index = rest.firstIndex(of: "--channel") {
            let ids = Channel.allCases.map(\.id)
            guard index + 1 < rest.count else {
                throw CommandError.usage("--channel attend un canal : \(ids.dropLast().joined(separator: ", ")) ou \(ids.last ?? "").")
            }
            guard let known = Channel(named: rest[index + 1]) else {
                throw CommandError.usage("Canal inconnu : « \(rest[index + 1]) ». Canaux : \(ids.joined(separator: ", ")).")
            }
            channel = known
            rest.removeSubrange(index...(index + 1))
        }
        guard !rest.isEmpty, !rest.contains(where: { $0.hasPrefix("--") }) else {
            throw CommandError.usage("Utilisation : crieur check FICHIER… [--channel C] [--format text|json]")
        }
        // The workspace's thresholds when there is one, else the defaults.
        let config = (try? options.workspace.loadConfig()) ?? CrieurConfig()
        let checker = ReadabilityChecker(settings: config.readability)
        let parser = ItemParser(maxBytes: config.queue.maxItemBytes)
        // An item gets the worker's own verdict (copies, dates, each channel's limits), as `enqueue` does.
        let workspace = options.workspace
        let enqueuer = Enqueuer(workspace: workspace, config: config, publishers: Publishers.all(config, workspace: workspace))
        let now = try options.clock(config).now()
        var known: KnownItems?  // read once, at the first item
        var unreadable = false, tooHard = false
        for path in rest {
            let name = (path as NSString).lastPathComponent
            let document: ItemDocument
            do {
                document = try parser.parseDocument(try ItemFile.read(path, maxBytes: parser.maxBytes), fileName: name)
            } catch {
                // Refused as an item, or not readable at all (rights, a vanished share):
                // either way a French reason, and in JSON one object like any other file's.
                unreadable = true
                let problems = (error as? ItemRejection)?.problems ?? [ItemProblem(
                    line: nil, message: "Lecture impossible : \(error).",
                    fix: "Vérifiez que le fichier existe et que vous avez le droit de le lire.")]
                printProblems(problems, file: path)
                if json {
                    ReadabilityReportFormatter.writeUnreadableJSON(
                        problems, file: path, channels: channel.map { [$0] } ?? Channel.allCases) { Console.write(utf8: $0) }
                    [UInt8(ascii: "\n")].withUnsafeBufferPointer { Console.write(utf8: $0) }
                }
                continue
            }
            var report: ReadabilityReport
            var verdict: ItemVerdict?
            if let item = document.item {
                report = checker.check(title: item.title, titleLine: item.titleLine, body: item.bodyText,
                                       bodyFirstLine: item.bodyFirstLine, channels: channel.map { [$0] } ?? item.channels)
                if channel == nil {
                    let reading = known ?? enqueuer.knownItems()
                    known = reading
                    guard let checked = enqueuer.checkAll([path], now: now, known: reading).first else {
                        preconditionFailure("one checked file per path")
                    }
                    verdict = checked.outcome
                    if checked.reasons.contains(where: { if case .readability = $0 { false } else { true } }) {
                        // Refused for something else than a hard text (a copy, an end already past, a channel).
                        unreadable = true
                        printProblems(checked.problems, file: path)
                    }
                    mark(&report, leftOut: checked.leftOut)
                }
            } else {
                report = checker.check(document.bodyText, firstLine: document.bodyFirstLine,
                                       channels: channel.map { [$0] } ?? Channel.allCases)
            }
            tooHard = tooHard || !report.passesAllChannels
            if json {
                // Written piece by piece as it is made: an 11 MB report is never held whole.
                ReadabilityReportFormatter.writeJSON(report, file: path, verdict: verdict) { Console.write(utf8: $0) }
                [UInt8(ascii: "\n")].withUnsafeBufferPointer { Console.write(utf8: $0) }
            } else {
                Console.out(ReadabilityReportFormatter.text(report, file: path))
                if let item = document.item {
                    let today = CivilCalendar(timeZone: config.timeZone).civilDate(of: now)
                    for note in DisplayWindow.notes(for: item, settings: config.window, today: today) {
                        Console.out("\(path) : \(note)")
                    }
                }
                if let verdict { Console.out("Décision : l'annonce serait \(verdict.french).") }
            }
            if path == rest.last { keepUntilExit(report) }
        }
        return unreadable ? .dataError : (tooHard ? .failure : .success)
    }

    private static func printProblems(_ problems: [ItemProblem], file path: String) {
        for problem in problems {
            let place = problem.line.map { "\(path):\($0)" } ?? path
            Console.err("\(place) : \(problem.message)\n    → \(problem.fix)")
        }
    }

    /// A channel that refuses the item for its own limits (the screen's word count,
    /// Facebook's length) fails in the report too, with its reason.
    private static func mark(_ report: inout ReadabilityReport, leftOut: [ItemProcessor.ChannelRefusal]) {
        for refusal in leftOut {
            guard let index = report.verdicts.firstIndex(where: { $0.channel == refusal.channel }) else { continue }
            report.verdicts[index].pass = false
            for problem in refusal.problems where !report.verdicts[index].reasons.contains(problem.message) {
                report.verdicts[index].reasons.append(problem.message)
            }
        }
    }

    /// Keeps the last report alive until the process ends, on purpose: `main` calls
    /// `exit` right after this command, and the kernel takes back the whole address
    /// space at once. Releasing a 1 MB text's report first means freeing its
    /// thousands of findings one by one for memory nobody would use again. Earlier reports of a multi-file check
    /// are freed as usual, so memory does not grow with the number of files.
    private static func keepUntilExit(_ report: ReadabilityReport) {
        UnsafeMutablePointer<ReadabilityReport>.allocate(capacity: 1).initialize(to: report)
    }
}
