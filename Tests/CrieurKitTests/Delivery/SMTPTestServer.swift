import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real SMTP server on a free loopback port, started for one test and
/// killed when released: aiosmtpd (saves what arrives, to read it back) or
/// Postfix's smtp-sink (accepts and drops, or injects the faults it is told to).
final class SMTPTestServer {
    enum Kind {
        /// aiosmtpd with Fixtures/save_handler.py: each message lands in `directory`.
        case aiosmtpd
        /// The same, requiring STARTTLS with this certificate and key, and offering PIPELINING.
        case aiosmtpdStartTLS(certificate: String, key: String)
        /// smtp-sink with extra options, such as ["-r", "RCPT"].
        case smtpSink([String])
    }

    let port: UInt16
    let directory: String
    private var process: Process?

    var url: String { "smtp://127.0.0.1:\(port)/crieur-test.example" }

    init(_ kind: Kind, port: UInt16? = nil) throws {
        self.port = try port ?? SMTPTestServer.freePort()
        directory = NSTemporaryDirectory() + "crieur-smtp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try start(kind)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    func start(_ kind: Kind) throws {
        let process = Process()
        switch kind {
        case .aiosmtpd, .aiosmtpdStartTLS:
            // The peers' Python, where `scripts/setup --tests` installed aiosmtpd.
            var options = ["-c", "save_handler.SaveHandler"]
            if case .aiosmtpdStartTLS(let certificate, let key) = kind {
                // require_starttls is aiosmtpd's default once it has a certificate.
                options = ["--tlscert", certificate, "--tlskey", key, "-c", "save_handler.PipeliningSaveHandler"]
            }
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = PeerPython.command(["-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)"] + options + [directory])
            var environment = ProcessInfo.processInfo.environment
            environment["PYTHONPATH"] = ParsedMail.fixtures
            process.environment = environment
        case .smtpSink(let options):
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/smtp-sink")
            process.arguments = (getuid() == 0 ? ["-u", "nobody"] : []) + options + ["127.0.0.1:\(port)", "10"]
        }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        try waitUntilListening()
    }

    func stop() {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    /// Saved messages in arrival order: message bytes, envelope recipients, and the
    /// client's port (the same port means the same connection).
    func received() throws -> [(data: Data, recipients: [String], clientPort: Int)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            let base = "\(directory)/\(name.dropLast(5))"
            let envelope = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: base + ".json"))) as! [String: Any]
            let peer = envelope["peer"] as! [Any]
            return (try Data(contentsOf: URL(fileURLWithPath: base + ".eml")), envelope["to"] as! [String], peer[1] as! Int)
        }
    }

    /// Polls until the port accepts a connection; a server that never listens fails the test.
    private func waitUntilListening() throws {
        for _ in 0..<200 {
            if SMTPTestServer.canConnect(port) { return }
            if process?.isRunning == false { break }
            usleep(50_000)
        }
        throw TestServerError.notListening(port)
    }

    enum TestServerError: Error { case notListening(UInt16) }

    private static func loopback(_ port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private static func canConnect(_ port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = loopback(port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// A port the kernel just handed out, so no other test or server holds it.
    static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = loopback(0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw TestServerError.notListening(0) }
        return UInt16(bigEndian: address.sin_port)
    }
}
