import Foundation
import Testing
@testable import CrieurKit

/// The `.ics` files read back by Python's `icalendar` (PyPI), a real RFC 5545 parser.
struct ICalendarTests {
    static let calendar = CivilCalendar(timeZone: TimeZone(identifier: "Europe/Brussels")!)
    static let now = calendar.instant(CivilDate(year: 2026, month: 12, day: 1), hour: 9, minute: 0)

    static func record(_ header: String, body: String = "Venez nombreux.\n", name: String = "atelier.txt") throws -> PublishedItem {
        let item = try ItemParser().parse(Data("Titre: Atelier cuisine\nCanaux: newsletter\n\(header)---\n\(body)".utf8), fileName: name)
        return PublishedItem(item, itemName: name, publishedOn: CivilDate(year: 2026, month: 12, day: 1))
    }

    static func single(_ record: PublishedItem) throws -> String {
        try #require(ICalendarDocument.single(record, calendar: calendar, uidDomain: "cpas-exemple.be", stamp: now, organisationName: "CPAS de Exemple"))
    }

    /// Each event as Python's icalendar reads it: the properties the tests check, as text.
    static func parsed(_ ics: String) throws -> [[String: String]] {
        let script = """
            import json, sys
            import icalendar
            cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
            assert cal.errors == [] if hasattr(cal, "errors") else True
            tz = [c for c in cal.walk("VTIMEZONE")]
            assert len(tz) == 1 and str(tz[0]["TZID"]) == "Europe/Brussels", tz
            out = []
            for e in cal.walk("VEVENT"):
                assert not e.errors, e.errors
                row = {}
                for key in ["UID", "SUMMARY", "LOCATION", "DESCRIPTION", "STATUS", "URL", "SEQUENCE"]:
                    if key in e: row[key] = str(e[key])
                for key in ["DTSTART", "DTEND", "DTSTAMP"]:
                    if key in e:
                        value = e.decoded(key)
                        row[key] = value.isoformat() + (" " + str(getattr(value, "tzinfo", None)) if getattr(value, "tzinfo", None) else "")
                if "RRULE" in e: row["RRULE"] = e["RRULE"].to_ical().decode()
                out.append(row)
            print(json.dumps(out))
            """
        let output = try ExternalProgram.python(script, input: Data(ics.utf8))
        return try JSONDecoder().decode([[String: String]].self, from: Data(output.utf8))
    }

    @Test func timedEventReadsBackInBrusselsTimeWithItsTextIntact() throws {
        let record = try Self.record("Quand: 12/12/2026 de 9 h 30 à 12 h\nLieu: Salle Saint-Jean; rez-de-chaussée, à gauche\nLien: https://www.cpas-exemple.be/agenda\n",
                                     body: "Apportez un tablier, un couteau\\ et votre bonne humeur.\nC'est gratuit ; inscription au 081 00 00 00.\n")
        let ics = try Self.single(record)
        let events = try Self.parsed(ics)
        #expect(events.count == 1)
        let event = try #require(events.first)
        #expect(event["UID"] == "atelier@cpas-exemple.be")
        #expect(event["SUMMARY"] == "Atelier cuisine")
        #expect(event["DTSTART"] == "2026-12-12T09:30:00+01:00 Europe/Brussels")
        #expect(event["DTEND"] == "2026-12-12T12:00:00+01:00 Europe/Brussels")
        #expect(event["DTSTAMP"] == "2026-12-01T08:00:00+00:00 UTC")
        #expect(event["LOCATION"] == "Salle Saint-Jean; rez-de-chaussée, à gauche")
        #expect(event["DESCRIPTION"] == "Apportez un tablier, un couteau\\ et votre bonne humeur.\nC'est gratuit ; inscription au 081 00 00 00.\n\nhttps://www.cpas-exemple.be/agenda")
        #expect(event["STATUS"] == "CONFIRMED")
        #expect(event["RRULE"] == nil)
    }

    @Test func everyLineEndsWithCRLFAndHoldsAtMost75Octets() throws {
        let long = String(repeating: "Les bénévoles préparent des repas équilibrés, économiques et délicieux. ", count: 8)
        let ics = try Self.single(Self.record("Quand: 12/12/2026\n", body: long + "\n"))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        let lines = ics.components(separatedBy: "\r\n").dropLast()
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare line feed")
        for line in lines { #expect(line.utf8.count <= 75, "\(line)") }
        #expect(lines.contains { $0.hasPrefix(" ") }, "the long description is folded")
        let description = try #require(try Self.parsed(ics).first?["DESCRIPTION"])
        #expect(description == long.trimmingCharacters(in: .whitespaces))
    }

    @Test func foldingNeverSplitsACharacter() {
        let line = "SUMMARY:" + String(repeating: "é", count: 100)
        let folded = ICalendarText.fold(line)
        // Cut the bytes at each CRLF: every piece must be whole UTF-8 on its own.
        var pieces: [[UInt8]] = [[]]
        for byte in folded.utf8 {
            if byte == 0x0A { pieces.append([]) } else if byte != 0x0D { pieces[pieces.count - 1].append(byte) }
        }
        for piece in pieces.dropLast() {
            #expect(piece.count <= 75)
            #expect(String(validating: piece, as: UTF8.self) != nil)
        }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n", with: "") == line)
        #expect(ICalendarText.escape("a,b;c\\d\r\ne\nf") == "a\\,b\\;c\\\\d\\ne\\nf")
    }

    @Test func spanOfDaysIsAnAllDayEventEndingTheDayAfter() throws {
        let event = try #require(try Self.parsed(Self.single(Self.record("Quand: du 24/12/2026 au 31/12/2026\n"))).first)
        #expect(event["DTSTART"] == "2026-12-24")
        #expect(event["DTEND"] == "2027-01-01")
        #expect(ICalendarDocument.single(try Self.record(""), calendar: Self.calendar, uidDomain: "x", stamp: Self.now, organisationName: "x") == nil,
                "no Quand, no event")
    }

    @Test func weeklyRhythmBecomesAWeeklyRuleFromItsFirstDay() throws {
        let record = try Self.record("Quand: chaque jeudi de 13 h à 16 h, du 01/10/2026 au 31/03/2027\n")
        let event = try #require(try Self.parsed(Self.single(record)).first)
        #expect(event["DTSTART"] == "2026-10-01T13:00:00+02:00 Europe/Brussels", "1 October 2026 is a Thursday, in summer time")
        #expect(event["DTEND"] == "2026-10-01T16:00:00+02:00 Europe/Brussels")
        #expect(event["RRULE"] == "FREQ=WEEKLY;UNTIL=20270331T215959Z;BYDAY=TH")
    }

    @Test func repeatingItemBecomesARuleUntilItsLastOccurrence() throws {
        let record = try Self.record("Publication: 01/12/2026\nQuand: 15/12/2026\nRépéter: chaque mois\nJusqu'au: 01/03/2027\n")
        let event = try #require(try Self.parsed(Self.single(record)).first)
        #expect(event["DTSTART"] == "2026-12-15")
        // The March occurrence is published on 1 March, its event is on the 15th: it is included.
        #expect(event["RRULE"] == "FREQ=MONTHLY;UNTIL=20270315")
        // The third occurrence's record describes the same series.
        var third = record
        third.occurrence = 3
        third.published = ItemMoment(date: CivilDate(year: 2027, month: 2, day: 1))
        third.when = .day(CivilDate(year: 2027, month: 2, day: 15))
        #expect(try Self.parsed(Self.single(third)).first == event)
        let endless = try Self.record("Publication: 01/12/2026\nQuand: 15/12/2026 à 14 h\nRépéter: chaque année\n")
        #expect(try Self.parsed(Self.single(endless)).first?["RRULE"] == "FREQ=YEARLY")
    }

    /// The series' days as python-dateutil expands the file's RRULE (at most `count`).
    static func expandedDays(_ ics: String, count: Int) throws -> [String] {
        let script = """
            import json, sys, datetime
            import icalendar
            from dateutil.rrule import rrulestr
            event = next(iter(icalendar.Calendar.from_ical(sys.stdin.buffer.read()).walk("VEVENT")))
            start = event.decoded("DTSTART")
            if not isinstance(start, datetime.datetime):
                start = datetime.datetime(start.year, start.month, start.day)
            rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start.replace(tzinfo=None))
            print(json.dumps([d.date().isoformat() for d in rule[:\(count)]]))
            """
        let output = try ExternalProgram.python(script, input: Data(ics.utf8))
        return try JSONDecoder().decode([String].self, from: Data(output.utf8))
    }

    @Test func monthlyOnTheThirtyFirstFallsOnShorterMonthsLastDayInTheCalendarAsInCrieur() throws {
        for day in [29, 30, 31] {
            let record = try Self.record("Publication: 01/01/2027\nQuand: \(day)/01/2027\nRépéter: chaque mois\nJusqu'au: 01/12/2027\n")
            let expanded = try Self.expandedDays(Self.single(record), count: 24)
            let crieur = (0..<12).map { Repetition.monthly.date(CivilDate(year: 2027, month: 1, day: day), shiftedBy: $0).description }
            #expect(expanded == crieur, "day \(day)")
        }
        #expect(Repetition.monthly.date(CivilDate(year: 2027, month: 1, day: 31), shiftedBy: 1).day == 28, "the check means something")
        let leap = try Self.record("Publication: 01/02/2028\nQuand: 29/02/2028\nRépéter: chaque année\nJusqu'au: 01/03/2033\n")
        let crieur = (0..<6).map { Repetition.yearly.date(CivilDate(year: 2028, month: 2, day: 29), shiftedBy: $0).description }
        #expect(try Self.expandedDays(Self.single(leap), count: 10) == crieur)
    }

    @Test func withdrawnItemIsCancelledUnderTheSameUID() throws {
        var record = try Self.record("Quand: 12/12/2026 à 14 h\n")
        let first = try #require(try Self.parsed(Self.single(record)).first)
        record.version = 2
        record.withdrawal = PublishedItem.Withdrawal(reason: "Salle indisponible", time: "2026-12-05T10:00:00+01:00")
        record.recorded = "2026-12-05T10:00:00+01:00"
        let withdrawn = try #require(try Self.parsed(Self.single(record)).first)
        #expect(withdrawn["UID"] == first["UID"])
        #expect(withdrawn["STATUS"] == "CANCELLED")
        #expect(withdrawn["SEQUENCE"] == "1")
        #expect(withdrawn["DTSTAMP"] == "2026-12-05T09:00:00+00:00 UTC")
    }

    @Test func feedHoldsTheLatestVersionOfEachEventNotYetOver() throws {
        var past = try Self.record("Quand: 20/11/2026\n", name: "passe.txt")
        past.title = "Déjà passé"
        var current = try Self.record("Quand: 12/12/2026\n", name: "atelier.txt")
        var corrected = current
        corrected.version = 2
        corrected.title = "Atelier cuisine (nouvelle salle)"
        current.version = 1
        var weekly = try Self.record("Quand: chaque lundi à 10 h\n", name: "permanence.txt")
        weekly.title = "Permanence"
        let noEvent = try Self.record("", name: "service.txt")
        let ics = ICalendarDocument.feed([past, current, corrected, weekly, noEvent], today: CivilDate(year: 2026, month: 12, day: 1),
                                         calendar: Self.calendar, uidDomain: "cpas-exemple.be", stamp: Self.now, organisationName: "CPAS de Exemple")
        let events = try Self.parsed(ics)
        #expect(events.map { $0["SUMMARY"] ?? "" }.sorted() == ["Atelier cuisine (nouvelle salle)", "Permanence"])
        let permanence = try #require(events.first { $0["SUMMARY"] == "Permanence" })
        #expect(permanence["DTSTART"] == "2026-12-07T10:00:00+01:00 Europe/Brussels", "the first Monday from publication")
        #expect(permanence["RRULE"] == "FREQ=WEEKLY;BYDAY=MO")
        #expect(permanence["UID"] == "permanence@cpas-exemple.be")
    }
}

struct ICalendarFilesTests {
    @Test func folderHoldsTheFeedAndOneFilePerEventNotOverWithdrawnOnesCancelled() throws {
        let past = try ICalendarTests.record("Quand: 20/11/2026\n", name: "passe.txt")
        let current = try ICalendarTests.record("Quand: 12/12/2026\n", name: "atelier.txt")
        var withdrawn = try ICalendarTests.record("Quand: 19/12/2026 à 14 h\n", name: "goûter.txt")
        withdrawn.version = 2
        withdrawn.withdrawal = PublishedItem.Withdrawal(reason: nil, time: "2026-12-05T10:00:00+01:00")
        let noEvent = try ICalendarTests.record("", name: "service.txt")
        let files = ICalendarFiles.files([past, current, withdrawn, noEvent], today: CivilDate(year: 2026, month: 12, day: 6),
                                         calendar: ICalendarTests.calendar, uidDomain: "cpas-exemple.be", stamp: ICalendarTests.now,
                                         organisationName: "CPAS de Exemple")
        #expect(files.map(\.name).sorted() == ["agenda.ics", "atelier.ics", "gouter.ics"])
        #expect(files.allSatisfy { !$0.keepOthers }, "a new version replaces the file")
        let cancelled = try #require(files.first { $0.name == "gouter.ics" })
        #expect(try ICalendarTests.parsed(String(decoding: cancelled.data, as: UTF8.self)).first?["STATUS"] == "CANCELLED")
        let feed = try #require(files.first { $0.name == "agenda.ics" })
        #expect(try ICalendarTests.parsed(String(decoding: feed.data, as: UTF8.self)).count == 2)
    }
}
