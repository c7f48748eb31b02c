import Foundation
import Testing
@testable import CrieurKit
#if canImport(Glibc)
import Glibc
#endif

/// lighttpd with `mod_cgi` serving `crieur web` on a local port, as a commune's
/// web server would; as root the server runs as `nobody`, so the CGI has the
/// web side's rights only. Stopped when released (see `ForegroundServer`).
final class LighttpdServer {
    static let binary = "/usr/sbin/lighttpd"
    static var isInstalled: Bool { access(binary, X_OK) == 0 && access("/usr/bin/curl", X_OK) == 0 }

    private let server: ForegroundServer
    var port: Int { server.port }
    var pid: Int32 { server.pid }

    /// Serves `cgiScript` at `/lettre` (with the page as PATH_INFO).
    convenience init(cgiScript: String, folder: String, user: String?) throws {
        try self.init(folder: folder, user: user, modules: ["mod_alias", "mod_cgi"], settings: """
            alias.url = ("/lettre" => "\(cgiScript)")
            cgi.assign = (".cgi" => "")
            """)
    }

    /// lighttpd with `modules` and `settings` (lighttpd.conf lines) on a free loopback port, serving `folder`.
    init(folder: String, user: String?, modules: [String], settings: String) throws {
        server = try ForegroundServer(name: "lighttpd", folder: folder) { port in
            var config = """
            server.modules = (\(modules.map { "\"\($0)\"" }.joined(separator: ", ")))
            server.document-root = "\(folder)"
            server.bind = "127.0.0.1"
            server.port = \(port)
            \(settings)

            """
            if let user { config += "server.username = \"\(user)\"\nserver.groupname = \"nogroup\"\n" }
            let path = "\(folder)/lighttpd-\(port).conf"
            try Data(config.utf8).write(to: URL(fileURLWithPath: path))
            return [[Self.binary, "-D", "-f", path]]
        }
    }

    func url(_ page: String) -> String { "http://127.0.0.1:\(port)/lettre\(page)" }

    /// A request through curl: GET, or POST of a urlencoded body.
    func request(_ url: String, post body: String? = nil) throws -> Curl.Answer {
        try Curl.request(url, post: body)
    }
}

/// The issue's « Done means » for the public pages, over HTTP through a real web server.
@Suite(.serialized) struct WebServerTests {
    static let config = """
    organisation: { name: "CPAS de Soumagne", email: "info@cpas-soumagne.be", address: "Rue de l'Église 1, 4630 Soumagne" },
    newsletter: { lists: { infos: { title: "Les nouvelles du CPAS" } } },
    web: { baseURL: "https://www.soumagne.be/lettre", replyWaitSeconds: 0 },
    """
    static let base = "https://www.soumagne.be/lettre"

    static var ready: Bool {
        if LighttpdServer.isInstalled { return true }
        #expect(ProcessInfo.processInfo.environment["CI"] != "true", "lighttpd or curl is missing: run scripts/setup --tests")
        return false
    }

    /// The workspace's folders as the README asks: the drop folder write-only for the web server's group.
    static func serve(_ workspace: TestWorkspace) throws -> (LighttpdServer, user: String?) {
        let runAsRoot = getuid() == 0
        let www = workspace.path("www-test")
        try FileSystem.makeDirectory(www)
        let script = "\(www)/lettre.cgi"
        try Data("#!/bin/sh\nexec '\(CrieurBinary.path)' --root '\(workspace.root)' web\n".utf8).write(to: URL(fileURLWithPath: script))
        chmod(script, 0o755)
        chmod(workspace.root, 0o755)
        if runAsRoot {
            let group = getgrnam("nogroup")!.pointee.gr_gid
            chown(workspace.path("web/drop"), 0, group)
        }
        chmod(workspace.path("web/drop"), runAsRoot ? 0o1730 : 0o700)
        return (try LighttpdServer(cgiScript: script, folder: www, user: runAsRoot ? "nobody" : nil), runAsRoot ? "nobody" : nil)
    }

    /// What the SMTP server received, in arrival order.
    static func received(_ smtp: SMTPTestServer) throws -> [ParsedMail] {
        try smtp.received().map { try ParsedMail.parse($0.data) }
    }

    static func link(_ page: String, in text: String) -> String? {
        guard let range = text.range(of: "\(base)/\(page)?jeton=") else { return nil }
        let token = text[range.upperBound...].prefix { $0.isHexDigit }
        return token.count == 48 ? "/\(page)?jeton=\(token)" : nil
    }

    @Test func subscriptionConfirmationAndOneClickOverHTTPLeavePendingConfirmedWithdrawnAndTheNextIssueSkipsWhoLeft() throws {
        guard Self.ready else { return }
        let workspace = try TestWorkspace(extraConfig: Self.config)
        // The messages go to a real SMTP server, aiosmtpd, which keeps them.
        let smtp = try SMTPTestServer(.aiosmtpd)
        func crieur(_ now: String, _ arguments: String...) throws -> CrieurBinary.Result {
            try CrieurBinary.run(["--root", workspace.root, "--now", now] + arguments, environment: ["CRIEUR_SMTP_URL": smtp.url])
        }
        func events() throws -> [ConsentEvent] {
            try ConsentLedger(workspace: workspace.workspace, clock: SystemClock()).read().entries.map(\.event)
        }
        #expect(try crieur("2026-12-03T09:00:00", "subscribers", "add", "berthe@exemple.be", "--source", "guichet").status == 0)
        let (server, user) = try Self.serve(workspace)

        let form = try server.request(server.url(""))
        #expect(form.status == 200 && form.body.contains("S&#39;inscrire à la lettre d&#39;information") && form.body.contains("CPAS de Soumagne"))
        let sent = try server.request(server.url("/inscription"), post: "email=anne%40exemple.be&nom=Anne&accord=oui&site_web=")
        #expect(sent.status == 200 && sent.body.contains("Votre demande est enregistrée"), "\(sent.body)")

        let work = try crieur("2026-12-03T10:00:00", "work", "--once")
        #expect(work.status == 0, "\(work.stderr)")
        #expect(try events().map(\.kind) == [.subscribed, .subscribed])
        let pending = try #require(try events().last)
        #expect(pending.status == .pending && pending.source?.hasPrefix("formulaire web") == true && pending.wording == "1")

        let confirmation = try #require(try Self.received(smtp).first { $0.value("To")?.contains("anne@exemple.be") == true })
        let confirmPage = try #require(Self.link("confirmation", in: confirmation.parts.map(\.text).joined()))
        let before = try workspace.read("data/consent.jsonl")
        let shown = try server.request(server.url(confirmPage))
        #expect(shown.status == 200 && shown.body.contains("Je confirme mon inscription"))
        #expect(try crieur("2026-12-03T10:05:00", "work", "--once").status == 0)
        #expect(try workspace.read("data/consent.jsonl") == before, "a GET on the confirmation link changes nothing")

        let confirmed = try server.request(server.url(confirmPage), post: "jeton=\(confirmPage.suffix(48))")
        #expect(confirmed.status == 200)
        #expect(try crieur("2026-12-03T10:10:00", "work", "--once").status == 0)
        #expect(try events().last?.kind == .confirmed)

        try workspace.write("Titre: Des colis chaque jeudi\nCanaux: newsletter\nUrgent: oui\n---\nLe CPAS donne des colis chaque jeudi.\n",
                            to: "queue/incoming/colis.txt")
        #expect(try crieur("2026-12-03T11:00:00", "work", "--once").status == 0)
        let issue = try #require(try Self.received(smtp).first {
            $0.value("To")?.contains("anne@exemple.be") == true && $0.value("List-Unsubscribe-Post") != nil
        })
        #expect(issue.value("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click")
        let unsubscribe = try #require(Self.link("desinscription", in: issue.value("List-Unsubscribe") ?? ""))
        let leavePage = try server.request(server.url(unsubscribe))
        #expect(leavePage.status == 200 && leavePage.body.contains("Me désinscrire"))
        #expect(try crieur("2026-12-03T11:05:00", "work", "--once").status == 0)
        #expect(try events().last?.kind == .confirmed, "a GET on the unsubscribe link changes nothing")

        // RFC 8058: the mail program POSTs « List-Unsubscribe=One-Click » to the link, no page involved.
        let oneClick = try server.request(server.url(unsubscribe), post: "List-Unsubscribe=One-Click")
        #expect(oneClick.status == 200)
        #expect(try crieur("2026-12-03T11:10:00", "work", "--once").status == 0)
        let withdrawn = try #require(try events().last)
        #expect(withdrawn.kind == .withdrawn && withdrawn.subscriber == pending.subscriber)
        #expect(withdrawn.source?.hasPrefix("désinscription en un clic (RFC 8058)") == true)

        let earlier = try smtp.received().count
        try workspace.write("Titre: Permanence juridique\nCanaux: newsletter\nUrgent: oui\n---\nUn avocat répond à vos questions le mardi.\n",
                            to: "queue/incoming/juridique.txt")
        #expect(try crieur("2026-12-03T12:00:00", "work", "--once").status == 0)
        let next = try Self.received(smtp).dropFirst(earlier)
        #expect(next.count == 1 && next.first?.value("To")?.contains("berthe@exemple.be") == true, "the next issue reaches Berthe only")

        let log = try workspace.read("data/\(WebPickup.logFileName)")
        #expect(log.split(separator: "\n").count == 3, "the form, the confirmation and the one-click each left a record")

        // What the web side may touch.
        var st = stat()
        stat(workspace.path("data"), &st)
        #expect(st.st_mode & 0o777 == 0o700)
        stat(workspace.path("data/consent.jsonl"), &st)
        #expect(st.st_mode & 0o777 == 0o600)
        if let user {
            let uid = getpwnam(user)!.pointee.pw_uid
            let status = try String(contentsOfFile: "/proc/\(server.pid)/status", encoding: .utf8)
            #expect(status.contains("Uid:\t\(uid)\t"), "lighttpd, and the CGI it starts, run as \(user)")
            // The control: the same user reads the configuration, so a refusal below is the permissions'.
            #expect((try? ExternalProgram.run(["runuser", "-u", user, "--", "cat", workspace.workspace.configPath], seconds: 10)) != nil)
            let read = try? ExternalProgram.run(["runuser", "-u", user, "--", "cat", workspace.path("data/consent.jsonl")], seconds: 10)
            #expect(read == nil, "the web server's user cannot read the ledger")
            let list = try? ExternalProgram.run(["runuser", "-u", user, "--", "ls", workspace.path("web/drop")], seconds: 10)
            #expect(list == nil, "nor list the requests of others in the drop folder")
        }
    }
}
