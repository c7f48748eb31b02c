import Foundation
@testable import CrieurKit

#if canImport(Glibc)
import Glibc
#endif

/// The test's end of `PausePoint`: a FIFO the executable reports on when it
/// reaches the named point, and one it waits on until told to go on.
final class PauseFIFO {
    let path: String
    private let reader: Int32

    init(in directory: String, name: String = "pause") throws {
        path = "\(directory)/\(name).fifo"
        guard mkfifo(path, 0o600) == 0, mkfifo(path + ".resume", 0o600) == 0 else {
            throw FileSystemError(operation: "mkfifo", path: path)
        }
        // Open now, without waiting for a writer: the executable's open then never blocks.
        reader = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard reader >= 0 else { throw FileSystemError(operation: "open", path: path) }
    }

    deinit {
        close(reader)
        unlink(path)
        unlink(path + ".resume")
    }

    /// The environment that makes the executable pause at `point` (`NAME` or `NAME#N`).
    func environment(pausingAt point: String) -> [String: String] {
        ["CRIEUR_TEST_PAUSE": point, "CRIEUR_TEST_PAUSE_FIFO": path]
    }

    /// The line the process wrote on reaching the point (`NAME DETAIL`); nil
    /// when it exited without reaching it, or after `seconds`.
    func waitUntilReached(_ process: Process, seconds: Double = 60) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        var bytes: [UInt8] = []
        while Date() < deadline {
            var descriptor = pollfd(fd: reader, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, 50)
            var buffer = [UInt8](repeating: 0, count: 256)
            let count = read(reader, &buffer, buffer.count)
            if count > 0 {
                bytes += buffer[0..<count]
                if let end = bytes.firstIndex(of: 0x0A) { return String(decoding: bytes[..<end], as: UTF8.self) }
                continue
            }
            if count == 0 { usleep(10_000) }  // no writer now (EOF after an earlier one)
            if !process.isRunning { return nil }
        }
        return nil
    }

    /// Lets the paused process go on.
    func resume(_ process: Process) {
        while process.isRunning {
            let writer = open(path + ".resume", O_WRONLY | O_NONBLOCK | O_CLOEXEC)
            if writer >= 0 {
                var byte: UInt8 = 0x0A
                _ = write(writer, &byte, 1)
                close(writer)
                return
            }
            usleep(10_000)  // ENXIO: the process has not opened its end yet
        }
    }
}

/// What `/proc/locks` says about the `flock` locks on one file.
enum FlockTable {
    /// Processes blocked in `flock` waiting for the file (lines marked `->`).
    static func waiters(on path: String) -> Int {
        var st = stat()
        guard stat(path, &st) == 0, let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return 0 }
        let inode = ":\(st.st_ino) "
        return table.split(separator: "\n").filter { $0.contains("-> FLOCK") && $0.contains(inode) }.count
    }

    /// Waits until `count` processes or threads are blocked on the file; false after `seconds`.
    static func waitForWaiters(_ count: Int, on path: String, seconds: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if waiters(on: path) >= count { return true }
            usleep(5_000)
        }
        return false
    }
}
