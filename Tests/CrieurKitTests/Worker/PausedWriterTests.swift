import Foundation
import Testing
@testable import CrieurKit

#if canImport(Glibc)
import Glibc
#endif

private typealias W = WorkerTestSupport

/// A writer that pauses longer than the settle time (a slow share, a copy that
/// stalls) must never get its first half published: the worker notices the file
/// changed after its claim and reads it again, whole, once it is done.
@Suite struct PausedWriterTests {
    /// A writer holding its file open in `incoming/`, as a share's copy does.
    private final class Writer: @unchecked Sendable {
        let fd: Int32
        private let lock = NSLock()
        private var resumes = 0
        var timesResumed: Int { lock.withLock { resumes } }

        init(path: String) throws {
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            try #require(fd >= 0)
        }

        func write(_ text: String) throws {
            try FileSystem.writeAll(fd: fd, data: Data(text.utf8), path: "writer")
        }

        /// The pause ends while the worker holds the file: the rest is written through
        /// the same open file, wherever the worker moved it.
        func resume(with rest: String) {
            lock.withLock { resumes += 1 }
            try? write(rest)
        }

        deinit { close(fd) }
    }

    private func worker(_ workspace: TestWorkspace, afterReading: (@Sendable (String) -> Void)?) throws -> Worker {
        let config = try workspace.config()
        let now = W.date("2026-11-20T12:00")
        return try WorkerFactory.make(
            WorkerEnvironment(workspace: workspace.workspace, config: config, clock: FixedClock(now),
                              logger: LogCollector().logger(clock: FixedClock(now)), mail: nil),
            wallClock: SystemClock(), sleep: { _ in }, afterReading: afterReading)
    }

    @Test func aFileThatGrowsAfterItsClaimIsPublishedWholeNeverHalf() throws {
        let workspace = try TestWorkspace()
        let writer = try Writer(path: workspace.layout.path(.incoming, "atelier.txt"))
        try writer.write("Titre: Atelier vélo\nCanaux: facebook\n---\nVenez réparer votre vélo.\n")
        let rest = "Le samedi matin, au CPAS.\n"

        // First pass: the worker reads the first half; the writer then goes on.
        let first = try worker(workspace, afterReading: { _ in writer.resume(with: rest) }).runOnce()

        #expect(writer.timesResumed == 1, "the writer must have written while the worker held the file")
        #expect(first == [.changedWhileRead(item: "atelier.txt")])
        #expect(W.states(of: "atelier.txt", in: workspace) == [.incoming])
        #expect(W.facebookPosts(workspace).isEmpty)
        #expect(workspace.names("out/archive").isEmpty)

        // Next pass, the file no longer changes: published from its final content.
        let second = try worker(workspace, afterReading: nil).runOnce()

        #expect(second.count == 1)
        guard case .published(item: "atelier.txt", _, _, _)? = second.first else {
            Issue.record("expected the item published, got \(second)")
            return
        }
        let post = try #require(W.facebookPosts(workspace).values.first)
        #expect(post.contains("Le samedi matin, au CPAS."))
        #expect(try workspace.read("queue/done/atelier.txt").hasSuffix(rest))
    }

    @Test func aHalfFileIsNotRefusedEither() throws {
        let workspace = try TestWorkspace()
        let writer = try Writer(path: workspace.layout.path(.incoming, "colis.txt"))
        // The header so far lacks its channels: on its own, a refusal.
        try writer.write("Titre: Colis alimentaires\n")

        let first = try worker(workspace, afterReading: { _ in
            writer.resume(with: "Canaux: facebook\n---\nChaque jeudi, de 13 h à 16 h.\n")
        }).runOnce()

        #expect(writer.timesResumed == 1)
        #expect(first == [.changedWhileRead(item: "colis.txt")])
        #expect(try FileSystem.names(in: workspace.layout.directory(.rejected)).isEmpty)

        _ = try worker(workspace, afterReading: nil).runOnce()

        #expect(W.states(of: "colis.txt", in: workspace) == [.done])
        #expect(try FileSystem.names(in: workspace.layout.directory(.rejected)).isEmpty)
    }

    @Test func aFileLeftAloneAfterItsClaimIsTakenOnce() throws {
        let workspace = try TestWorkspace()
        try workspace.write(W.validItem(), to: "queue/incoming/calme.txt")
        let looked = LockedCounter()

        let events = try worker(workspace, afterReading: { _ in looked.increment() }).runOnce()

        #expect(looked.value == 1)
        #expect(events.count == 1)
        #expect(W.states(of: "calme.txt", in: workspace) == [.done])
    }
}

private final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}
