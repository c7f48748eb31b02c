import Foundation
import Testing
@testable import CrieurKit

/// `FileLock` is released when its value goes, even while a process spawned
/// meanwhile by another thread still holds a copy of its descriptor.
@Suite struct FileLockTests {
    @Test func aReleasedLockIsFreeAtOnceThoughASpawnedChildStillSharesItsDescriptor() throws {
        let workspace = try TestWorkspace()
        let path = workspace.path("verrou")
        var lock = try FileLock(path: path)
        try #require(lock != nil, "free at first")
        // A child spawned now (by a test running in parallel, by the worker) has not exec'd yet.
        let child = try #require(try InheritedDescriptor(of: path))
        defer { child.close() }
        #expect(try FileLock(path: path) == nil, "held while its value lives")
        withExtendedLifetime(lock) {}
        lock = nil
        #expect(try FileLock(path: path) != nil, "released with its value, whatever the child still holds")
    }
}
