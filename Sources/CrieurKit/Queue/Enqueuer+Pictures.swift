import Foundation

/// `crieur enqueue photo.png annonce.txt`: pictures given with their items.
/// A picture is queued with the item that names it (`Image:`), before it, so
/// the worker never takes the item without its picture; a picture no item
/// names is refused, and then nothing is queued.
extension Enqueuer {
    /// Checks every file given as the worker would at `now`; pictures are not
    /// items, they go with the item that names them. The result lists the items,
    /// then each picture no item names.
    /// `known`: `knownItems()`, when the caller checks several batches against one reading.
    public func checkAll(_ sources: [String], now: Date, known: KnownItems? = nil) -> [Checked] {
        let pictureSources = sources.filter { QueueLayout.isImage(($0 as NSString).lastPathComponent) }
        let pictures = Dictionary(
            pictureSources.map { (($0 as NSString).lastPathComponent, $0) }, uniquingKeysWith: { first, _ in first })
        let items = checkItems(sources.filter { !pictureSources.contains($0) }, now: now, pictures: pictures, known: known)
        let named = Set(items.compactMap { $0.item?.image?.fileName })
        let orphans = pictureSources.filter { !named.contains(($0 as NSString).lastPathComponent) }.map { source in
            let name = (source as NSString).lastPathComponent
            return Checked(source: source, data: Data(), item: nil, imageData: nil, problems: [ItemProblem(
                line: nil, message: "L'image « \(name) » n'est l'image d'aucune annonce déposée avec elle.",
                fix: "Ajoutez dans l'annonce les lignes « Image: \(name) » et « Texte alternatif: » (ce que montre l'image), "
                    + "puis déposez l'image et l'annonce ensemble : crieur enqueue \(name) annonce.txt."
            )], reasons: [.format])
        }
        return items + orphans
    }

    /// A picture of that name already waits in `incoming/` with other bytes:
    /// the item would be published with someone else's picture.
    func pictureNameProblem(_ fileName: String, data: Data?) -> ItemProblem? {
        let waiting = "\(layout.directory(.incoming))/\(fileName)"
        guard let data, let info = try? FileSystem.info(waiting) else { return nil }
        if info.size == data.count, case .contents(let bytes)? = try? FileSystem.read(waiting, maxBytes: data.count), bytes == data {
            return nil
        }
        return ItemProblem(
            line: nil, message: "Une autre image nommée « \(fileName) » attend déjà dans la file.",
            fix: "Renommez votre image (par exemple « \(Self.otherName(fileName)) »), corrigez la ligne « Image: » de l'annonce, "
                + "puis déposez-les à nouveau."
        )
    }

    /// Queues a picture under its own name, or finds it already there with the
    /// same bytes; a different picture in the way (deposited since the check)
    /// is an error rather than a silent renaming the item would not follow.
    func depositPicture(_ data: Data, named fileName: String) throws {
        if pictureNameProblem(fileName, data: data) == nil, (try? FileSystem.info("\(layout.directory(.incoming))/\(fileName)")) != nil {
            return
        }
        let name = try deposit(data, preferred: fileName)
        guard name == fileName else {
            try? FileSystem.remove("\(layout.directory(.incoming))/\(name)")
            throw FileSystemError(operation: "rename", path: "\(layout.directory(.incoming))/\(fileName)", code: EEXIST)
        }
    }

    private static func otherName(_ fileName: String) -> String {
        let name = fileName as NSString
        return "\(name.deletingPathExtension)-2.\(name.pathExtension)"
    }
}
