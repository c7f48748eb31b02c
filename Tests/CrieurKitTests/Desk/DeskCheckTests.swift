import Foundation
import Testing
@testable import CrieurKit

/// The desk's live check: the worker's own verdict for a text, per channel,
/// with each finding at its sentence, without writing anything.
@Suite struct DeskCheckTests {
    static let now = WorkerTestSupport.date("2026-12-01T10:00")

    static func check(_ text: String, config: CrieurConfig = CrieurConfig(), at now: Date = now) -> DeskCheck {
        DeskCheck.run(text: text, config: config, now: now)
    }

    // MARK: - Agreement with the worker

    /// Every corpus item (valid and invalid, the project's and the shared one), at two
    /// moments: the worker refuses it ⇔ the check has problems or ✘ on every channel,
    /// with the same reason codes; a published item goes out exactly on the channels
    /// that are ✔ here, and those it leaves out are ✘ here for the same reasons.
    @Test func theCheckGivesTheWorkersVerdictOnTheCorpus() throws {
        var compared: [String: Int] = [:]
        for moment in ["2026-10-28T09:00", "2026-11-20T09:00"] {
            for corpus in TestCorpus.all {
                let workspace = try TestWorkspace()
                var names: [String] = []
                var texts: [String: String] = [:]
                for folder in ["items", "invalid"] {
                    for name in corpus.files(folder) {
                        // One name per file across both folders (the two folders share names).
                        let target = "\(folder)-\(name)"
                        let data = try corpus.data(folder, name)
                        try workspace.write(data, to: "queue/incoming/\(target)")
                        names.append(target)
                        texts[target] = String(decoding: data, as: UTF8.self)
                    }
                }
                for (name, text) in Self.partlyPublished {
                    try workspace.write(text, to: "queue/incoming/\(name)")
                    names.append(name)
                    texts[name] = text
                }
                let config = try workspace.config()
                try WorkerTestSupport.runOnce(workspace, at: moment)
                let journal = try PublicationJournal(path: workspace.workspace.journalPath).load().entries
                for name in names {
                    let check = DeskCheck.run(text: texts[name] ?? "", config: config, now: WorkerTestSupport.date(moment), workspace: workspace.workspace,
                                              fileName: name)
                    let entry = journal.first { $0.item == name }
                    let codes = Set(check.channels.flatMap(\.codes))
                    let context = "\(corpus) \(name) at \(moment): \(String(decoding: check.json(), as: UTF8.self))"
                    switch entry?.event {
                    case .rejected?:
                        let reasons = Set(entry?.reasons ?? [])
                        #expect(!check.accepted, "\(context)")
                        compared[reasons == ["format"] ? "format" : "refused", default: 0] += 1
                        if reasons == ["format"] {
                            // Not an item: the same problems as the report beside it in queue/rejected/.
                            #expect(check.channels.isEmpty && !check.problems.isEmpty, "\(context)")
                            let report = try workspace.read("queue/rejected/\(name)\(QueueLayout.reportSuffix)")
                            for problem in check.problemDetails {
                                let place = problem.line.map { "Ligne \($0) : " } ?? ""
                                #expect(report.contains(place + problem.message), "\(context)\n\(report)")
                                #expect(report.contains("Que faire : " + problem.fix), "\(context)")
                            }
                        } else {
                            #expect(check.channels.allSatisfy { !$0.passes }, "\(context)")
                            #expect(reasons.isSubset(of: codes), "\(context)")
                            #expect(Self.kinds(reasons) == Self.kinds(codes), "\(context)")
                        }
                    case .published?:
                        compared[entry?.reasons == nil ? "published" : "partly", default: 0] += 1
                        #expect(check.accepted, "\(context)")
                        #expect(Set(check.channels.filter(\.passes).map(\.channel)) == Set((entry?.channels ?? []).map(\.id)), "\(context)")
                        let leftOut = Set(entry?.reasons ?? [])
                        #expect(leftOut.isSubset(of: codes), "\(context)")
                        #expect(Self.kinds(leftOut) == Self.kinds(codes), "\(context)")
                    case nil:
                        compared["waiting", default: 0] += 1
                        // Waiting for its publication date in queue/deferred/.
                        #expect(WorkerTestSupport.states(of: name, in: workspace) == [.deferred], "\(context)")
                        #expect(check.accepted && check.verdict?.hasPrefix("attendra") == true, "\(context)")
                    default:
                        Issue.record("unexpected journal event for \(context)")
                    }
                }
            }
        }
        // Each kind of verdict was met: not an item, refused by the channels, published, waiting.
        #expect(Set(compared.keys) == ["format", "refused", "published", "partly", "waiting"], "\(compared)")
    }

    /// Items some channels leave out: the screen for its words, the screen for a hard text.
    static let partlyPublished = [
        "extra-ecran-trop-long.txt": "Titre: Café des parents\nCanaux: ecran, bulletin\n---\n"
            + String(repeating: "Le café des parents a lieu le mardi. ", count: 12),
        "extra-ecran-difficile.txt": """
            Titre: Permanence énergie
            Canaux: ecran, bulletin
            ---
            Le service social vous reçoit chaque mardi matin pour parler de vos factures et de votre budget.
            """,
    ]

    /// Reason codes up to the readability rule (`readability`, `channel:ecran`, `ended`):
    /// a refused item's journal lists every rule, a partly published one the first per channel.
    static func kinds(_ codes: Set<String>) -> Set<String> {
        Set(codes.map { $0.hasPrefix("readability:") ? "readability" : $0 })
    }

    // MARK: - Findings at their sentence

    @Test func aSentenceTooLongForTheScreenIsFoundAtItsPlaceWithItsSuggestion() throws {
        let body = """
            Venez au café des parents.
            Nous vous invitons à venir nombreux à notre atelier du samedi matin, où vous apprendrez à préparer des repas simples avec des légumes.
            """
        let check = Self.check("Titre: Atelier cuisine\nCanaux: ecran, bulletin\n---\n" + body)
        #expect(check.problems.isEmpty)
        let screen = try #require(check.channels.first { $0.channel == "ecran" })
        let bulletin = try #require(check.channels.first { $0.channel == "bulletin" })
        #expect(!screen.passes && screen.codes.contains("readability:long-sentence"), "\(screen)")
        let finding = try #require(screen.findings.first { $0.rule == "long-sentence" })
        #expect(finding.line == 5 && finding.part == "texte")
        #expect(finding.sentence.hasPrefix("Nous vous invitons") && finding.sentence.hasSuffix("légumes."))
        #expect(finding.suggestion?.contains("couper après") == true, "\(finding)")
        let offset = try #require(finding.offset), length = try #require(finding.length)
        let utf16 = Array(body.utf16)
        #expect(String(decoding: utf16[offset..<(offset + length)], as: UTF16.self) == finding.sentence)
        // 23 words: over the bulletin's 22 as well.
        #expect(bulletin.findings.contains { $0.rule == "long-sentence" && $0.offset == offset })
    }

    @Test func aSentenceWithinTheBulletinsLimitIsNotAFindingForTheBulletin() throws {
        // 17 words: over the screen's 15, within the bulletin's 22.
        let check = Self.check("""
            Titre: Permanence
            Canaux: ecran, bulletin
            ---
            Le service social vous reçoit chaque mardi matin pour parler de vos factures et de votre budget.
            """)
        let screen = try #require(check.channels.first { $0.channel == "ecran" })
        let bulletin = try #require(check.channels.first { $0.channel == "bulletin" })
        #expect(screen.findings.contains { $0.rule == "long-sentence" })
        #expect(!bulletin.findings.contains { $0.rule == "long-sentence" })
        #expect(bulletin.passes && bulletin.codes.isEmpty)
    }

    @Test func aLineBrokenSentenceAndTheTitleArePlacedInTheirOwnText() throws {
        let title = "Aide du SPW pour le chauffage"
        let body = "Bonjour.\nConformément au  règlement, le CPAS vous aide\npour vos factures de chauffage.\n"
        let check = Self.check("Titre: \(title)\nCanaux: newsletter\n---\n" + body)
        let findings = try #require(check.channels.first).findings
        #expect(findings.contains { $0.part == "titre" && $0.rule == "unexplained-acronym" && $0.offset == 0 }, "\(findings)")
        #expect(findings.contains { $0.part == "texte" && $0.rule == "administrative-word" && $0.offset == 9 }, "\(findings)")
        for finding in findings {
            let source = finding.part == "titre" ? title : body
            let offset = try #require(finding.offset), length = try #require(finding.length)
            let slice = Array(source.utf16)[offset..<(offset + length)]
            let squeezed = String(decoding: slice, as: UTF16.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(squeezed == finding.sentence.split(whereSeparator: \.isWhitespace).joined(separator: " "), "\(finding)")
        }
    }

    @Test func aFindingFarIntoALongTextWithListsAndMarksIsStillPlaced() throws {
        let body = String(repeating: "Le café est ouvert le mardi.\n", count: 60)
            + "\n- **Gratuit** pour les enfants,\u{00A0}voyez [notre page](https://www.cpas-exemple.be).\n- Venez tôt.\n\n"
            + "Conformément au règlement, vous pouvez venir avec vos enfants.\n"
        let check = Self.check("Titre: Café\nCanaux: bulletin\n---\n" + body)
        let findings = try #require(check.channels.first).findings
        let administrative = try #require(findings.first { $0.rule == "administrative-word" }, "\(findings)")
        let offset = try #require(administrative.offset), length = try #require(administrative.length)
        #expect(String(decoding: Array(body.utf16)[offset..<(offset + length)], as: UTF16.self)
            == "Conformément au règlement, vous pouvez venir avec vos enfants.")
    }

    @Test func theScreensOwnTextIsCheckedAndPlacedInIt() throws {
        let check = Self.check("""
            Titre: Fermeture
            Canaux: ecran, newsletter
            Texte écran: Conformément aux dispositions réglementaires en vigueur, le CPAS est fermé.
            ---
            Le CPAS est fermé lundi.
            """)
        let screen = try #require(check.channels.first { $0.channel == "ecran" })
        let newsletter = try #require(check.channels.first { $0.channel == "newsletter" })
        #expect(!screen.passes)
        #expect(screen.findings.contains { $0.part == "texteEcran" && $0.rule == "administrative-word" && $0.offset == 0 }, "\(screen)")
        #expect(newsletter.passes && newsletter.findings.allSatisfy { $0.part != "texteEcran" })
    }

    // MARK: - Limits, derogation, problems

    @Test func tooManyWordsForTheScreenIsALimitAndTheOtherChannelsStillPublish() throws {
        let sentence = "Le café des parents a lieu le mardi. "
        let check = Self.check("Titre: Café\nCanaux: ecran, bulletin\n---\n" + String(repeating: sentence, count: 12))
        let screen = try #require(check.channels.first { $0.channel == "ecran" })
        #expect(!screen.passes && screen.codes == ["channel:ecran"])
        #expect(screen.limits.count == 1 && screen.limits[0].contains("au plus 70"), "\(screen.limits)")
        #expect(check.channels.first { $0.channel == "bulletin" }?.passes == true)
        #expect(check.accepted && check.verdict?.contains("pas sur : écran") == true, "\(check.verdict ?? "")")
    }

    @Test func aDerogationPublishesAHardTextAsTheWorkerDoes() throws {
        let hard = """
            Titre: Intervention
            Canaux: newsletter
            Dérogation: texte légal imposé par la Région
            ---
            Conformément aux dispositions réglementaires en vigueur, les bénéficiaires du revenu d'intégration sociale sont susceptibles de solliciter l'octroi d'une intervention financière nonobstant les éventuelles interventions antérieurement octroyées.
            """
        let check = Self.check(hard)
        let newsletter = try #require(check.channels.first)
        #expect(newsletter.passes && newsletter.derogation && !newsletter.findings.isEmpty && !newsletter.reasons.isEmpty)
        #expect(check.derogation == "texte légal imposé par la Région")
        #expect(check.html().contains("(par dérogation)"))
        let without = Self.check(hard.replacingOccurrences(of: "Dérogation: texte légal imposé par la Région\n", with: ""))
        #expect(!without.accepted && without.channels.first?.passes == false)
    }

    @Test func aFileThatIsNotAnItemGivesTheParsersProblemsWithTheirLine() throws {
        let check = Self.check("Titre: Réunion\nCanaux: telegramme\nPublication: 2026-02-30\n---\nBonjour.\n")
        #expect(check.channels.isEmpty && !check.accepted)
        #expect(check.problemDetails.map(\.line) == [2, 3], "\(check.problems)")
        #expect(check.problems[0].hasPrefix("Ligne 2 : ") && check.problems[0].contains(" → "))
        #expect(check.html().contains("2 choses à corriger dans l'annonce"))
    }

    @Test func anEndAlreadyPastRefusesEveryChannelWithTheEndedCode() throws {
        let check = Self.check("Titre: Café\nCanaux: ecran, facebook\nFin: 2026-11-01\n---\nLe café a lieu mardi.\n")
        #expect(!check.accepted && check.problems.count == 1)
        #expect(check.channels.allSatisfy { !$0.passes && $0.codes == ["ended"] })
    }

    @Test func aLongFacebookPostIsAWarningNotARefusalWhetherPublishedNowOrLater() throws {
        var config = CrieurConfig()
        config.facebook.warnAboveCharacters = 40
        for publication in ["", "Publication: 2026-12-20\n"] {
            let check = Self.check("Titre: Café des parents\nCanaux: facebook\n\(publication)---\nLe café a lieu le mardi à 10 h.\n",
                                   config: config)
            let facebook = try #require(check.channels.first)
            #expect(facebook.passes && facebook.limits.isEmpty, "\(publication)")
            #expect(facebook.warnings.count == 1 && facebook.warnings[0].contains("raccourcissez-le si vous le pouvez"), "\(facebook.warnings)")
            #expect(check.html().contains("<li>Attention : Le message compte "))
        }
        #expect(Self.check("Titre: Café\nCanaux: facebook\n---\nLe café a lieu mardi.\n").channels[0].warnings.isEmpty)
    }

    @Test func theBulletinCountsCharactersAgainstTheCommunesLimit() throws {
        var config = CrieurConfig()
        config.bulletin.maxCharactersPerArticle = 100
        let check = Self.check("Titre: Café\nCanaux: bulletin\n---\n" + String(repeating: "Le café a lieu mardi. ", count: 8), config: config)
        let bulletin = try #require(check.channels.first)
        #expect(bulletin.characterLimit == 100 && (bulletin.characters ?? 0) > 100)
        // Over the limit is flagged, never refused: the commune's editor decides (as the draft does).
        #expect(bulletin.passes && bulletin.limits.count == 1 && bulletin.limits[0].contains("à raccourcir"))
        #expect(check.html().contains("caractères sur 100 (espaces compris)"))
    }

    @Test func checkingWritesNothing() throws {
        let workspace = try TestWorkspace()
        let before = WorkerTestSupport.outputs(workspace)
        let names = QueueState.allCases.map { workspace.items($0) }
        _ = DeskCheck.run(text: "Titre: Café\nCanaux: ecran, facebook, newsletter, bulletin, affiche\n---\nLe café a lieu mardi.\n",
                          config: try workspace.config(), now: Self.now, workspace: workspace.workspace)
        #expect(WorkerTestSupport.outputs(workspace) == before)
        #expect(QueueState.allCases.map { workspace.items($0) } == names)
        #expect(!FileManager.default.fileExists(atPath: workspace.workspace.journalPath))
    }

    // MARK: - Output

    @Test func theJSONIsCompactWithTheSameSortedKeysInEveryAnswer() throws {
        let plain = Self.check("Titre: Café\nCanaux: ecran, bulletin\n---\nLe café a lieu mardi.\n")
        let hard = Self.check("""
            Titre: Café du SPW
            Canaux: ecran, bulletin
            Dérogation: texte imposé
            ---
            Conformément au règlement, le café a lieu mardi.
            """)
        let broken = Self.check("Canaux: ecran\n---\nBonjour.\n")
        func keys(_ check: DeskCheck) throws -> [Set<String>] {
            let object = try #require(try JSONSerialization.jsonObject(with: check.json()) as? [String: Any])
            let channels = object["channels"] as? [[String: Any]] ?? []
            let findings = channels.flatMap { $0["findings"] as? [[String: Any]] ?? [] }
            let problems = object["problemDetails"] as? [[String: Any]] ?? []
            return [Set(object.keys), Set(channels.first?.keys.map { $0 } ?? []), Set(findings.first?.keys.map { $0 } ?? []),
                    Set(problems.first?.keys.map { $0 } ?? [])]
        }
        let expected: [Set<String>] = [
            ["accepted", "channels", "derogation", "problemDetails", "problems", "verdict"],
            ["channel", "frenchName", "passes", "findings", "limits", "warnings", "reasons", "codes", "derogation",
             "characters", "characterLimit"],
            ["rule", "severity", "severityLabel", "line", "part", "sentence", "excerpt", "message", "suggestion", "offset", "length"],
        ]
        #expect(try keys(plain)[0...1] == expected[0...1])
        #expect(try keys(hard)[0...2] == expected[0...2])
        #expect(try keys(broken)[0] == expected[0])
        #expect(try keys(broken)[3] == ["line", "message", "fix"])
        let text = String(decoding: plain.json(), as: UTF8.self)
        #expect(!text.contains("\n") && !text.contains("\": ") && !text.contains(", \""))
        #expect(text.hasPrefix("{\"accepted\":true,\"channels\":[{\"channel\":\"ecran\",\"characterLimit\":null,"), "\(text)")
        #expect(plain.json() == Self.check("Titre: Café\nCanaux: ecran, bulletin\n---\nLe café a lieu mardi.\n").json())
    }

    @Test func theHTMLEscapesEverythingStaffTyped() throws {
        let check = Self.check("""
            Titre: Atelier <script>alert("titre")</script> & 'quotes'
            Canaux: ecran, facebook
            ---
            Nous vous invitons <b onmouseover="x">à venir</b> nombreux à notre atelier du samedi matin, où vous apprendrez à cuisiner des légumes "de saison".
            """)
        let html = check.html()
        #expect(!html.contains("<script") && !html.contains("<b ") && !html.contains("\"x\"") && !html.contains("'quotes'"))
        #expect(html.contains("&lt;script&gt;alert(&quot;titre&quot;)&lt;/script&gt;"))
        #expect(html.contains("✘ Écran de la salle d&#39;attente : "))
        #expect(html.contains("Proposition : "))
        #expect(html.contains("<blockquote><p>« Nous vous invitons &lt;b onmouseover=&quot;x&quot;&gt;"))
    }

    @Test func aSentenceWithTheSameRemarksInSeveralChannelsIsQuotedOnceTheOthersPointToIt() throws {
        let check = Self.check("""
            Titre: Atelier cuisine
            Canaux: newsletter, facebook, ecran
            ---
            Le centre public d'action sociale organise chaque jeudi matin dans la grande salle de la maison communale un atelier de cuisine ouvert à toutes les personnes qui souhaitent apprendre à préparer des repas simples.
            """)
        let failing = check.channels.filter { !$0.findings.isEmpty }
        #expect(failing.count == 3 && failing.allSatisfy { $0.findings.map(\.message) == failing[0].findings.map(\.message) })
        let html = check.html()
        #expect(html.components(separatedBy: "<blockquote><p>« Le centre public").count == 2, "quoted once: \(html)")
        #expect(html.components(separatedBy: HTML.escape("Remarques sur les phrases : les mêmes que pour « \(failing[0].frenchName) », ci-dessus.")).count == 3)
        // Each channel keeps its own heading and its own limits.
        for verdict in check.channels { #expect(html.contains("data-canal=\"\(verdict.channel)\"")) }
    }
}
