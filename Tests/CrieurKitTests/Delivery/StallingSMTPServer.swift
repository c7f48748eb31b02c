import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Fixtures/stalling_smtp.py on a free loopback port: a relay that answers,
/// then goes silent after EHLO or after the final dot. The test reads the
/// peer's progress lines ("stalled") to know the send reached that point.
/// Also runs `pipelining_smtp.py`, which prints how the commands arrived.
final class StallingSMTPServer {
    enum Mode: String {
        case afterEHLO = "after-ehlo"
        case afterFinalDot = "after-dot"
    }

    let port: UInt16
    private let process = Process()
    private let output = Pipe()

    var url: String { "smtp://127.0.0.1:\(port)/crieur-test.example" }

    convenience init(_ mode: Mode) throws {
        try self.init(script: "stalling_smtp.py", mode: mode.rawValue)
    }

    /// Another scripted relay of `Fixtures/` (`pipelining_smtp.py`), same protocol of progress lines.
    init(script: String, mode: String) throws {
        port = try SMTPTestServer.freePort()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // The peers' Python: a script may use aiosmtpd (`refusing_login_smtp.py`).
        process.arguments = PeerPython.command(["\(ParsedMail.fixtures)/\(script)", String(port), mode])
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        try waitFor("listening")
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Blocks until the peer prints `line` (it prints "stalled" once it stops answering).
    func waitFor(_ line: String) throws {
        _ = try lines(until: line)
    }

    /// The lines the peer prints before `line`, blocking until it prints `line`.
    func lines(until line: String) throws -> [String] {
        var seen: [String] = []
        var current: [UInt8] = []
        let fd = output.fileHandleForReading.fileDescriptor
        var byte: UInt8 = 0
        while true {
            let n = read(fd, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            guard n == 1 else { throw PeerError.exited(waitingFor: line) }
            if byte == 0x0A {
                let text = String(decoding: current, as: UTF8.self)
                if text == line { return seen }
                seen.append(text)
                current = []
            } else {
                current.append(byte)
            }
        }
    }

    enum PeerError: Error { case exited(waitingFor: String) }
}

/// A flag one thread sets and another polls (the transport's `shouldAbort`).
final class TestFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
