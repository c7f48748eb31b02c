/// A desk or `crieur review` action that cannot be done, said in French to the
/// person who asked: not allowed, unknown entry, or an item the queue would
/// refuse (then `problems` are the same lines `crieur enqueue` prints).
public struct DeskRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The person's role does not allow it.
        case notAllowed
        /// No such entry in `queue/review/`, or no such item.
        case unknown
        /// The item would be refused by the queue (format, readability, dates…).
        case invalidItem
        /// The entry is not in a state that allows it (already approved…).
        case wrongState
    }

    public var kind: Kind
    public var message: String
    public var problems: [String]

    public init(_ kind: Kind, _ message: String, problems: [String] = []) {
        self.kind = kind
        self.message = message
        self.problems = problems
    }

    public var description: String {
        ([message] + problems).joined(separator: "\n")
    }
}

extension ItemProblem {
    /// The problem as `crieur enqueue` prints it: « source:ligne : message » then
    /// « → correction »; without a source, « Ligne N : message ».
    public func consoleText(source: String?) -> String {
        let place: String?
        switch (source, line) {
        case let (source?, line?): place = "\(source):\(line)"
        case let (source?, nil): place = source
        case let (nil, line?): place = "Ligne \(line)"
        case (nil, nil): place = nil
        }
        return (place.map { "\($0) : " } ?? "") + "\(message)\n    → \(fix)"
    }
}
