import Foundation
import Testing
@testable import CrieurKit

/// Which periodic jobs a service pass runs: the pickups ask for a pass every
/// two seconds, and the other jobs (the newsletter sender reads every
/// subscriber and delivery record) run only when their time has come, when
/// `queue.rescanSeconds` went by, or when something changed.
@Suite struct PeriodicScheduleTests {
    /// Counts its runs; asks to run again `every` seconds later; may report a change or throw once.
    final class CountingJob: PeriodicJob, @unchecked Sendable {
        let clock: any Clock
        let every: TimeInterval
        var runs = 0
        var changesNextTime = false
        var throwsNextTime = false

        init(clock: any Clock, every: TimeInterval) {
            self.clock = clock
            self.every = every
        }

        struct Failure: Error {}

        func runDue(stopRequested: () -> Bool) throws -> PeriodicJobResult {
            runs += 1
            if throwsNextTime {
                throwsNextTime = false
                throw Failure()
            }
            defer { changesNextTime = false }
            return PeriodicJobResult(nextWake: clock.now().addingTimeInterval(every), changedState: changesNextTime)
        }
    }

    @Test func aJobRunsWhenItsTimeComesWhenTheRescanDelayWentByOrWhenSomethingChangedNotAtEveryPass() throws {
        let workspace = try TestWorkspace()
        let config = try workspace.config()
        let clock = ManualClock(WorkerTestSupport.date("2026-12-02T10:00"))
        let pickup = CountingJob(clock: clock, every: 2)
        let sender = CountingJob(clock: clock, every: 86_400)
        let worker = Worker(workspace: workspace.workspace, config: config, publishers: [], periodic: [pickup, sender],
                            clock: clock, wallClock: clock, logger: LogCollector().logger(clock: clock), sleep: { _ in })
        func pass(afterChanges: Bool = false) {
            clock.advance(2)
            _ = worker.runPeriodic(afterChanges: afterChanges)
        }

        _ = worker.runPeriodic(afterChanges: false)
        #expect((pickup.runs, sender.runs) == (1, 1), "the first pass runs every job")
        for _ in 1...5 { pass() }
        #expect((pickup.runs, sender.runs) == (6, 1), "the sender waits for its time while the pickup polls")

        pickup.changesNextTime = true
        pass()
        #expect(sender.runs == 2, "a request applied by the pickup: the sender runs in the same pass")
        pass(afterChanges: true)
        #expect(sender.runs == 3, "an item published or withdrawn: every job runs")

        // No news for `queue.rescanSeconds` (a change from the command line is seen that late at most).
        let passes = config.queue.rescanSeconds / 2
        for _ in 0..<passes { pass() }
        #expect(sender.runs == 4, "\(config.queue.rescanSeconds) s after its last run")

        // A job that failed runs again at the next pass.
        sender.throwsNextTime = true
        pass(afterChanges: true)
        #expect(sender.runs == 5)
        pass()
        #expect(sender.runs == 6)
        pass()
        #expect(sender.runs == 6)
    }
}
