import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A web server the tests run as a real peer (lighttpd, Apache httpd, nginx
/// with fcgiwrap): its configuration written for a free loopback port, its
/// programs started in the foreground, helpers first. Foundation's `Process`
/// makes each child the leader of its own process group, so release kills the
/// whole group with SIGKILL: a master process killed alone leaves its workers,
/// mod_cgid's daemon or a running CGI behind (SIGTERM may be blocked in a child
/// of a test thread). The programs' output goes to a file in `folder`, never to
/// a pipe, which those children would keep open.
final class ForegroundServer {
    let port: Int
    let folder: String
    private var processes: [Process] = []

    /// `commands(port)` writes the configuration for `port` and gives the programs to start
    /// (absolute paths), helpers first; the server is ready when it answers HTTP on `/`
    /// and every file of `ready` exists (a helper's socket). Five ports are tried.
    init(name: String, folder: String, ready: [String] = [], commands: (Int) throws -> [[String]]) throws {
        self.folder = folder
        var lastError = ""
        for _ in 0..<5 {
            let port = Int.random(in: 20_000...60_000)
            let logPath = "\(folder)/\(name)-\(port).log"
            guard FileManager.default.createFile(atPath: logPath, contents: nil) else {
                throw ExternalProgram.Failure(description: "cannot create \(logPath)")
            }
            let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
            var started: [Process] = []
            for command in try commands(port) {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: command[0])
                process.arguments = Array(command.dropFirst())
                process.standardInput = FileHandle.nullDevice
                process.standardOutput = log
                process.standardError = log
                try process.run()
                started.append(process)
            }
            try log.close()
            for _ in 0..<100 {
                if started.contains(where: { !$0.isRunning }) { break }
                if ready.allSatisfy({ access($0, F_OK) == 0 }),
                   (try? ExternalProgram.run(["curl", "-s", "-o", "/dev/null", "http://127.0.0.1:\(port)/"], seconds: 5)) != nil {
                    self.port = port
                    processes = started
                    return
                }
                Thread.sleep(forTimeInterval: 0.1)
            }
            Self.stop(started)
            lastError = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: logPath)).suffix(3000)) ?? Data(), as: UTF8.self)
        }
        throw ExternalProgram.Failure(description: "\(name) did not start: \(lastError)")
    }

    /// The main program's process (the last one started).
    var pid: Int32 { processes.last?.processIdentifier ?? 0 }

    /// The process groups, to check after release that nothing of them still runs.
    var groups: [Int32] { processes.map(\.processIdentifier) }

    var base: String { "http://127.0.0.1:\(port)" }

    private static func stop(_ processes: [Process]) {
        for process in processes.reversed() {
            let pid = process.processIdentifier
            kill(getpgid(pid) == pid ? -pid : pid, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// The processes still alive (zombies aside) in `groups`, after waiting up to five seconds for them to go.
    static func living(in groups: [Int32]) -> [String] {
        var found: [String] = []
        for _ in 0..<50 {
            found = []
            for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] where Int32(name) != nil {
                // « pid (command) state ppid pgrp … »; the command may hold spaces and parentheses.
                guard let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                      let close = stat.range(of: ")", options: .backwards) else { continue }
                let fields = stat[close.upperBound...].split(separator: " ")
                if fields.count > 2, fields[0] != "Z", let group = Int32(fields[2]), groups.contains(group) {
                    found.append("\(name) \(stat[..<close.upperBound])")
                }
            }
            if found.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return found
    }

    deinit {
        Self.stop(processes)
    }
}

/// A request through curl; the status and the body.
enum Curl {
    struct Answer {
        var status: Int
        var body: String
    }

    /// GET, or POST of `body` (urlencoded) or of the file `bodyFile`; with Basic `credentials` (`user:password`) and `headers`.
    static func request(_ url: String, credentials: String? = nil, post body: String? = nil, bodyFile: String? = nil,
                        headers: [String] = []) throws -> Answer {
        var arguments = ["curl", "-s", "-S", "-w", "\n%{http_code}"]
        if let credentials { arguments += ["-u", credentials] }
        for header in headers { arguments += ["-H", header] }
        if body != nil || bodyFile != nil {
            arguments += ["-X", "POST", "-H", "Content-Type: application/x-www-form-urlencoded", "--data-binary", body ?? "@\(bodyFile!)"]
        }
        let output = String(decoding: try ExternalProgram.run(arguments + [url], seconds: 60), as: UTF8.self)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        return Answer(status: Int(lines.last ?? "") ?? 0, body: lines.dropLast().joined(separator: "\n"))
    }
}
