import Foundation
import Testing
@testable import CrieurKit
#if canImport(Glibc)
import Glibc
#endif

/// The README's set-up for Apache httpd and for nginx with fcgiwrap, run for
/// real: `contrib/web/`'s files as written (paths aside), the CGIs as the web
/// side's user, driven with curl.
@Suite(.serialized) struct ContribWebServerTests {
    static let config = """
    organisation: { name: "CPAS de Soumagne", email: "info@cpas-soumagne.be" },
    newsletter: { lists: { infos: { title: "Les nouvelles du CPAS" } } },
    web: { baseURL: "https://www.soumagne.be/lettre", replyWaitSeconds: 0 },
    desk: { users: { marie: ["redaction"] } },
    """
    static let users = ["marie": "cuisine-2026", "zoe": "sans-role-2026"]

    static func ready(_ server: ContribWebServer) -> Bool {
        if server.isInstalled { return true }
        #expect(ProcessInfo.processInfo.environment["CI"] != "true",
                "\(server.programs.joined(separator: ", ")): one is missing, run scripts/setup --tests")
        return false
    }

    static func events(_ workspace: TestWorkspace) throws -> [ConsentEvent] {
        try ConsentLedger(workspace: workspace.workspace, clock: SystemClock()).read().entries.map(\.event)
    }

    /// A body of `count` bytes in a file of the site's folder.
    static func body(_ count: Int, in site: ContribSite) throws -> String {
        let path = "\(site.folder)/body-\(count)"
        try Data(repeating: UInt8(ascii: "a"), count: count).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Releases the server and expects none of its processes (workers, CGI daemons, fcgiwrap) to live on.
    static func stop(_ server: inout ForegroundServer?) {
        let groups = server?.groups ?? []
        server = nil
        #expect(ForegroundServer.living(in: groups).isEmpty, "left running: \(ForegroundServer.living(in: groups))")
    }

    @Test(arguments: ContribWebServer.allCases)
    func thePublicPagesTakeASubscriptionAsTheWebSideAndAOneClickUnsubscribeAndTheServerRefusesAnOverLargeForm(_ kind: ContribWebServer) throws {
        guard Self.ready(kind) else { return }
        let workspace = try TestWorkspace(extraConfig: Self.config)
        #expect(try CrieurBinary.run(["--root", workspace.root, "subscribers", "add", "berthe@exemple.be", "--source", "guichet"]).status == 0)
        let site = try ContribSite(workspace, users: Self.users)
        var server: ForegroundServer? = try kind.start(site)
        let base = server!.base
        defer { Self.stop(&server) }

        for page in ["/lettre", "/lettre/inscription"] {
            let form = try Curl.request(base + page)
            #expect(form.status == 200 && form.body.contains("S&#39;inscrire à la lettre d&#39;information"), "\(page): \(form.body)")
            #expect(form.body.contains("<form method=\"post\" action=\"/lettre/inscription\">"), "SCRIPT_NAME and PATH_INFO: \(form.body)")
        }
        let sent = try Curl.request(base + "/lettre/inscription", post: "email=anne%40exemple.be&nom=Anne&accord=oui&site_web=")
        #expect(sent.status == 200 && sent.body.contains("Votre demande est enregistrée"), "\(sent.body)")
        let dropped = workspace.names("web/drop")
        #expect(dropped.count == 1)
        if let user = site.user, let name = dropped.first {
            var st = stat()
            stat(workspace.path("web/drop/\(name)"), &st)
            #expect(st.st_uid == getpwnam(user)!.pointee.pw_uid, "the CGI ran as \(user)")
        }

        let work = try CrieurBinary.run(["--root", workspace.root, "work", "--once"])
        #expect(work.status == 0, "\(work.stderr)")
        let pending = try #require(try Self.events(workspace).last)
        #expect(pending.kind == .subscribed && pending.status == .pending && pending.source?.hasPrefix("formulaire web") == true)

        // RFC 8058: the mail program POSTs « List-Unsubscribe=One-Click » to Berthe's link.
        let berthe = try #require(try Self.events(workspace).first)
        let token = try #require(berthe.unsubscribeToken)
        let oneClick = try Curl.request(base + "/lettre/desinscription?jeton=\(token)", post: "List-Unsubscribe=One-Click")
        #expect(oneClick.status == 200, "\(oneClick.body)")
        #expect(try CrieurBinary.run(["--root", workspace.root, "work", "--once"]).status == 0)
        let withdrawn = try #require(try Self.events(workspace).last)
        #expect(withdrawn.kind == .withdrawn && withdrawn.subscriber == berthe.subscriber)
        #expect(withdrawn.source?.hasPrefix("désinscription en un clic (RFC 8058)") == true)

        // A body of web.maxBodyBytes (8 Kio) reaches Crieur, which reads it (not a form: its page lists what is missing);
        // a longer one gets the server's own 413 (Crieur alone would refuse it unread, which breaks the answer).
        let longest = try Curl.request(base + "/lettre/inscription", bodyFile: try Self.body(8_192, in: site))
        #expect(longest.status == 400 && longest.body.contains("Le formulaire n'est pas encore complet"), "\(longest.body)")
        #expect(workspace.names("web/drop").count == 1, "Crieur recorded the refusal")
        let tooLong = try Curl.request(base + "/lettre/inscription", bodyFile: try Self.body(8_193, in: site))
        #expect(tooLong.status == 413 && !tooLong.body.contains("Formulaire trop long"), "\(tooLong.body)")

        if let user = site.user {
            // The control: the same user reads the configuration, so a refusal below is the permissions'.
            #expect((try? ExternalProgram.run(["runuser", "-u", user, "--", "cat", workspace.workspace.configPath], seconds: 10)) != nil)
            let read = try? ExternalProgram.run(["runuser", "-u", user, "--", "cat", workspace.path("data/consent.jsonl")], seconds: 10)
            #expect(read == nil, "the web side cannot read the ledger")
            let list = try? ExternalProgram.run(["runuser", "-u", user, "--", "ls", workspace.path("web/drop")], seconds: 10)
            #expect(list == nil, "nor list the drop folder")
        }
    }

    @Test(arguments: ContribWebServer.allCases)
    func theDeskAsksForCredentialsGivesTheUserToCrieurRefusesAPostWithoutTokenAndTheServerRefusesAnOverLargeUpload(_ kind: ContribWebServer) throws {
        guard Self.ready(kind) else { return }
        let workspace = try TestWorkspace(extraConfig: Self.config)
        let site = try ContribSite(workspace, users: Self.users)
        var server: ForegroundServer? = try kind.start(site)
        let base = server!.base
        defer { Self.stop(&server) }
        let marie = "marie:\(Self.users["marie"]!)"

        #expect(try Curl.request(base + "/bureau/").status == 401)
        #expect(try Curl.request(base + "/bureau/", credentials: "marie:faux").status == 401)
        let list = try Curl.request(base + "/bureau/", credentials: marie)
        #expect(list.status == 200 && list.body.contains("Connecté : marie"), "REMOTE_USER reaches Crieur: \(list.body)")
        let zoe = try Curl.request(base + "/bureau/", credentials: "zoe:\(Self.users["zoe"]!)")
        #expect(zoe.status == 403 && zoe.body.contains("Accès refusé"), "an authenticated user without a role: \(zoe.body)")

        // The live check with the form's token from this very site passes (Host with its port, Origin); without the token, 403.
        let form = try Curl.request(base + "/bureau/annonce", credentials: marie)
        let field = try #require(form.body.range(of: "name=\"jeton\" value=\""), "\(form.body)")
        let token = String(form.body[field.upperBound...].prefix { $0 != "\"" })
        let check = try Curl.request(base + "/bureau/verification", credentials: marie, post: "titre=Essai",
                                     headers: ["Origin: \(base)", "X-Crieur-Jeton: \(token)"])
        #expect(check.status == 200 && check.body.contains("\"accepted\""), "\(check.body)")
        let forged = try Curl.request(base + "/bureau/verification", credentials: marie, post: "titre=Essai", headers: ["Origin: \(base)"])
        #expect(forged.status == 403 && forged.body.contains("Le formulaire a expiré"), "\(forged.body)")

        // Over the server's limit, which stays under what Crieur reads (5 Mo of picture, twice 1 Mio of text, 64 Kio): the server's 413
        // (over Crieur's, Crieur would refuse the body unread, and the server break the connection or answer 502).
        let upload = try Curl.request(base + "/bureau/annonce", credentials: marie, bodyFile: try Self.body(7_100_000, in: site),
                                      headers: ["Origin: \(base)"])
        #expect(upload.status == 413 && !upload.body.contains("Envoi trop lourd") && !upload.body.contains("Demande refusée"), "\(upload.body)")
        #expect(workspace.names(DeskDropFolder.dropFolder).isEmpty)
    }
}
