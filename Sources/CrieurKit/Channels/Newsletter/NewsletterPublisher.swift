/// The newsletter as a channel of the worker. An item writes nothing of its
/// own: its archive record (`out/archive/`) is what the sender gathers into an
/// issue, or sends at once when it is urgent (`NewsletterSender`).
public struct NewsletterPublisher: ChannelPublisher {
    public var channel: Channel { .newsletter }

    public init() {}

    public func render(_ item: Item, context: PublicationContext) throws(ItemRejection) -> ChannelRendering {
        ChannelRendering(files: [])
    }

    public func refresh(_ folder: OutputFolder, published: [PublishedItem], context: PublicationContext) throws {}
}
