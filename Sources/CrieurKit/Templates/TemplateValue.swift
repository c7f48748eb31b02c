/// A value given to a template. The code decides what each value is: item text
/// is always `.text` (escaped in HTML templates), and only HTML the code itself
/// produced from escaped parts may be `.html`, inserted as it is.
public indirect enum TemplateValue: Sendable, Equatable {
    /// Text as written by a person; escaped in HTML templates, never parsed.
    case text(String)
    /// HTML built by Crieur from escaped parts (a rendered body).
    case html(String)
    case bool(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// An optional text: absent reads as empty, so `{{#x}}` hides it.
    public static func text(_ value: String?) -> TemplateValue { .text(value ?? "") }

    /// Whether `{{#name}}` shows its content (and `{{^name}}` hides it).
    var isTruthy: Bool {
        switch self {
        case .text(let text), .html(let text): return !text.isEmpty
        case .bool(let flag): return flag
        case .list(let values): return !values.isEmpty
        case .object: return true
        }
    }
}
