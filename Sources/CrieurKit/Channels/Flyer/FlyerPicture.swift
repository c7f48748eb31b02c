import Foundation

/// A picture printed on a flyer (the item's picture, the centre's logo): its
/// bytes, their media type and what it shows, for readers who cannot see it.
public struct FlyerPicture: Sendable, Equatable {
    public var data: Data
    public var mediaType: String
    public var alternativeText: String

    public init(data: Data, mediaType: String, alternativeText: String) {
        self.data = data
        self.mediaType = mediaType
        self.alternativeText = alternativeText
    }

    /// The picture named `fileName`, its type from the extension; nil for a type
    /// a page cannot show.
    public init?(data: Data, fileName: String, alternativeText: String) {
        guard let type = Self.mediaTypes[(fileName as NSString).pathExtension.lowercased()] else { return nil }
        self.init(data: data, mediaType: type, alternativeText: alternativeText)
    }

    static let mediaTypes = [
        "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "webp": "image/webp",
        "svg": "image/svg+xml",
    ]

    /// A `data:` URL, so that the HTML page is one self-contained file.
    var dataURL: String { "data:\(mediaType);base64,\(data.base64EncodedString())" }
}
