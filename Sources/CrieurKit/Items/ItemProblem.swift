/// One reason an announcement cannot be published, told to staff in French:
/// where (line), what is wrong, and how to fix it.
public struct ItemProblem: Error, Hashable, Sendable {
    /// 1-based line in the file, when the problem has one.
    public var line: Int?
    /// What is wrong, in French, one sentence.
    public var message: String
    /// What to do about it, in French, one sentence.
    public var fix: String

    public init(line: Int?, message: String, fix: String) {
        self.line = line
        self.message = message
        self.fix = fix
    }
}

/// The announcement was refused; every problem found is listed, not only the first.
public struct ItemRejection: Error, Hashable, Sendable {
    public var problems: [ItemProblem]

    public init(_ problems: [ItemProblem]) {
        precondition(!problems.isEmpty, "a rejection names at least one problem")
        self.problems = problems
    }
}
