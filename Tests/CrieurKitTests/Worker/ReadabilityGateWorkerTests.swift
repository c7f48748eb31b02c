import Foundation
import Testing
@testable import CrieurKit

private typealias W = WorkerTestSupport

/// The readability gate as staff meet it: in the worker's verdict and report,
/// and through `Dérogation`, whose reason must be on record.
@Suite struct ReadabilityGateWorkerTests {
    static let hardBody = """
        Conformément aux dispositions réglementaires en vigueur, les bénéficiaires du revenu \
        d'intégration sociale sont susceptibles de solliciter, préalablement à l'introduction \
        de leur dossier auprès du service social, l'octroi d'une intervention financière dans \
        le cadre du Fonds social chauffage, nonobstant les éventuelles interventions antérieures.
        """

    @Test func hardTextIsRefusedWithTheCheckersReport() throws {
        let workspace = try TestWorkspace()
        try workspace.write(W.validItem(title: "Aide chauffage", body: Self.hardBody), to: "queue/incoming/dur.txt")
        let events = try W.runOnce(workspace, at: "2026-11-20T12:00")
        #expect(events == [.rejected(item: "dur.txt", report: "dur.txt.rapport.txt")])
        let report = try W.report("dur.txt", in: workspace)
        #expect(report.contains("trop difficile à lire pour : Facebook"))
        #expect(report.contains("« solliciter »") && report.contains("« demander »"))
        #expect(report.contains("Dérogation"), "the report says how to publish anyway")
        #expect(W.facebookPosts(workspace).isEmpty)
    }

    @Test func derogationPublishesAndRecordsItsReason() throws {
        let workspace = try TestWorkspace()
        let item = W.validItem(
            title: "Aide chauffage", extraHeader: "Dérogation: texte légal imposé par la Région\n", body: Self.hardBody)
        try workspace.write(item, to: "queue/incoming/legal.txt")
        let log = LogCollector()
        let events = try W.runOnce(workspace, at: "2026-11-20T12:00", log: log)
        guard case .published("legal.txt", let outputs, _, _)? = events.first else {
            Issue.record("expected a publication, got \(events)")
            return
        }
        #expect(outputs[.facebook]?.count == 1)
        let ledger = workspace.path("data/derogations.jsonl")
        let lines = try String(contentsOfFile: ledger, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        let record = try JSONDecoder().decode([String: JSONValue].self, from: Data(lines[0].utf8))
        #expect(record["item"] == .string("legal.txt"))
        #expect(record["reason"] == .string("texte légal imposé par la Région"))
        #expect(record["channels"] == .array([.string("facebook")]))
        var st = stat()
        #expect(stat(ledger, &st) == 0 && st.st_mode & 0o777 == 0o600, "ledgers are private")
        #expect(log.lines.contains { $0.contains("dérogation") && $0.contains("texte légal imposé par la Région") })
    }

    @Test func plainTextNeedsNoDerogation() throws {
        let workspace = try TestWorkspace()
        try workspace.write(W.validItem(), to: "queue/incoming/simple.txt")
        try W.runOnce(workspace, at: "2026-11-20T12:00")
        #expect(W.states(of: "simple.txt", in: workspace) == [.done])
        #expect(try FileSystem.info(workspace.path("data/derogations.jsonl")) == nil)
    }
}
