import Foundation
@testable import CrieurKit

/// A workspace with desk users, and the desk's steps run as the worker would run them.
enum DeskTestSupport {
    static let now = WorkerTestSupport.date("2026-11-20T10:00")

    static let users = #"users: { marie: ["redaction"], luc: ["redaction"], paul: ["validation"], it: ["admin"] }"#

    static func workspace(approval: String = #"["*"]"#) throws -> TestWorkspace {
        try TestWorkspace(extraConfig: "desk: { \(users), approval: \(approval) }")
    }

    static func item(_ title: String = "Atelier cuisine", channels: String = "facebook, ecran", extra: String = "") -> String {
        "Titre: \(title)\nCanaux: \(channels)\n\(extra)---\nVenez cuisiner avec nous.\nC'est gratuit.\n"
    }

    static func queue(_ workspace: TestWorkspace, at date: Date = now) -> ReviewQueue {
        ReviewQueue(workspace: workspace.workspace, clock: FixedClock(date))
    }

    static func pickup(_ workspace: TestWorkspace, at date: Date = now, log: LogCollector = LogCollector()) throws -> DeskPickup {
        DeskPickup(environment: WorkerEnvironment(workspace: workspace.workspace, config: try workspace.config(), clock: FixedClock(date),
                                                  logger: log.logger(clock: FixedClock(date)), mail: nil))
    }

    /// Drops `request` as the desk would and applies it; returns the answer the page shows.
    static func apply(_ request: DeskRequest, in workspace: TestWorkspace, at date: Date = now,
                      log: LogCollector = LogCollector()) throws -> DeskReply? {
        try DeskDropFolder(workspace: workspace.workspace).drop(request)
        try pickup(workspace, at: date, log: log).applyPending()
        return DeskDropFolder(workspace: workspace.workspace).reply(for: request.id)
    }

    static func journal(_ workspace: TestWorkspace) throws -> [PublicationJournal.Entry] {
        try PublicationJournal(path: workspace.workspace.journalPath).load().entries
    }

    /// Journal lines as « event user » (with « : comment »), for the steps people took.
    static func steps(_ workspace: TestWorkspace) throws -> [String] {
        try journal(workspace).filter { $0.event.isDeskStep || $0.event == .withdrawn }.map {
            "\($0.event.rawValue) \($0.user ?? "-")" + ($0.comment.map { " : \($0)" } ?? "")
        }
    }

    static let picture = PNG.blackAndWhite(width: 64, height: 48) { x, _ in x < 32 }
}
