import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `python3 -m http.server` serving one folder on a free local port, as any
/// static web server would serve `out/slides/`; stopped when released, with
/// SIGKILL: a child started from a test thread inherits that thread's blocked
/// signals, so the SIGTERM of `Process.terminate()` would wait forever.
final class StaticWebServer {
    let process = Process()
    let port: Int

    init(folder: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = PeerPython.command(["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", folder])
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let words = String(decoding: line, as: UTF8.self).split(separator: " ")
        guard let index = words.firstIndex(of: "port"), index + 1 < words.count, let port = Int(words[index + 1]) else {
            kill(process.processIdentifier, SIGKILL)
            throw ExternalProgram.Failure(description: "http.server did not say its port: \(String(decoding: line, as: UTF8.self))")
        }
        self.port = port
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }

    deinit {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
