import Foundation
@testable import CrieurKit

/// Runs the real worker on a test workspace at a fixed business time.
enum WorkerTestSupport {
    static let brussels = CivilCalendar(timeZone: TimeZone(identifier: "Europe/Brussels")!)

    /// `AAAA-MM-JJTHH:MM` in Brussels, as `--now` reads it.
    static func date(_ text: String) -> Date {
        guard let date = brussels.parseLocalTimestamp(text) else { preconditionFailure("bad test date \(text)") }
        return date
    }

    static func worker(_ workspace: TestWorkspace, at now: Date, log: LogCollector = LogCollector()) throws -> Worker {
        let config = try workspace.config()
        return try WorkerFactory.make(
            WorkerEnvironment(workspace: workspace.workspace, config: config, clock: FixedClock(now),
                              logger: log.logger(clock: FixedClock(now)), mail: nil),
            wallClock: SystemClock(), sleep: { _ in })
    }

    @discardableResult
    static func runOnce(_ workspace: TestWorkspace, at now: String, log: LogCollector = LogCollector()) throws -> [WorkerEvent] {
        try worker(workspace, at: date(now), log: log).runOnce()
    }

    /// The states (queue folders) that hold an item of this name.
    static func states(of name: String, in workspace: TestWorkspace) -> [QueueState] {
        QueueState.allCases.filter { workspace.items($0).contains(name) }
    }

    /// Every regular file under `out/`, with its bytes, links never followed.
    static func outputs(_ workspace: TestWorkspace) -> [String: Data] {
        var result: [String: Data] = [:]
        func walk(_ relative: String) {
            for name in workspace.names(relative) {
                let path = workspace.path("\(relative)/\(name)")
                guard let info = (try? FileSystem.info(path)) ?? nil else { continue }
                switch info.kind {
                case .directory: walk("\(relative)/\(name)")
                case .regular:
                    if case .contents(let data)? = try? FileSystem.read(path, maxBytes: 64 << 20) {
                        result["\(relative)/\(name)"] = data
                    }
                default: result["\(relative)/\(name)"] = Data()
                }
            }
        }
        walk("out")
        return result
    }

    /// The Facebook posts (`out/facebook/*.txt`) as text, by file name.
    static func facebookPosts(_ workspace: TestWorkspace) -> [String: String] {
        var posts: [String: String] = [:]
        for (path, data) in outputs(workspace) where path.hasPrefix("out/facebook/") && path.hasSuffix(".txt") {
            posts[String(path.dropFirst("out/facebook/".count))] = String(decoding: data, as: UTF8.self)
        }
        return posts
    }

    static func report(_ name: String, in workspace: TestWorkspace) throws -> String {
        try workspace.read("queue/rejected/\(name)\(QueueLayout.reportSuffix)")
    }

    static func validItem(title: String = "Atelier du mardi", extraHeader: String = "", body: String = "Venez nombreux.") -> String {
        "Titre: \(title)\nCanaux: facebook\n\(extraHeader)---\n\(body)\n"
    }
}
