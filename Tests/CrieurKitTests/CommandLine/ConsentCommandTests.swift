import Foundation
import Testing
@testable import CrieurKit

/// `crieur subscribers …` and `crieur consent …` run as the administrator would.
@Suite struct ConsentCommandTests {
    private func crieur(_ workspace: TestWorkspace, _ arguments: String...) throws -> CrieurBinary.Result {
        try CrieurBinary.run(["--root", workspace.root, "--now", "2026-11-20T10:00:00"] + arguments)
    }

    private func events(_ workspace: TestWorkspace) throws -> [ConsentEvent] {
        try LedgerFixture.ledger(workspace).read().entries.map(\.event)
    }

    @Test func addRecordsTheProofTheWordingAndTheTime() throws {
        let workspace = try LedgerFixture.workspace()
        let result = try crieur(workspace, "subscribers", "add", "Jean@Example.be", "--source", "formulaire papier n°42", "--name", "Jean")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Inscription enregistrée (s-"))
        let event = try #require(try events(workspace).first)
        #expect(event.address == "Jean@example.be")
        #expect(event.source == "formulaire papier n°42")
        #expect(event.wording == "v3")
        #expect(event.status == .confirmed)
        #expect(event.time == CivilCalendar(timeZone: TimeZone(identifier: "Europe/Brussels")!).parseLocalTimestamp("2026-11-20T10:00:00"))
    }

    @Test func addOnADoubleOptInListIsPendingEvenWithoutTheFlag() throws {
        let workspace = try LedgerFixture.workspace()
        let result = try crieur(workspace, "subscribers", "add", "marie@example.be", "--source", "formulaire web", "--list", "web")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("en attente de confirmation"))
        #expect(try events(workspace).first?.status == .pending)
    }

    @Test func addRefusesAnInvalidAddressWithExit65AndAFrenchMessage() throws {
        let workspace = try LedgerFixture.workspace()
        let result = try crieur(workspace, "subscribers", "add", "jean.example.be", "--source", "guichet")
        #expect(result.status == 65)
        #expect(result.stderr.contains("Adresse e-mail non valable : « jean.example.be » : il manque le signe @."))
        #expect(try FileSystem.info(workspace.path("data/consent.jsonl")) == nil)
    }

    @Test func addWithoutProofIsAUsageErrorAndUnknownListInvalidInput() throws {
        let workspace = try LedgerFixture.workspace()
        #expect(try crieur(workspace, "subscribers", "add", "jean@example.be").status == 64)
        let unknown = try crieur(workspace, "subscribers", "add", "jean@example.be", "--source", "web", "--list", "seniors")
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("Liste inconnue : « seniors »"))
    }

    @Test func importKeepsValidLinesInOneWriteAndReportsBadOnesByLine() throws {
        let workspace = try LedgerFixture.workspace()
        try workspace.write("email,source,name\r\njean@example.be,guichet,Jean\r\npas-une-adresse,guichet,X\r\nmarie@example.be,web,Marie\r\n",
                            to: "abonnes.csv")
        let result = try crieur(workspace, "subscribers", "import", workspace.path("abonnes.csv"))
        #expect(result.status == 65)
        #expect(result.stderr.contains("abonnes.csv:3 : Adresse e-mail non valable"), "\(result.stderr)")
        #expect(result.stdout.contains("Importés : 2 nouvel(s) abonné(s)"))
        #expect(try events(workspace).compactMap(\.address) == ["jean@example.be", "marie@example.be"])

        // Importing the same file again adds nobody twice.
        let again = try crieur(workspace, "subscribers", "import", workspace.path("abonnes.csv"))
        #expect(again.stdout.contains("2 déjà inscrit(s)"))
        #expect(try events(workspace).count == 2)
    }

    @Test func importOfAFileWithABadHeaderWritesNothing() throws {
        let workspace = try LedgerFixture.workspace()
        try workspace.write("adresse;nom\njean@example.be;Jean\n", to: "abonnes.csv")
        let result = try crieur(workspace, "subscribers", "import", workspace.path("abonnes.csv"))
        #expect(result.status == 65)
        #expect(result.stderr.contains("Aucun abonné importé"))
        #expect(try FileSystem.info(workspace.path("data/consent.jsonl")) == nil)
    }

    @Test func confirmWithdrawAndTheirUnknownTargets() throws {
        let workspace = try LedgerFixture.workspace()
        #expect(try crieur(workspace, "subscribers", "add", "marie@example.be", "--source", "web", "--list", "web").status == 0)
        let token = try #require(try events(workspace).first?.confirmationToken)
        #expect(try crieur(workspace, "consent", "confirm", "0123").status == 65)
        let confirm = try crieur(workspace, "consent", "confirm", token)
        #expect(confirm.status == 0, "\(confirm.stderr)")
        #expect(try crieur(workspace, "consent", "withdraw", "paul@example.be").status == 65)
        let withdraw = try crieur(workspace, "consent", "withdraw", "MARIE@example.be")
        #expect(withdraw.status == 0)
        #expect(withdraw.stdout.contains("Désinscrit de la liste « web »"))
        #expect(try events(workspace).map(\.kind) == [.subscribed, .confirmed, .withdrawn])
    }

    @Test func exportGivesEveryEventAndDeliveryOfThePersonAsJSON() throws {
        let workspace = try LedgerFixture.workspace()
        _ = try crieur(workspace, "subscribers", "add", "jean@example.be", "--source", "guichet", "--name", "Jean")
        _ = try crieur(workspace, "subscribers", "add", "marie@example.be", "--source", "guichet")
        let ids = try events(workspace).map(\.subscriber)
        try workspace.write("{\"subscriber\":\"\(ids[0])\",\"result\":\"sent\"}\n{\"subscriber\":\"\(ids[1])\",\"result\":\"sent\"}\n",
                            to: "data/deliveries.jsonl")
        let result = try crieur(workspace, "consent", "export", "jean@example.be")
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["address"] as? String == "jean@example.be")
        #expect((document["events"] as? [[String: Any]])?.map { $0["subscriber"] as? String } == [ids[0]])
        #expect((document["deliveries"] as? [[String: Any]])?.map { $0["subscriber"] as? String } == [ids[0]])
        #expect((document["subscriptions"] as? [[String: Any]])?.first?["name"] as? String == "Jean")
        #expect(!result.stdout.contains("marie"))
    }

    @Test func exportAsTextTellsThePersonEveryEventWithItsProofInLocalTime() throws {
        let workspace = try LedgerFixture.workspace()
        func at(_ now: String, _ arguments: String...) throws -> CrieurBinary.Result {
            try CrieurBinary.run(["--root", workspace.root, "--now", now] + arguments)
        }
        #expect(try at("2026-07-01T09:30:00", "subscribers", "add", "marie@example.be", "--source", "formulaire web",
                       "--list", "web", "--name", "Marie Dubois").status == 0)
        let token = try #require(try events(workspace).first?.confirmationToken)
        #expect(try at("2026-07-01T09:41:00", "consent", "confirm", token).status == 0)
        #expect(try at("2026-12-03T14:05:00", "consent", "withdraw", "marie@example.be").status == 0)
        let id = try events(workspace)[0].subscriber
        // Two letters in summer and winter (UTC in the records, Brussels time for the person), one confirmation e-mail.
        try workspace.write("""
            {"attempt":1,"code":250,"issue":"confirmation","reply":"OK","result":"sent","subscriber":"\(id)","time":"2026-07-01T07:31:00Z"}
            {"attempt":1,"code":250,"issue":"2026-07-06","reply":"OK","result":"sent","subscriber":"\(id)","time":"2026-07-06T07:00:00Z"}
            {"attempt":1,"code":250,"issue":"2026-11-02","reply":"OK","result":"sent","subscriber":"\(id)","time":"2026-11-02T08:00:00Z"}

            """, to: "data/deliveries.jsonl")

        let result = try at("2026-12-03T14:05:00", "consent", "export", "marie@example.be", "--format", "text")
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        for expected in [
            "Données gardées du CPAS sur l'adresse marie@example.be",
            "Relevé établi le 3 décembre 2026 à 14 h 05 (heure de Belgique).",
            "- Lettre « Par le site » : désinscription le 3 décembre 2026 à 14 h 05 : vous ne recevez plus cette lettre.",
            "Nom gardé : Marie Dubois.",
            "- le 1er juillet 2026 à 9 h 30 : inscription à la lettre « Par le site », en attente de confirmation — preuve : formulaire web, texte d'accord version v3.",
            "- le 1er juillet 2026 à 9 h 41 : inscription confirmée à la lettre « Par le site »",
            "- le 3 décembre 2026 à 14 h 05 : désinscription de la lettre « Par le site »",
            "Vos désinscriptions\n- le 3 décembre 2026 à 14 h 05 : lettre « Par le site »",
            "- 2 lettres envoyées.",
            "- Dernier envoi : le 2 novembre 2026 à 9 h.",
            "- E-mail de confirmation d'inscription envoyé : 1 fois.",
            "adressez-vous au CPAS.",
        ] {
            #expect(text.contains(expected), "missing « \(expected) » in:\n\(text)")
        }
        #expect(!text.contains(token) && !text.contains(id), "no token nor internal id in what the person reads")
        #expect(!text.contains("T07:") && !text.contains("Z\""), "no machine time")

        #expect(try at("2026-12-03T14:05:00", "consent", "export", "marie@example.be", "--format", "xml").status == 64)
        let json = try at("2026-12-03T14:05:00", "consent", "export", "marie@example.be")
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["address"] as? String == "marie@example.be",
                "JSON stays the default")
    }

    @Test func eraseThenAddIsRefusedAndDataHoldsNoTraceOfTheAddress() throws {
        let workspace = try LedgerFixture.workspace()
        _ = try crieur(workspace, "subscribers", "add", "jean@example.be", "--source", "guichet", "--name", "Jean Dupont")
        let erase = try crieur(workspace, "consent", "erase", "jean@example.be")
        #expect(erase.status == 0, "\(erase.stderr)")
        #expect(try LedgerFixture.filesContaining("jean@example.be", in: workspace).isEmpty)
        #expect(try LedgerFixture.filesContaining("Jean Dupont", in: workspace).isEmpty)

        let add = try crieur(workspace, "subscribers", "add", "JEAN@example.be", "--source", "guichet")
        #expect(add.status == 65)
        #expect(add.stderr.contains("a été effacée à la demande de la personne"))
        try workspace.write("email,source\njean@example.be,web\n", to: "abonnes.csv")
        let importResult = try crieur(workspace, "subscribers", "import", workspace.path("abonnes.csv"))
        #expect(importResult.status == 65)
        #expect(importResult.stderr.contains("abonnes.csv:2 : L'adresse « jean@example.be » a été effacée"))
    }

    @Test func damagedLedgerIsExplainedRefusesChangesAndIsRepaired() throws {
        let workspace = try LedgerFixture.workspace()
        _ = try crieur(workspace, "subscribers", "add", "jean@example.be", "--source", "guichet")
        let handle = try #require(FileHandle(forWritingAtPath: workspace.path("data/consent.jsonl")))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"kind\":\"withdr".utf8))
        try handle.close()

        let add = try crieur(workspace, "subscribers", "add", "marie@example.be", "--source", "guichet")
        #expect(add.status == 65)
        #expect(add.stderr.contains("Le registre des consentements (data/consent.jsonl) est abîmé"))
        let list = try crieur(workspace, "subscribers", "list")
        #expect(list.status == 65)
        #expect(list.stdout.contains("jean@example.be"))
        let repair = try crieur(workspace, "consent", "repair")
        #expect(repair.status == 0)
        #expect(repair.stdout.contains("data/consent.damaged"))
        #expect(try crieur(workspace, "subscribers", "add", "marie@example.be", "--source", "guichet").status == 0)
    }

    @Test func listShowsStatesAndAsJSON() throws {
        let workspace = try LedgerFixture.workspace()
        _ = try crieur(workspace, "subscribers", "add", "jean@example.be", "--source", "guichet")
        _ = try crieur(workspace, "subscribers", "add", "marie@example.be", "--source", "web", "--list", "web")
        let text = try crieur(workspace, "subscribers", "list")
        #expect(text.status == 0)
        #expect(text.stdout.contains("1 inscrit(s), 1 en attente, 0 désinscrit(s), 0 effacé(s)."))
        let json = try crieur(workspace, "subscribers", "list", "--list", "web", "--format", "json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["state"] as? String } == ["pending"])
        #expect(rows.first?["address"] as? String == "marie@example.be")
    }
}
