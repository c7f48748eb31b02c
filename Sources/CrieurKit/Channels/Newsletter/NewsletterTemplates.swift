/// The four newsletter templates of a workspace, parsed: the issue message and
/// the double opt-in confirmation, each as HTML and plain text.
///
/// Read from `templates/newsletter/`; a missing file falls back to the default
/// (`NewsletterDefaultTemplates`). A file that is not UTF-8 or does not parse is
/// a `TemplateError` naming the file and line, so the centre knows what to fix.
public struct NewsletterTemplates: Sendable {
    public var messageHTML: Template
    public var messageText: Template
    public var confirmationHTML: Template
    public var confirmationText: Template

    public static let folder = "templates/newsletter"

    /// The built-in templates.
    public static func defaults() -> NewsletterTemplates {
        // The defaults are tested to parse; failing here is a broken build.
        try! NewsletterTemplates { name in NewsletterDefaultTemplates.files.first { $0.name == name }!.text }
    }

    /// The workspace's templates, defaults filling the gaps.
    public static func load(from workspace: Workspace) throws(TemplateError) -> NewsletterTemplates {
        try NewsletterTemplates { (name: String) throws(TemplateError) -> String in
            let path = workspace.path("\(folder)/\(name)")
            guard (try? FileSystem.info(path)) != nil else {
                return NewsletterDefaultTemplates.files.first { $0.name == name }!.text
            }
            guard case .contents(let data)? = try? FileSystem.read(path, maxBytes: 1 << 20) else {
                throw TemplateError(template: "\(folder)/\(name)", line: 1, message: "le fichier est illisible ou dépasse 1 Mo.")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw TemplateError(template: "\(folder)/\(name)", line: 1, message: "le fichier n'est pas enregistré en UTF-8.")
            }
            return text
        }
    }

    private init(source: (String) throws(TemplateError) -> String) throws(TemplateError) {
        func parse(_ name: String, _ mode: Template.Mode) throws(TemplateError) -> Template {
            try Template(parsing: try source(name), mode: mode, name: "\(NewsletterTemplates.folder)/\(name)")
        }
        messageHTML = try parse("message.html", .html)
        messageText = try parse("message.txt", .text)
        confirmationHTML = try parse("confirmation.html", .html)
        confirmationText = try parse("confirmation.txt", .text)
    }
}
