import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A real Dovecot IMAP server (Debian's `dovecot-imapd`) started for one test:
/// its own configuration, passwd-file login `crieur` / `secret`, a Maildir in
/// a temporary folder, plain IMAP on a free loopback port. Run as the test's
/// user; under root its mail processes run as `nobody`, since Dovecot will not
/// serve mail as root. Stopped and removed at `deinit`.
final class DovecotServer {
    static let binary = "/usr/sbin/dovecot"
    static let user = "crieur"
    static let password = "secret"
    let directory: String
    let port: UInt16
    private var master: Process?

    /// Installed here, or required because CI installs it (then a missing one fails the test).
    static var expected: Bool {
        FileManager.default.isExecutableFile(atPath: binary) || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    var url: String { "imap://127.0.0.1:\(port)/INBOX" }
    var maildir: String { "\(directory)/home/\(DovecotServer.user)/Maildir" }

    init() throws {
        guard FileManager.default.isExecutableFile(atPath: DovecotServer.binary) else {
            throw ExternalProgram.Failure(description: "Dovecot is missing: run scripts/setup --tests (Debian package dovecot-imapd)")
        }
        directory = NSTemporaryDirectory() + "crieur-dovecot-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        port = try SMTPTestServer.freePort()
        let root = getuid() == 0
        let (user, group) = root ? ("nobody", "nogroup") : DovecotServer.currentNames()
        for sub in ["run", "state", "home", "home/\(DovecotServer.user)/Maildir/new", "home/\(DovecotServer.user)/Maildir/cur",
                    "home/\(DovecotServer.user)/Maildir/tmp"] {
            try FileManager.default.createDirectory(atPath: "\(directory)/\(sub)", withIntermediateDirectories: true)
        }
        try "\(DovecotServer.user):{PLAIN}\(DovecotServer.password)\n".write(toFile: "\(directory)/passwd", atomically: true, encoding: .utf8)
        let config = """
        base_dir = \(directory)/run
        state_dir = \(directory)/state
        log_path = \(directory)/dovecot.log
        protocols = imap
        listen = 127.0.0.1
        ssl = no
        disable_plaintext_auth = no
        auth_mechanisms = plain login
        default_internal_user = \(user)
        default_login_user = \(user)
        default_internal_group = \(group)
        first_valid_uid = 0
        passdb {
          driver = passwd-file
          args = scheme=PLAIN username_format=%u \(directory)/passwd
        }
        userdb {
          driver = static
          args = uid=\(user) gid=\(group) home=\(directory)/home/%u
        }
        mail_location = maildir:\(directory)/home/%u/Maildir
        service imap-login {
          inet_listener imap {
            address = 127.0.0.1
            port = \(port)
          }
          inet_listener imaps {
            port = 0
          }
          chroot =
        }
        service anvil {
          chroot =
        }

        """
        try config.write(toFile: "\(directory)/dovecot.conf", atomically: true, encoding: .utf8)
        try handOver()
        // In the foreground (-F): a daemon would keep the output pipe of a helper open.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DovecotServer.binary)
        process.arguments = ["-F", "-c", "\(directory)/dovecot.conf"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        master = process
        try waitUntilListening()
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Stops the master and its children (found by parent pid: this server's
    /// only): Dovecot's auth process may ignore the shutdown for a minute.
    func stop() {
        guard let master else { return }
        self.master = nil
        let pid = master.processIdentifier
        let children = (try? ExternalProgram.run(["pgrep", "-P", "\(pid)"], seconds: 5))
            .map { String(decoding: $0, as: UTF8.self).split(separator: "\n").compactMap { pid_t($0) } } ?? []
        kill(pid, SIGTERM)
        for _ in 0..<30 where kill(pid, 0) == 0 && master.isRunning { usleep(100_000) }
        for child in children { kill(child, SIGKILL) }
        if master.isRunning { kill(pid, SIGKILL) }
        master.waitUntilExit()
    }

    /// Puts a message in the inbox, as a delivery would (a new Maildir file).
    func deliver(_ bytes: [UInt8], name: String) throws {
        let file = "\(maildir)/new/\(Int(Date().timeIntervalSince1970)).\(name).crieur-test"
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        try handOver()
    }

    /// The files of a Maildir folder (`""` for the inbox, else the folder's name), new and current.
    func messages(inFolder folder: String) -> [[UInt8]] {
        let base = folder.isEmpty ? maildir : "\(maildir)/.\(folder)"
        return ["new", "cur"].flatMap { sub in
            ((try? FileManager.default.contentsOfDirectory(atPath: "\(base)/\(sub)")) ?? []).sorted().compactMap {
                FileManager.default.contents(atPath: "\(base)/\(sub)/\($0)").map { Array($0) }
            }
        }
    }

    /// Under root, the mail processes run as `nobody`: the home must be theirs.
    private func handOver() throws {
        guard getuid() == 0 else { return }
        _ = try ExternalProgram.run(["chown", "-R", "nobody:nogroup", "\(directory)/home"])
        _ = try ExternalProgram.run(["chmod", "755", directory])
    }

    private func waitUntilListening() throws {
        for _ in 0..<100 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            close(fd)
            if connected { return }
            usleep(100_000)
        }
        let log = (try? String(contentsOfFile: "\(directory)/dovecot.log", encoding: .utf8)) ?? ""
        throw ExternalProgram.Failure(description: "Dovecot did not listen on port \(port): \(log)")
    }

    private static func currentNames() -> (String, String) {
        let user = getpwuid(getuid()).map { String(cString: $0.pointee.pw_name) } ?? "nobody"
        let group = getgrgid(getgid()).map { String(cString: $0.pointee.gr_name) } ?? "nogroup"
        return (user, group)
    }
}
