import Foundation
import Testing
@testable import CrieurKit
#if canImport(Glibc)
import Glibc
#endif

/// lighttpd serving `crieur bureau` at `/bureau` behind Basic authentication
/// (`mod_auth` with a plain user file: the web server says who, `REMOTE_USER`),
/// and the screen's folder `out/slides/` at `/ecran/` (with its types: without
/// them lighttpd sends a page as a download, which the browser does not show),
/// as a commune's intranet would. As root the server runs as `nobody`, so the CGI has the web side's
/// rights only. Stopped with SIGKILL when released.
final class DeskWebServer {
    private let server: LighttpdServer
    var port: Int { server.port }

    init(cgiScript: String, slides: String, folder: String, users: [String: String], user: String?) throws {
        let userFile = "\(folder)/utilisateurs"
        try Data(users.map { "\($0.key):\($0.value)\n" }.sorted().joined().utf8).write(to: URL(fileURLWithPath: userFile))
        chmod(userFile, 0o644)
        server = try LighttpdServer(folder: folder, user: user, modules: ["mod_alias", "mod_auth", "mod_authn_file", "mod_cgi"], settings: """
            index-file.names = ("index.html")
            alias.url = ("/bureau" => "\(cgiScript)", "/ecran/" => "\(slides)/")
            cgi.assign = (".cgi" => "")
            mimetype.assign = (".html" => "text/html; charset=utf-8", ".css" => "text/css", ".js" => "text/javascript",
                               ".json" => "application/json", ".png" => "image/png", ".jpg" => "image/jpeg",
                               ".webp" => "image/webp", ".svg" => "image/svg+xml")
            auth.backend = "plain"
            auth.backend.plain.userfile = "\(userFile)"
            auth.require = ("/bureau" => ("method" => "basic", "realm" => "Bureau du CPAS", "require" => "valid-user"))
            """)
    }

    var base: String { "http://127.0.0.1:\(port)" }

    /// A request through curl with Basic credentials (`user:password`, or none); returns the status and the body.
    func request(_ path: String, credentials: String?, post body: String? = nil, headers: [String] = []) throws -> (status: Int, body: String) {
        let answer = try Curl.request(base + path, credentials: credentials, post: body, headers: headers)
        return (answer.status, answer.body)
    }
}

/// The issue's « Done means » for the staff desk, in a real browser against a
/// real web server with two users, and the worker running as a service.
@Suite(.serialized) struct DeskBrowserTests {
    static let config = """
    organisation: { name: "CPAS de Soumagne", email: "info@cpas-soumagne.be" },
    desk: { users: { marie: ["redaction"], paul: ["validation"] }, approval: ["*"] },
    web: { replyWaitSeconds: 10 },
    """
    static let users = ["marie": "cuisine-2026", "paul": "valide-2026"]

    static var ready: Bool {
        let browser = access("/usr/bin/chromedriver", X_OK) == 0 && access("/usr/bin/chromium", X_OK) == 0
        if LighttpdServer.isInstalled && browser { return true }
        #expect(ProcessInfo.processInfo.environment["CI"] != "true", "lighttpd, curl, chromium or chromium-driver is missing: run scripts/setup --tests")
        return false
    }

    /// The folders as `contrib/web/permissions.sh` sets them, with `nogroup` for the web server's group.
    static func serve(_ workspace: TestWorkspace) throws -> DeskWebServer {
        let runAsRoot = getuid() == 0
        let www = workspace.path("www-test")
        try FileSystem.makeDirectory(www)
        let script = "\(www)/bureau.cgi"
        try Data("#!/bin/sh\nexec '\(CrieurBinary.path)' --root '\(workspace.root)' bureau\n".utf8).write(to: URL(fileURLWithPath: script))
        chmod(script, 0o755)
        chmod(workspace.root, 0o755)
        try FileSystem.makeDirectory(workspace.path("out/slides"))
        if runAsRoot {
            let group = getgrnam("nogroup")!.pointee.gr_gid
            chown(workspace.path(DeskDropFolder.dropFolder), 0, group)
            chown(workspace.path(DeskSecret.relativePath), 0, group)
        }
        chmod(workspace.path(DeskDropFolder.dropFolder), runAsRoot ? 0o1730 : 0o700)
        chmod(workspace.path(DeskSecret.relativePath), 0o640)
        return try DeskWebServer(cgiScript: script, slides: workspace.path("out/slides"), folder: www, users: users,
                                 user: runAsRoot ? "nobody" : nil)
    }

    @Test(.timeLimit(.minutes(10)))
    func anAgentWritesChecksPreviewsSubmitsTheValidatorReturnsTheAgentCorrectsTheValidatorApprovesAndTheScreenShowsIt() throws {
        guard Self.ready else { return }
        let workspace = try TestWorkspace(extraConfig: Self.config)
        let server = try Self.serve(workspace)

        // Without credentials the web server asks for them; an authenticated user without a role is refused by the desk.
        #expect(try server.request("/bureau/", credentials: nil).status == 401)

        let service = try CrieurBinary.start(["--root", workspace.root, "work"], discardOutput: true)
        defer { if service.isRunning { kill(service.processIdentifier, SIGKILL) } }

        let output = try ExternalProgram.run(PeerPython.command([
            "\(BrowserChecks.folder)/desk_scenario.py", server.base + "/bureau", server.base + "/ecran/index.html",
            "marie:\(Self.users["marie"]!)", "paul:\(Self.users["paul"]!)",
            "--crieur", CrieurBinary.path, "--root", workspace.root, "--service", "\(service.processIdentifier)",
        ]), seconds: 480)
        struct Report: Decodable {
            struct Step: Decodable {
                var step: String
                var buttonWidth: Int?, buttonHeight: Int?, pageWidth: Int?
            }
            var steps: [Step]
            var axe: [String: [BrowserChecks.AxeViolation]]
        }
        let report = try JSONDecoder().decode(Report.self, from: output)
        #expect(report.steps.map(\.step) == [
            "finding while typing", "fixed", "preview", "submitted", "review page on a phone", "sent back", "corrected",
            "agent approves", "approval without token", "approval from another site", "approved", "published by work --once", "on the screen page",
        ])
        // On a phone (390 px): no sideways scrolling, an « Approuver » button a thumb hits (44 px and more, WCAG 2.5.5).
        let phone = try #require(report.steps.first { $0.step == "review page on a phone" })
        #expect((phone.pageWidth ?? .max) <= 390 && (phone.buttonHeight ?? 0) >= 44 && (phone.buttonWidth ?? 0) >= 300, "\(phone)")
        #expect(report.axe.count == 5)
        for (page, violations) in report.axe {
            #expect(violations.isEmpty, "\(page): \(violations)")
        }

        // The journal shows the four steps with both users.
        let journal = try PublicationJournal(path: workspace.workspace.journalPath).load().entries
        let steps = journal.filter { [.submitted, .returned, .approved].contains($0.event) }
        #expect(steps.map(\.event) == [.submitted, .returned, .submitted, .approved], "\(journal)")
        #expect(steps.map(\.user) == ["marie", "paul", "marie", "paul"])
        #expect(steps[1].comment == "Ajoutez le lieu, s'il vous plaît.")
        #expect(journal.contains { $0.event == .published && $0.channels?.contains(.ecran) == true }, "\(journal)")
        let published = try workspace.workspace.archive.load().items
        #expect(published.contains { $0.title == "Atelier cuisine du jeudi" && $0.place == "Salle du CPAS" }, "the corrected version is the one published: \(published)\n\(String(decoding: output, as: UTF8.self))")
    }
}
