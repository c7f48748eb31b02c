import Foundation
import Testing
@testable import CrieurKit

private typealias W = WorkerTestSupport

/// Every announcement of the repository's corpus goes through the real worker
/// and ends in exactly one right state; the shared corpus beside the
/// repository, when it is there, ends in exactly one state too.
@Suite struct WorkerCorpusTests {
    enum Expected { case published(facebook: Bool), endedBeforeArrival, tooHard, anyOneState }

    /// What each sample should become on 20 November 2026 at noon, from its dates and channels.
    static let expectations: [String: Expected] = [
        "aide-energie.txt": .published(facebook: true),
        "table-conversation.txt": .published(facebook: true),
        "fermeture-formation.txt": .endedBeforeArrival,  // ended on 30 October
        "mediation-dettes.txt": .published(facebook: true),
        "bourse-jouets.txt": .published(facebook: true),
        "allocation-loyer-administratif.txt": .tooHard,
    ]

    private func queueCorpus(_ workspace: TestWorkspace, _ corpus: TestCorpus = .project) throws -> (items: [String], invalid: [String]) {
        (try corpus.queue("items", in: workspace), try corpus.queue("invalid", in: workspace))
    }

    @Test func everySampleHasAnExpectation() {
        #expect(Set(TestCorpus.project.files("items")) == Set(Self.expectations.keys))
        #expect(TestCorpus.project.files("invalid").count >= 5)
    }

    @Test func everyCorpusFileEndsInExactlyOneRightState() throws {
        let workspace = try TestWorkspace()
        let (items, invalid) = try queueCorpus(workspace)

        let events = try W.runOnce(workspace, at: "2026-11-20T12:00")

        for name in items + invalid {
            #expect(W.states(of: name, in: workspace).count == 1, "\(name) is in \(W.states(of: name, in: workspace))")
        }
        #expect(workspace.items(.incoming).isEmpty)
        #expect(workspace.items(.active).isEmpty)
        let posts = W.facebookPosts(workspace)
        for name in items {
            switch Self.expectations[name] ?? .anyOneState {
            case .published(let facebook):
                #expect(W.states(of: name, in: workspace) == [.done], "\(name)")
                let event = events.first { if case .published(name, _, _, _) = $0 { true } else { false } }
                guard case .published(_, let outputs, _, _)? = event else {
                    Issue.record("\(name) was not published: \(events)")
                    continue
                }
                let files = outputs[.facebook] ?? []
                #expect(files.isEmpty == !facebook, "\(name)")
                for file in files where file.hasSuffix(".txt") {
                    #expect(file.hasPrefix("2026-11-20-"), "\(file): suggested day is today, publication being past")
                    #expect(posts[file]?.contains(FacebookPostFile.separator) == true, "\(file) missing or malformed")
                }
            case .endedBeforeArrival:
                // Refused with a report, as `enqueue` refuses it: never counted as published or expired.
                #expect(W.states(of: name, in: workspace) == [.rejected], "\(name)")
                #expect(try W.report(name, in: workspace).contains("La date de fin de cette annonce est déjà passée"))
            case .tooHard:
                #expect(W.states(of: name, in: workspace) == [.rejected], "\(name)")
                let report = try W.report(name, in: workspace)
                #expect(report.contains("trop difficile à lire pour : lettre d'information, bulletin communal"))
                // The report names what to rewrite: unexplained acronyms, jargon with its plain word, the long sentence.
                for expected in ["« BIM »", "« SLSP »", "« SWL »", "« préalablement »", "« avant »", "Coupez-la"] {
                    #expect(report.contains(expected), "report mentions \(expected)")
                }
            case .anyOneState:
                break
            }
        }
        for name in invalid {
            #expect(W.states(of: name, in: workspace) == [.rejected], "\(name)")
            let report = try W.report(name, in: workspace)
            #expect(report.hasPrefix("Annonce refusée : \(name)"))
            #expect(report.contains("Que faire : "))
            #expect(report.contains("Ligne "), "the report of \(name) names no line:\n\(report)")
        }
        // Exactly one post per published Facebook item: the expired closure produced none.
        let facebookItems = Self.expectations.filter { if case .published(true) = $0.value { true } else { false } }
        #expect(posts.count == facebookItems.count)
        #expect(!posts.values.contains { $0.contains("fermé le vendredi 30 octobre") })
        #expect(W.outputs(workspace)["out/facebook/index.html"] != nil)
    }

    @Test(.enabled(if: TestCorpus.shared != nil, "../shared/corpus is not beside the repository"))
    func everySharedSampleEndsInExactlyOneState() throws {
        let workspace = try TestWorkspace()
        let (items, invalid) = try queueCorpus(workspace, try #require(TestCorpus.shared))

        try W.runOnce(workspace, at: "2026-11-20T12:00")

        for name in items + invalid {
            #expect(W.states(of: name, in: workspace).count == 1, "\(name) is in \(W.states(of: name, in: workspace))")
        }
        for name in invalid {
            #expect(W.states(of: name, in: workspace) == [.rejected], "\(name)")
            #expect(try W.report(name, in: workspace).contains("Que faire : "))
        }
        #expect(workspace.items(.incoming).isEmpty && workspace.items(.active).isEmpty)
    }

    @Test func futurePublicationWaitsInDeferredUntilItsDay() throws {
        let workspace = try TestWorkspace()
        _ = try queueCorpus(workspace)

        let events = try W.runOnce(workspace, at: "2026-11-10T12:00")

        let due = W.date("2026-11-15T00:00")  // bourse-jouets.txt: "Publication: 2026-11-15"
        #expect(events.contains(.deferred(item: "bourse-jouets.txt", until: due)))
        #expect(W.states(of: "bourse-jouets.txt", in: workspace) == [.deferred])
        #expect(try FileSystem.info(workspace.layout.path(.deferred, "bourse-jouets.txt"))?.modified == due)
        #expect(!W.facebookPosts(workspace).values.contains { $0.contains("Bourse aux jouets") })

        // Just before its day it still waits; on the later run it is published.
        let early = try W.runOnce(workspace, at: "2026-11-14T23:59")
        #expect(early.isEmpty)
        #expect(W.states(of: "bourse-jouets.txt", in: workspace) == [.deferred])

        let later = try W.runOnce(workspace, at: "2026-11-20T12:00")
        #expect(later.count == 1)
        guard case .published("bourse-jouets.txt", let outputs, _, _)? = later.first else {
            Issue.record("expected bourse-jouets.txt published, got \(later)")
            return
        }
        #expect(W.states(of: "bourse-jouets.txt", in: workspace) == [.done])
        let post = try #require(outputs[.facebook]?.first)
        #expect(W.facebookPosts(workspace)[post]?.contains("Bourse aux jouets") == true)
        #expect(workspace.items(.deferred).isEmpty)
    }

    @Test func runningAgainPublishesNothingTwice() throws {
        let workspace = try TestWorkspace()
        _ = try queueCorpus(workspace)
        try W.runOnce(workspace, at: "2026-11-20T12:00")
        let before = W.outputs(workspace).keys.filter { !$0.hasSuffix("index.html") }.sorted()
        let done = workspace.items(.done), rejected = workspace.items(.rejected)

        let events = try W.runOnce(workspace, at: "2026-11-21T12:00")

        #expect(events.isEmpty)
        #expect(W.outputs(workspace).keys.filter { !$0.hasSuffix("index.html") }.sorted() == before)
        #expect(workspace.items(.done) == done)
        #expect(workspace.items(.rejected) == rejected)
    }
}
