import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The CPU time the calling thread spends in `body`, in seconds. Timed tests
/// bound this rather than the wall clock: waiting for a core on a busy machine
/// (other tests, other builds) does not count, so only the work itself can fail them.
func threadCPUSeconds(_ body: () throws -> Void) rethrows -> Double {
    func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
    }
    let start = now()
    try body()
    return now() - start
}
