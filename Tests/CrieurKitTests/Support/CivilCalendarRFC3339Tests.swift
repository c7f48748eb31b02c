import Foundation
import Testing
@testable import CrieurKit

@Suite struct CivilCalendarRFC3339Tests {
    let calendar = CivilCalendar(timeZone: TimeZone(identifier: "Europe/Brussels")!)

    @Test func whatRFC3339WritesReadsBackToTheSameInstantEvenInTheHourRepeatedInAutumn() throws {
        // 25 October 2026: 02:30 happens twice in Brussels, at +02:00 then at +01:00.
        let first = Date(timeIntervalSince1970: 1_792_888_200)  // 2026-10-25T00:30:00Z
        let second = first.addingTimeInterval(3600)
        #expect(calendar.rfc3339(first) == "2026-10-25T02:30:00+02:00")
        #expect(calendar.rfc3339(second) == "2026-10-25T02:30:00+01:00")
        for instant in [first, second, Date(timeIntervalSince1970: 1_796_112_000)] {
            #expect(calendar.parseRFC3339(calendar.rfc3339(instant)) == instant)
        }
    }

    @Test func aLocalTimestampWithoutOffsetIsReadInTheCentresZone() {
        #expect(calendar.parseRFC3339("2026-12-01 10:00:00") == calendar.parseLocalTimestamp("2026-12-01T10:00:00"))
        #expect(calendar.parseRFC3339("pas une date") == nil)
        #expect(calendar.parseRFC3339("2026-12-01T10:00:00+1:00") == nil)
    }
}
