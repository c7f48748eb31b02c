import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Named places where a test can stop the real executable, to kill it or to
/// race another process there on purpose rather than by luck (STYLE.md, habit 12).
///
/// Inert unless the environment names a point, which only the tests do:
/// `CRIEUR_TEST_PAUSE=NAME` (or `NAME#N`, the Nth time it is reached) and
/// `CRIEUR_TEST_PAUSE_FIFO=PATH`. On reaching it the process writes
/// `NAME DETAIL\n` to the FIFO at PATH — the test's proof that the interleaving
/// happened — then waits until a byte arrives on the FIFO `PATH.resume`
/// (or until it is killed there). The environment is read once, on the first
/// call; otherwise a call costs that check and one comparison, and `detail` is
/// only built at the named point.
public enum PausePoint {
    private struct Target {
        var name: String
        var occurrence: Int
        var fifo: String
    }

    private static let target: Target? = {
        let environment = ProcessInfo.processInfo.environment
        guard let spec = environment["CRIEUR_TEST_PAUSE"], !spec.isEmpty,
              let fifo = environment["CRIEUR_TEST_PAUSE_FIFO"], !fifo.isEmpty else { return nil }
        let parts = spec.split(separator: "#", maxSplits: 1)
        return Target(name: String(parts[0]), occurrence: parts.count == 2 ? Int(parts[1]) ?? 1 : 1, fifo: fifo)
    }()

    private static let lock = NSLock()
    nonisolated(unsafe) private static var reached = 0

    /// Pauses here when the environment names this point (see above).
    public static func reach(_ name: String, detail: @autoclosure () -> String = "") {
        guard let target, target.name == name else { return }
        let count = lock.withLock {
            reached += 1
            return reached
        }
        guard count == target.occurrence else { return }
        let line = Array("\(name) \(detail())\n".utf8)
        let out = open(target.fifo, O_WRONLY | O_CLOEXEC)
        guard out >= 0 else { return }
        _ = line.withUnsafeBytes { write(out, $0.baseAddress, $0.count) }
        close(out)
        let resume = open(target.fifo + ".resume", O_RDONLY | O_CLOEXEC)
        guard resume >= 0 else { return }
        var byte: UInt8 = 0
        _ = read(resume, &byte, 1)
        close(resume)
    }
}
