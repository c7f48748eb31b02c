import Foundation
import Testing
@testable import CrieurKit

/// The lock kept open by the delivery log, against the one an erasure takes.
@Suite struct ReusableFileLockTests {
    @Test func itWaitsWhileAnotherHolderHasTheLockAndCanBeTakenAgain() throws {
        let workspace = try TestWorkspace()
        let path = workspace.path("verrou")
        let reusable = try ReusableFileLock(path: path)
        try reusable.withLock {}
        var other: FileLock? = try FileLock(path: path)
        #expect(other != nil, "released after the first use")
        let ran = Flag()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            // Another open of the same file, as the delivery log of another process would hold.
            try? ReusableFileLock(path: path).withLock { ran.set() }
            done.signal()
        }
        // The kernel shows the thread blocked in flock on this file: from then on
        // only the release can let the body run.
        let waiting = FlockTable.waitForWaiters(1, on: path)
        #expect(waiting, "the other holder is blocked on the lock")
        #expect(!ran.isSet, "the body ran while another holder had the lock")
        other = nil
        done.wait()
        #expect(ran.isSet)
        #expect(try FileLock(path: path) != nil, "released after the body")
        try reusable.withLock {}
    }

    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }
}
