import Foundation

/// One line per event, in French, for the administrator reading the service's
/// journal. Names items by file name and subscribers by id, never by address.
/// The sink is injected: stderr in the executable, an array in tests.
public struct Logger: Sendable {
    private let clock: any Clock
    private let calendar: CivilCalendar
    private let sink: @Sendable (String) -> Void

    public init(clock: any Clock, calendar: CivilCalendar, sink: @escaping @Sendable (String) -> Void) {
        self.clock = clock
        self.calendar = calendar
        self.sink = sink
    }

    public func info(_ message: String) {
        sink("\(calendar.timestamp(clock.now())) \(Logger.singleLine(message))")
    }

    public func error(_ message: String) {
        sink("\(calendar.timestamp(clock.now())) ERREUR \(Logger.singleLine(message))")
    }

    /// File names come from staff and attackers alike: a newline in one must not
    /// forge a second log line.
    static func singleLine(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}" {
                out += "?"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
