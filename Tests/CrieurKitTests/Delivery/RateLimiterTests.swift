import Foundation
import Testing
@testable import CrieurKit

@Suite struct RateLimiterTests {
    let start = Date(timeIntervalSince1970: 1_772_438_400)

    @Test func withoutLimitsEveryMessageMayLeaveAtOnce() {
        var limiter = RateLimiter()
        for second in 0..<1000 { limiter.record(start.addingTimeInterval(Double(second) / 100)) }
        #expect(limiter.nextSendTime(now: start.addingTimeInterval(10)) == start.addingTimeInterval(10))
    }

    @Test func perMinuteCapMakesTheNextMessageWaitForTheOldestToAge() {
        var limiter = RateLimiter(perMinute: 30)
        for second in 0..<30 {
            let now = start.addingTimeInterval(Double(second))
            #expect(limiter.nextSendTime(now: now) == now)
            limiter.record(now)
        }
        // The 31st waits until the first is a minute old, the 32nd until the second is.
        let now = start.addingTimeInterval(30)
        #expect(limiter.nextSendTime(now: now) == start.addingTimeInterval(60))
        limiter.record(start.addingTimeInterval(60))
        #expect(limiter.nextSendTime(now: start.addingTimeInterval(60)) == start.addingTimeInterval(61))
    }

    @Test func perDayCapContinuesTheNextDay() {
        var limiter = RateLimiter(perMinute: 1000, perDay: 3)
        for minute in 0..<3 { limiter.record(start.addingTimeInterval(Double(minute) * 60)) }
        #expect(limiter.nextSendTime(now: start.addingTimeInterval(600)) == start.addingTimeInterval(86_400))
        #expect(limiter.nextSendTime(now: start.addingTimeInterval(90_000)) == start.addingTimeInterval(90_000))
    }
}
