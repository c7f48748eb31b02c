/// A template that cannot be read or filled in, said in French with its file
/// and line: the centre edits templates, so the message must show where to look.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The template's name as the centre knows it (`message.html`).
    public var template: String
    /// 1-based line of the tag at fault.
    public var line: Int
    public var message: String

    public init(template: String, line: Int, message: String) {
        self.template = template
        self.line = line
        self.message = message
    }

    public var description: String { "Modèle \(template), ligne \(line) : \(message)" }
}
