import Foundation
import Testing
@testable import CrieurKit

/// The staff desk driven in process, as the web server would run `crieur
/// bureau`, with the worker's `DeskPickup` applied by hand: who may do what,
/// the form token, the same-origin check, uploads, escaping, and the form's
/// round trip with a file edited by hand.
@Suite struct DeskGatewayTests {
    static let config = """
    organisation: { name: "CPAS de Soumagne" },
    desk: { users: { marie: ["redaction"], paul: ["validation"] }, approval: ["*"], pictureMaxBytes: 20000 },
    web: { replyWaitSeconds: 0 },
    """
    static let start = Date(timeIntervalSince1970: 1_795_000_000)
    static let host = "bureau.soumagne.be"
    static let site = "https://bureau.soumagne.be"

    static func gateway(_ workspace: TestWorkspace, at date: Date = start) throws -> DeskGateway {
        var gateway = DeskGateway(workspace: workspace.workspace, config: try workspace.config(), clock: FixedClock(date),
                                  secret: DeskSecret.read(in: workspace.workspace))
        gateway.sleep = { _ in }
        return gateway
    }

    static func token(_ workspace: TestWorkspace, user: String, at date: Date = start) throws -> String {
        DeskFormToken(secret: try #require(DeskSecret.read(in: workspace.workspace))).token(user: user, now: date)
    }

    static func get(_ page: String, user: String, query: String = "") -> CGIRequest {
        CGIRequest(method: "GET", pathInfo: "/" + page, scriptName: "/bureau", query: query, remoteUser: user, host: host, isHTTPS: true)
    }

    static func post(_ page: String, user: String, fields: [(String, String)], origin: String = site, referer: String = "") -> CGIRequest {
        let body = fields.map { DeskPages.percentEncode($0.0) + "=" + DeskPages.percentEncode($0.1) }.joined(separator: "&")
        return CGIRequest(method: "POST", pathInfo: "/" + page, scriptName: "/bureau", contentType: "application/x-www-form-urlencoded",
                          body: Data(body.utf8), remoteUser: user, origin: origin, referer: referer, host: host, isHTTPS: true)
    }

    static let boundary = "----crieurTestBoundary7MA4YWxkTrZu0gW"

    static func multipart(_ page: String, user: String, fields: [(String, String)], file: (name: String, data: Data)?) -> CGIRequest {
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"image\"; filename=\"\(file.name)\"\r\nContent-Type: image/png\r\n\r\n".utf8)
            body += file.data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return CGIRequest(method: "POST", pathInfo: "/" + page, scriptName: "/bureau", contentType: "multipart/form-data; boundary=\(boundary)",
                          body: body, remoteUser: user, origin: site, host: host, isHTTPS: true)
    }

    /// A PNG header that `ImageSize` reads (2 × 1 pixels), padded to `size` bytes.
    static func png(size: Int = 100) -> Data {
        var data = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]) + Data("IHDR".utf8)
        data += Data([0, 0, 0, 2, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0, 0, 0, 0])
        return data + Data(count: max(0, size - data.count))
    }

    static func workspace() throws -> TestWorkspace {
        let workspace = try TestWorkspace(extraConfig: config)
        #expect(DeskSecret.read(in: workspace.workspace) != nil, "crieur init made the form-token secret")
        return workspace
    }

    /// Every file of the workspace with its bytes, to tell that nothing changed.
    static func snapshot(_ workspace: TestWorkspace) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: workspace.root)
        while let relative = enumerator?.nextObject() as? String {
            let path = workspace.path(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: path) ?? Data()
            }
        }
        return files
    }

    static let itemFields: [(String, String)] = [
        ("titre", "Atelier cuisine"), ("canal", "ecran"), ("canal", "newsletter"), ("quand", "chaque jeudi de 9 h à 11 h"),
        ("publication", ""), ("fin", ""), ("lieu", ""), ("lien", ""), ("texte_alternatif", ""), ("mots_cles", ""),
        ("corps", "Venez cuisiner avec nous. C'est gratuit."), ("original", ""),
    ]

    // MARK: who

    @Test func aUserWithoutARoleOrWithoutANameGetsAccessDeniedInFrench() throws {
        let workspace = try Self.workspace()
        let gateway = try Self.gateway(workspace)
        for user in ["intrus", ""] {
            let page = gateway.handle(Self.get("", user: user))
            #expect(page.status == 403 && page.body.contains("Accès refusé"), "\(user)")
            #expect(!page.body.contains("<form"), "nothing to fill in")
        }
        #expect(gateway.handle(Self.get("", user: "marie")).status == 200)
    }

    @Test func onlyValidatorsSeeTheReviewPageAndAnAgentsApprovalIsRefusedWithAValidToken() throws {
        let workspace = try Self.workspace()
        let gateway = try Self.gateway(workspace)
        #expect(gateway.handle(Self.get("relecture", user: "marie")).status == 403)
        #expect(gateway.handle(Self.get("relecture", user: "paul")).status == 200)
        let before = Self.snapshot(workspace)
        for page in ["approuver", "renvoyer"] {
            let answer = gateway.handle(Self.post(page, user: "marie", fields: [
                ("jeton", try Self.token(workspace, user: "marie")), ("relecture", "atelier-cuisine"), ("commentaire", "non"),
            ]))
            #expect(answer.status == 403 && answer.body.contains("Votre rôle ne permet pas cette action"), "\(page)")
        }
        #expect(Self.snapshot(workspace) == before, "no request dropped")
    }

    // MARK: forged requests

    @Test func aPostWithoutTokenWithAnotherUsersTokenOrAnOldOneIsRefusedAndDropsNothing() throws {
        let workspace = try Self.workspace()
        let gateway = try Self.gateway(workspace)
        let before = Self.snapshot(workspace)
        let tokens = [
            "", "123.abcd", try Self.token(workspace, user: "marie"),
            try Self.token(workspace, user: "paul", at: Self.start.addingTimeInterval(-2 * DeskFormToken.windowSeconds - 1)),
        ]
        for token in tokens {
            let answer = gateway.handle(Self.post("approuver", user: "paul", fields: [("jeton", token), ("relecture", "atelier-cuisine")]))
            #expect(answer.status == 403 && answer.body.contains("Demande refusée"), "token « \(token) »")
        }
        #expect(Self.snapshot(workspace) == before)
        // The control: the same POST with paul's own token of the previous window goes through to the worker.
        let previous = try Self.token(workspace, user: "paul", at: Self.start.addingTimeInterval(-DeskFormToken.windowSeconds))
        let accepted = gateway.handle(Self.post("approuver", user: "paul", fields: [("jeton", previous), ("relecture", "atelier-cuisine")]))
        #expect(accepted.status == 200)
        #expect(workspace.names(DeskDropFolder.dropFolder).count == 1)
    }

    @Test func aPostFromAnotherSiteOrWithoutOriginIsRefusedAndTheRefererStandsInForAMissingOrigin() throws {
        let workspace = try Self.workspace()
        let gateway = try Self.gateway(workspace)
        let token = try Self.token(workspace, user: "paul")
        let fields = [("jeton", token), ("relecture", "atelier-cuisine")]
        for (origin, referer) in [("https://evil.example", ""), ("http://bureau.soumagne.be", ""), ("null", ""), ("", ""),
                                  ("", "https://evil.example/bureau/relecture"), ("https://bureau.soumagne.be.evil.example", "")] {
            let answer = gateway.handle(Self.post("approuver", user: "paul", fields: fields, origin: origin, referer: referer))
            #expect(answer.status == 403, "Origin « \(origin) », Referer « \(referer) »")
        }
        #expect(workspace.names(DeskDropFolder.dropFolder).isEmpty)
        let viaReferer = gateway.handle(Self.post("approuver", user: "paul", fields: fields, origin: "", referer: Self.site + ":443/bureau/relecture"))
        #expect(viaReferer.status == 200)
        #expect(SameOrigin.check(CGIRequest(method: "POST", origin: "http://127.0.0.1:8080", host: "127.0.0.1:8080")))
        #expect(SameOrigin.check(CGIRequest(method: "POST", origin: "http://intranet", host: "intranet:80")))
        #expect(!SameOrigin.check(CGIRequest(method: "POST", origin: "https://intranet", host: "intranet")), "the scheme counts")
    }

    // MARK: uploads

    @Test func anUploadNamedLikeAPathOrOverTheLimitChangesNothingOnDisk() throws {
        let workspace = try Self.workspace()
        let gateway = try Self.gateway(workspace)
        let token = try Self.token(workspace, user: "marie")
        let fields = [("jeton", token), ("action", "envoyer"), ("texte_alternatif", "Une casserole")] + Self.itemFields
        let before = Self.snapshot(workspace)
        let overwrite = Data("{ organisation: { name: \"Pirate\" } }\n".utf8)
        let traversal = gateway.handle(Self.multipart("annonce", user: "marie", fields: fields, file: ("../../config/crieur.json5", overwrite)))
        #expect(traversal.status == 400 && traversal.body.contains("n&#39;est pas une image PNG ou JPEG"), "\(traversal.body)")
        let large = gateway.handle(Self.multipart("annonce", user: "marie", fields: fields, file: ("grande.png", Self.png(size: 20_001))))
        #expect(large.status == 400 && large.body.contains("trop lourde"))
        #expect(Self.snapshot(workspace) == before, "nothing written, nothing dropped")

        // A real picture under that name: stored under a name the server chose, the configuration untouched.
        let stored = gateway.handle(Self.multipart("annonce", user: "marie", fields: fields, file: ("../../config/crieur.json5", Self.png())))
        #expect(stored.status == 200, "\(stored.body)")
        let after = Self.snapshot(workspace)
        #expect(after["config/crieur.json5"] == before["config/crieur.json5"])
        let added = Set(after.keys).subtracting(before.keys).sorted()
        #expect(added.count == 2 && added.allSatisfy { $0.hasPrefix(DeskDropFolder.dropFolder + "/") }, "\(added)")
        let picture = try #require(added.first { $0.hasSuffix(".png") })
        #expect(DeskUpload.isStoredName((picture as NSString).lastPathComponent))
        let request = try #require(added.first { $0.hasSuffix(".json") })
        let dropped = try JSONDecoder.iso8601().decode(DeskRequest.self, from: try #require(after[request]))
        #expect(dropped.picture == (picture as NSString).lastPathComponent && dropped.user == "marie" && dropped.kind == .submit)
    }

    @Test func aBodyOverTheLimitIsRefusedByTheProgramBeforeItReadsAnything() throws {
        let workspace = try Self.workspace()
        let before = Self.snapshot(workspace)
        let limit = DeskGateway.bodyLimit(try workspace.config())
        // Standard input stays open and empty: a program that tried to read the body would hang here.
        let input = Pipe()
        defer { try? input.fileHandleForWriting.close() }
        let process = try CrieurBinary.start(["--root", workspace.root, "bureau"], environment: [
            "REQUEST_METHOD": "POST", "REMOTE_USER": "marie", "CONTENT_LENGTH": "\(limit + 1)", "PATH_INFO": "/annonce",
            "CONTENT_TYPE": "multipart/form-data; boundary=\(Self.boundary)", "HTTP_HOST": Self.host, "HTTPS": "on", "HTTP_ORIGIN": Self.site,
        ], standardInput: input)
        let output = String(decoding: (process.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output.hasPrefix("Status: 413") && output.contains("Envoi trop lourd"), "\(output.prefix(300))")
        #expect(Self.snapshot(workspace) == before)
    }

    /// The web server's login may admit more people than `desk.users` (the commune's whole directory): a body
    /// is read, and a picture spooled to disk, only for a POST of someone with a role.
    @Test func aPostFromSomeoneWithoutARoleOrAGetWithABodyIsAnsweredWithoutReadingIt() throws {
        let workspace = try Self.workspace()
        let before = Self.snapshot(workspace)
        for (method, user, status) in [("POST", "intrus", "Status: 403"), ("GET", "marie", "Status: 200")] {
            // Standard input stays open and empty: a program that tried to read the body would hang here.
            let input = Pipe()
            defer { try? input.fileHandleForWriting.close() }
            let process = try CrieurBinary.start(["--root", workspace.root, "bureau"], environment: [
                "REQUEST_METHOD": method, "REMOTE_USER": user, "CONTENT_LENGTH": "1000", "PATH_INFO": "/annonce",
                "CONTENT_TYPE": "multipart/form-data; boundary=\(Self.boundary)", "HTTP_HOST": Self.host, "HTTPS": "on", "HTTP_ORIGIN": Self.site,
            ], standardInput: input)
            let output = String(decoding: (process.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(output.hasPrefix(status), "\(method) \(user): \(output.prefix(300))")
        }
        #expect(Self.snapshot(workspace) == before)
    }

    // MARK: escaping and the form

    @Test func everythingStaffTypedIsEscapedOnTheListTheFormAndTheReviewPage() throws {
        let workspace = try Self.workspace()
        let hostile = "<script>alert(1)</script>\"'&"
        let text = "Titre: \(hostile)\nCanaux: ecran\nLieu: \(hostile)\n---\nLe texte \(hostile).\n"
        let entry = try ReviewQueue(workspace: workspace.workspace, clock: FixedClock(Self.start))
            .submit(text: text, picturePath: nil, by: "marie<b>", config: try workspace.config())
        try ReviewQueue(workspace: workspace.workspace, clock: FixedClock(Self.start)).sendBack(id: entry.id, by: "paul", comment: hostile)
        try workspace.write("Titre: \(hostile)\nCanaux: inconnu\n---\nx\n", to: "queue/rejected/refus.txt")
        try workspace.write("Refusée : \(hostile)\n", to: "queue/rejected/refus.txt.rapport.txt")
        let gateway = try Self.gateway(workspace)
        let pages = [
            gateway.handle(Self.get("", user: "paul")), gateway.handle(Self.get("annonce", user: "paul", query: "relecture=\(entry.id)")),
            gateway.handle(Self.get("", user: "paul", query: "q=%3Cscript%3E")),
        ]
        for page in pages {
            #expect(page.status == 200)
            #expect(!page.body.contains("<script>alert"), "\(page.body)")
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"))
        }
        #expect(pages[0].body.contains("Refusée : &lt;script&gt;"), "the refusal's report is shown")
        #expect(pages[0].referrerPolicyIsSameOrigin)
    }

    @Test func aFileWrittenByTheDeskEditedByHandOpensAndSavesUnchangedApartFromTheEdit() throws {
        let workspace = try Self.workspace()
        let gateway = try Self.gateway(workspace)
        let token = try Self.token(workspace, user: "marie")
        let sent = gateway.handle(Self.post("annonce", user: "marie", fields: [("jeton", token), ("action", "envoyer")] + Self.itemFields))
        #expect(sent.status == 200 && sent.body.contains("Annonce envoyée"))
        let environment = WorkerEnvironment(workspace: workspace.workspace, config: try workspace.config(), clock: FixedClock(Self.start),
                                            logger: LogCollector().logger(clock: FixedClock(Self.start)), mail: nil)
        let replies = try DeskPickup(environment: environment).applyPending()
        #expect(replies.values.allSatisfy { $0.outcome == .done }, "\(replies)")
        let queue = ReviewQueue(workspace: workspace.workspace, clock: FixedClock(Self.start))
        let entry = try #require(try queue.entries().first)
        // By hand: a line the form does not show, and a changed sentence.
        let edited = entry.itemText.replacingOccurrences(of: "---\n", with: "Texte écran: Cuisine le jeudi\n---\n")
            .replacingOccurrences(of: "C'est gratuit.", with: "C'est gratuit pour tous.")
        #expect(edited != entry.itemText)
        try queue.sendBack(id: entry.id, by: "paul", comment: "Vu")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: workspace.path("\(ReviewQueue.folder)/\(entry.id).txt")))

        let form = gateway.handle(Self.get("annonce", user: "marie", query: "relecture=\(entry.id)"))
        #expect(form.status == 200 && form.body.contains("C&#39;est gratuit pour tous."))
        // The browser sends back what the page holds: every field as shown, and the hidden ones.
        let fields = Self.formFields(form.body) + [("action", "verifier")]
        let draft = DeskForm.read(fields)
        #expect(draft.itemText() == edited, "\(draft.itemText())")
    }

    @Test func theLiveCheckAnswersJSONWithTheScreensVerdictAndTheNoScriptButtonAnswersHTML() throws {
        let workspace = try Self.workspace()
        let gateway = try Self.gateway(workspace)
        let token = try Self.token(workspace, user: "marie")
        let long = "Le centre public d'action sociale organise chaque jeudi matin dans la grande salle de la maison communale un atelier de cuisine ouvert à toutes les personnes intéressées."
        var fields = Self.itemFields.map { $0.0 == "corps" ? ("corps", long) : $0 }
        fields.append(("jeton", token))
        let json = gateway.handle(Self.post("verification", user: "marie", fields: fields))
        #expect(json.status == 200 && json.contentType.hasPrefix("application/json"))
        let check = try #require(try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [String: Any])
        let channels = try #require(check["channels"] as? [[String: Any]])
        let screen = try #require(channels.first { $0["channel"] as? String == "ecran" })
        #expect(screen["passes"] as? Bool == false)
        let findings = try #require(screen["findings"] as? [[String: Any]])
        #expect(findings.contains { ($0["sentence"] as? String)?.contains("grande salle") == true })
        let page = gateway.handle(Self.post("annonce", user: "marie", fields: fields + [("action", "verifier")]))
        #expect(page.status == 200 && page.body.contains("✘") && page.body.contains("grande salle"))
        #expect(workspace.names(DeskDropFolder.dropFolder).isEmpty, "checking drops nothing")
    }

    static func pickup(_ workspace: TestWorkspace, at date: Date = start) throws -> [String: DeskReply] {
        let environment = WorkerEnvironment(workspace: workspace.workspace, config: try workspace.config(), clock: FixedClock(date),
                                            logger: LogCollector().logger(clock: FixedClock(date)), mail: nil)
        return try DeskPickup(environment: environment).applyPending()
    }

    @Test func theListShowsEveryStateWithChannelsAuthorCommentAndReportAndTheSearchKeepsMatchingTitles() throws {
        let workspace = try Self.workspace()
        let now = WorkerTestSupport.date("2026-12-03T10:00")
        try workspace.write("Titre: Permanence juridique\nCanaux: ecran\n---\nUn avocat répond à vos questions.\n", to: "queue/incoming/juridique.txt")
        try workspace.write("Titre: Colis de Noël\nCanaux: ecran\nPublication: 2026-12-20\n---\nDes colis pour les fêtes.\n", to: "queue/incoming/colis.txt")
        try workspace.write("Titre: Sans canal\n---\nRien.\n", to: "queue/incoming/sans-canal.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-03T09:00")
        let queue = ReviewQueue(workspace: workspace.workspace, clock: FixedClock(now))
        let config = try workspace.config()
        _ = try queue.submit(text: "Titre: Atelier cuisine\nCanaux: ecran\n---\nVenez cuisiner.\n", picturePath: nil, by: "marie", config: config)
        let returned = try queue.submit(text: "Titre: Repair café\nCanaux: ecran\n---\nVenez réparer.\n", picturePath: nil, by: "marie", config: config)
        try queue.sendBack(id: returned.id, by: "paul", comment: "Ajoutez l'heure.")
        let gateway = try Self.gateway(workspace, at: now)
        let page = gateway.handle(Self.get("", user: "marie")).body
        func section(_ heading: String) -> String {
            guard let start = page.range(of: "<h2>\(heading)") else { return "" }
            return String(page[start.lowerBound...].prefix { $0 != "§" }.components(separatedBy: "</section>")[0])
        }
        #expect(section("En attente de validation").contains("Atelier cuisine") && section("En attente de validation").contains("par marie"))
        #expect(section("Renvoyées à l&#39;auteur").contains("Repair café") && section("Renvoyées à l&#39;auteur").contains("Ajoutez l&#39;heure."))
        #expect(section("Refusées").contains("Sans canal") && section("Refusées").contains("Pourquoi elle a été refusée"))
        #expect(section("En cours").contains("Permanence juridique") && section("En cours").contains("écran"))
        #expect(section("En cours").contains("Retirer") && section("En cours").contains("identite=juridique"))
        #expect(section("Programmées").contains("Colis de Noël"))
        #expect(page.components(separatedBy: "<h3>Atelier cuisine</h3>").count == 2, "an item in review is listed once")
        #expect(page.components(separatedBy: "<h3>Repair café</h3>").count == 2)
        let found = gateway.handle(Self.get("", user: "marie", query: "q=JURIDIQUE")).body
        #expect(found.contains("Permanence juridique") && !found.contains("Colis de Noël") && !found.contains("Atelier cuisine"))
    }

    @Test func correctingAPublishedItemOpensItsFileAndSendsItUnderTheSameIdentity() throws {
        let workspace = try Self.workspace()
        try workspace.write("Titre: Permanence juridique\nCanaux: ecran\nTexte écran: Un avocat le mardi\n---\nUn avocat répond à vos questions.\n",
                            to: "queue/incoming/juridique.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-03T09:00")
        let now = WorkerTestSupport.date("2026-12-03T10:00")
        let gateway = try Self.gateway(workspace, at: now)
        let form = gateway.handle(Self.get("annonce", user: "paul", query: "identite=juridique"))
        #expect(form.status == 200 && form.body.contains("value=\"Permanence juridique\"") && form.body.contains("Corriger une annonce"), "\(form.status) \(form.body.suffix(600))")
        var fields = Self.formFields(form.body).map { $0.0 == "corps" ? ("corps", "Une avocate répond à vos questions.") : $0 }
        fields.append(("action", "envoyer"))
        #expect(gateway.handle(Self.post("annonce", user: "paul", fields: fields)).status == 200)
        let dropped = try #require(workspace.names(DeskDropFolder.dropFolder).first)
        let request = try JSONDecoder.iso8601().decode(DeskRequest.self, from: Data(contentsOf: URL(fileURLWithPath: workspace.path("\(DeskDropFolder.dropFolder)/\(dropped)"))))
        let text = try #require(request.text)
        #expect(text.hasPrefix("Id: juridique\n") && text.contains("Texte écran: Un avocat le mardi") && text.contains("Une avocate"), "\(text)")
        #expect(request.user == "paul" && request.kind == .submit)
    }

    @Test func aPictureSentWithTheFormReachesTheReviewQueueAndItsPreviewIsServedByTheDesk() throws {
        let workspace = try Self.workspace()
        let gateway = try Self.gateway(workspace)
        let fields = [("jeton", try Self.token(workspace, user: "marie")), ("action", "envoyer"), ("texte_alternatif", "Une casserole")] + Self.itemFields
        #expect(gateway.handle(Self.multipart("annonce", user: "marie", fields: fields, file: ("photo.png", Self.png()))).status == 200)
        #expect(try Self.pickup(workspace).values.allSatisfy { $0.outcome == .done })
        let entry = try #require(try ReviewQueue(workspace: workspace.workspace, clock: FixedClock(Self.start)).entries().first)
        #expect(entry.picture != nil && entry.itemText.contains("Texte alternatif: Une casserole"), "\(entry.itemText)")
        let picture = gateway.handle(Self.get("image", user: "paul", query: "relecture=\(entry.id)"))
        #expect(picture.status == 200 && picture.contentType == "image/png" && picture.binary == Self.png())
        let review = gateway.handle(Self.get("relecture", user: "paul")).body
        #expect(review.contains("/bureau/image?relecture=\(entry.id)"), "the previews show the picture from the desk")
        #expect(gateway.handle(Self.get("image", user: "paul", query: "image_envoyee=../../config/crieur.json5")).status == 404)
    }

    @Test func withoutTheSecretEveryPostIsRefusedAndPagesStillOpen() throws {
        let workspace = try Self.workspace()
        try FileSystem.remove(workspace.path(DeskSecret.relativePath))
        let gateway = try Self.gateway(workspace)
        #expect(gateway.formToken == nil)
        #expect(gateway.handle(Self.get("annonce", user: "marie")).status == 200)
        let answer = gateway.handle(Self.post("annonce", user: "marie", fields: [("jeton", ""), ("action", "envoyer")] + Self.itemFields))
        #expect(answer.status == 403)
        #expect(workspace.names(DeskDropFolder.dropFolder).isEmpty)
        #expect(try DeskSecret.create(in: workspace.workspace) && !(try DeskSecret.create(in: workspace.workspace)), "made once, then kept")
    }

    @Test func theFormTokenIsTheUsersAndItsWindowsOnly() throws {
        let token = DeskFormToken(secret: Array(repeating: 7, count: 32))
        let other = DeskFormToken(secret: Array(repeating: 8, count: 32))
        let made = token.token(user: "marie", now: Self.start)
        #expect(token.isValid(made, user: "marie", now: Self.start))
        #expect(token.isValid(made, user: "marie", now: Self.start.addingTimeInterval(DeskFormToken.windowSeconds)))
        #expect(!token.isValid(made, user: "marie", now: Self.start.addingTimeInterval(2 * DeskFormToken.windowSeconds)))
        #expect(!token.isValid(made, user: "paul", now: Self.start))
        #expect(!other.isValid(made, user: "marie", now: Self.start))
        #expect(!token.isValid(made.uppercased(), user: "Marie", now: Self.start))
        // RFC 4231, test case 2.
        #expect(Hex.encode(HMAC.sha256(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    /// A gateway that waits for the worker's answer, and whose wait runs the worker's pickup: the page shows the real reply.
    static func answeringGateway(_ workspace: TestWorkspace, at date: Date = start) throws -> DeskGateway {
        try workspace.write("{ queue: { settleSeconds: 0 }, " + config.replacingOccurrences(of: "replyWaitSeconds: 0", with: "replyWaitSeconds: 1") + " }",
                            to: CrieurConfig.relativePath)
        var gateway = try gateway(workspace, at: date)
        gateway.sleep = { _ in _ = try? Self.pickup(workspace, at: date) }
        return gateway
    }

    @Test func anItemTheWorkerRefusesComesBackInTheFormStillFilledWithItsProblemsInFrench() throws {
        let workspace = try Self.workspace()
        let gateway = try Self.answeringGateway(workspace)
        let fields = Self.itemFields.map { $0.0 == "lien" ? ("lien", "ftp://cpas.example/atelier") : $0 }
            + [("jeton", try Self.token(workspace, user: "marie")), ("action", "envoyer")]
        let page = gateway.handle(Self.post("annonce", user: "marie", fields: fields))
        #expect(page.status == 400, "\(page.body)")
        #expect(page.body.contains("L&#39;annonce n&#39;est pas encore prête") && page.body.contains("ftp://cpas.example/atelier"))
        #expect(page.body.contains("value=\"Atelier cuisine\"") && page.body.contains("Venez cuisiner avec nous."), "the form is kept filled")
        #expect(try ReviewQueue(workspace: workspace.workspace, clock: FixedClock(Self.start)).entries().isEmpty)
    }

    @Test func aPictureNameSmuggledInTheHiddenOriginalIsRefusedByTheWorkerAndNothingMoves() throws {
        let workspace = try Self.workspace()
        let gateway = try Self.answeringGateway(workspace)
        let before = try workspace.read("config/crieur.json5")
        let fields = Self.itemFields.map { $0.0 == "original" ? ("original", "Titre: x\nImage: ../../config/crieur.json5\n---\nx\n") : $0 }
            + [("jeton", try Self.token(workspace, user: "marie")), ("action", "envoyer"), ("texte_alternatif", "Une casserole")]
        let page = gateway.handle(Self.post("annonce", user: "marie", fields: fields))
        #expect(page.status == 400, "\(page.body.suffix(600))")
        #expect(try workspace.read("config/crieur.json5") == before)
        #expect(try ReviewQueue(workspace: workspace.workspace, clock: FixedClock(Self.start)).entries().isEmpty)
        #expect(workspace.names("queue/incoming").isEmpty)
    }

    @Test func withdrawingFromTheListIsDecidedByTheWorkerAnAgentOnlyForHerOwnItems() throws {
        let workspace = try Self.workspace()
        try workspace.write("Titre: Permanence juridique\nCanaux: ecran\n---\nUn avocat répond à vos questions.\n", to: "queue/incoming/juridique.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-03T09:00")
        let now = WorkerTestSupport.date("2026-12-03T10:00")
        let gateway = try Self.answeringGateway(workspace, at: now)
        let byMarie = gateway.handle(Self.post("retirer", user: "marie", fields: [
            ("jeton", try Self.token(workspace, user: "marie", at: now)), ("identite", "juridique"), ("raison", "annulée"),
        ]))
        #expect(byMarie.status == 200 && !byMarie.body.contains("retirée de tous ses canaux"), "not hers: the worker refuses")
        let byPaul = gateway.handle(Self.post("retirer", user: "paul", fields: [
            ("jeton", try Self.token(workspace, user: "paul", at: now)), ("identite", "juridique"), ("raison", "avocat malade"),
        ]))
        #expect(byPaul.body.contains("Annonce « juridique » retirée de tous ses canaux."), "\(byPaul.body.suffix(800))")
        let journal = try PublicationJournal(path: workspace.workspace.journalPath).load().entries
        #expect(journal.last?.event == .withdrawn && journal.last?.user == "paul")
    }

    @Test func withdrawingAnEntryWaitingForApprovalAsksFirstTheGetChangesNothingAndThePostIsDecidedByTheWorker() throws {
        let workspace = try Self.workspace()
        let now = WorkerTestSupport.date("2026-12-03T10:00")
        let config = try workspace.config()
        let entry = try ReviewQueue(workspace: workspace.workspace, clock: FixedClock(now))
            .submit(text: "Titre: Atelier <cuisine>\nCanaux: ecran\n---\nVenez cuisiner.\n", picturePath: nil, by: "marie", config: config)
        try workspace.write("{ queue: { settleSeconds: 0 }, " + Self.config.replacingOccurrences(of: "marie: [\"redaction\"]",
                            with: "marie: [\"redaction\"], luc: [\"redaction\"]") + " }", to: CrieurConfig.relativePath)
        let gateway = try Self.answeringGateway(workspace, at: now)
        let link = "/bureau/retirer?relecture=\(entry.id)"

        // The list offers « Retirer » to the author and to a validator, not to another agent.
        #expect(gateway.handle(Self.get("", user: "marie")).body.contains("href=\"\(link)\">Retirer</a>"))
        #expect(gateway.handle(Self.get("", user: "paul")).body.contains("href=\"\(link)\">Retirer</a>"))
        #expect(!gateway.handle(Self.get("", user: "luc")).body.contains(link))

        // GET: the confirmation page, with the button; nothing is dropped, nothing moves.
        let before = Self.snapshot(workspace)
        let confirmation = gateway.handle(Self.get("retirer", user: "marie", query: "relecture=\(entry.id)"))
        #expect(confirmation.status == 200, "\(confirmation.body)")
        #expect(confirmation.body.contains("<h2>Atelier &lt;cuisine&gt;</h2>") && confirmation.body.contains("elle ne sera pas publiée"))
        #expect(confirmation.body.contains("<form method=\"post\" action=\"/bureau/retirer\">"))
        #expect(confirmation.body.contains("name=\"jeton\" value=\"\(try Self.token(workspace, user: "marie", at: now))\""))
        #expect(confirmation.body.contains("name=\"relecture\" value=\"\(entry.id)\"") && confirmation.body.contains("Retirer l'annonce</button>"))
        #expect(!confirmation.body.contains("onclick") && !confirmation.body.contains("onsubmit"), "the step needs no script")
        #expect(gateway.handle(Self.get("retirer", user: "luc", query: "relecture=\(entry.id)")).status == 403)
        #expect(gateway.handle(Self.get("retirer", user: "paul", query: "relecture=absente")).status == 404)
        #expect(Self.snapshot(workspace) == before, "a GET changes nothing")

        // A POST from another site, or without the token, is refused before anything is dropped.
        let foreign = gateway.handle(Self.post("retirer", user: "marie", fields: [
            ("jeton", try Self.token(workspace, user: "marie", at: now)), ("relecture", entry.id),
        ], origin: "https://ailleurs.example"))
        #expect(foreign.status == 403)
        #expect(gateway.handle(Self.post("retirer", user: "marie", fields: [("relecture", entry.id)])).status == 403)
        #expect(Self.snapshot(workspace) == before)

        // Another agent's forged POST: the page refuses it, and so would the worker.
        let byLuc = gateway.handle(Self.post("retirer", user: "luc", fields: [
            ("jeton", try Self.token(workspace, user: "luc", at: now)), ("relecture", entry.id),
        ]))
        #expect(byLuc.status == 403)
        #expect(try ReviewQueue(workspace: workspace.workspace, clock: FixedClock(now)).entry(id: entry.id) != nil)

        let byMarie = gateway.handle(Self.post("retirer", user: "marie", fields: [
            ("jeton", try Self.token(workspace, user: "marie", at: now)), ("relecture", entry.id), ("raison", "Reporté"),
        ]))
        #expect(byMarie.status == 200)
        #expect(byMarie.body.contains("Annonce « Atelier &lt;cuisine&gt; » retirée : elle ne sera pas publiée."), "\(byMarie.body.prefix(1500))")
        #expect(try ReviewQueue(workspace: workspace.workspace, clock: FixedClock(now)).entries().isEmpty)
        let page = gateway.handle(Self.get("", user: "marie")).body
        guard let start = page.range(of: "<h2>Retirées") else { Issue.record("no « Retirées » section"); return }
        let withdrawn = String(page[start.lowerBound...].components(separatedBy: "</section>")[0])
        #expect(withdrawn.contains("<h3>Atelier &lt;cuisine&gt;</h3>") && withdrawn.contains("Raison du retrait : Reporté"))
        #expect(withdrawn.contains("retirée par marie avant sa validation"))
        #expect(page.components(separatedBy: "<h3>Atelier &lt;cuisine&gt;</h3>").count == 2, "listed once, as withdrawn")
        let journal = try PublicationJournal(path: workspace.workspace.journalPath).load().entries
        #expect(journal.last.map { "\($0.event.rawValue) \($0.user ?? "") \($0.comment ?? "")" } == "withdrawn marie Reporté")
    }

    /// The fields a browser would send for the page's form `annonce` (text inputs, checked boxes, textareas, hidden).
    static func formFields(_ html: String) -> [(String, String)] {
        guard let start = html.range(of: "<form method=\"post\" id=\"annonce\""), let end = html.range(of: "</form>", range: start.upperBound..<html.endIndex) else { return [] }
        let form = String(html[start.lowerBound..<end.lowerBound])
        var fields: [(String, String)] = []
        func attribute(_ name: String, in tag: String) -> String? {
            guard let range = tag.range(of: " \(name)=\"") else { return nil }
            return String(tag[range.upperBound...].prefix { $0 != "\"" })
        }
        var rest = form[...]
        while let open = rest.range(of: "<") {
            let tagEnd = rest[open.upperBound...].firstIndex(of: ">") ?? rest.endIndex
            let tag = String(rest[open.lowerBound..<tagEnd])
            rest = rest[tagEnd...]
            if tag.hasPrefix("<input"), let name = attribute("name", in: tag) {
                let type = attribute("type", in: tag) ?? "text"
                if type == "file" || ((type == "checkbox" || type == "radio") && !tag.contains(" checked")) { continue }
                fields.append((name, unescape(attribute("value", in: tag) ?? "")))
            } else if tag.hasPrefix("<textarea"), let name = attribute("name", in: tag),
                      let close = rest.range(of: "</textarea>") {
                fields.append((name, unescape(String(rest[rest.index(after: rest.startIndex)..<close.lowerBound]))))
            }
        }
        return fields
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}

extension CGIResponse {
    var referrerPolicyIsSameOrigin: Bool { referrerPolicy == "same-origin" }
}

extension JSONDecoder {
    static func iso8601() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
