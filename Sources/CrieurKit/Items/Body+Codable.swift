/// A body stored in `out/archive/` reads like what it is:
/// `{"paragraph": [[{"text": "…"}, {"strong": "…"}]]}`, `{"list": [...]}`,
/// inline runs `{"text": …}`, `{"strong": …}`, `{"link": …, "url": …}`.
extension Body: Codable {
    public init(from decoder: Decoder) throws {
        self.init(blocks: try decoder.singleValueContainer().decode([Block].self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(blocks)
    }
}

extension Body.Block: Codable {
    private enum Key: String, CodingKey { case paragraph, list }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        if let lines = try container.decodeIfPresent([Body.Line].self, forKey: .paragraph) {
            self = .paragraph(lines)
        } else {
            self = .list(try container.decode([Body.Line].self, forKey: .list))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .paragraph(let lines): try container.encode(lines, forKey: .paragraph)
        case .list(let lines): try container.encode(lines, forKey: .list)
        }
    }
}

extension Body.Inline: Codable {
    private enum Key: String, CodingKey { case text, strong, link, url }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        if let text = try container.decodeIfPresent(String.self, forKey: .text) {
            self = .text(text)
        } else if let text = try container.decodeIfPresent(String.self, forKey: .strong) {
            self = .strong(text)
        } else {
            self = .link(text: try container.decode(String.self, forKey: .link),
                         url: try container.decode(String.self, forKey: .url))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .text(let text): try container.encode(text, forKey: .text)
        case .strong(let text): try container.encode(text, forKey: .strong)
        case .link(let text, let url):
            try container.encode(text, forKey: .link)
            try container.encode(url, forKey: .url)
        }
    }
}
