import Foundation

/// The `flyer` channel in the worker: `FlyerRenderer`'s four files per item
/// (poster and flyer, HTML and flat ODF) in `out/flyer/`, their PDFs, and
/// `index.html` listing them for staff (`FlyerIndexHTML`).
///
/// The PDFs are made in `refresh`, after the files are written, by LibreOffice
/// where it is installed (`LibreOfficePDF`): one per `.fodt` that has none or
/// an older one, and a PDF whose `.fodt` is gone (a replaced or withdrawn
/// version) is removed. Without LibreOffice there is no PDF and no error:
/// staff print the HTML page or open the `.fodt`. A conversion that fails is
/// thrown after the others were tried; the worker logs it and the next
/// refresh tries again. A withdrawn item's sheets are removed, so that nobody
/// prints a cancelled event; the logo the configuration names is read once,
/// and a missing one is a warning on each item, never a refusal.
public struct FlyerPublisher: ChannelPublisher {
    public var channel: Channel { FlyerChannel.channel }
    public let renderer: FlyerRenderer
    /// Why the configured logo could not be used, in French; nil when it could (or none is set).
    public let logoProblem: String?
    public let pdf: LibreOfficePDF?

    public init(settings: FlyerSettings, root: String, organisationName: String, pdf: LibreOfficePDF?) {
        var logo: FlyerPicture?
        var problem: String?
        do {
            logo = try FlyerRenderer.loadLogo(settings: settings, root: root, organisationName: organisationName)
        } catch {
            problem = "\(error) L'affiche est imprimée sans logo : corrigez « flyer.logoPath » dans config/crieur.json5."
        }
        self.renderer = FlyerRenderer(settings: settings, logo: logo)
        self.logoProblem = problem
        self.pdf = pdf
    }

    public func render(_ item: Item, context: PublicationContext) throws(ItemRejection) -> ChannelRendering {
        ChannelRendering(files: try renderer.render(item, context: context), warnings: logoProblem.map { [$0] } ?? [])
    }

    /// The overflow estimate and the QR code's length limit cost no printing: asked before readability.
    public func limitProblems(_ item: Item, context: PublicationContext) -> [ItemProblem] {
        do {
            _ = try renderer.sheet(item, context: context)
            return []
        } catch {
            return error.problems
        }
    }

    public func retract(_ record: PublishedItem, files: [String], folder: OutputFolder, context: PublicationContext) throws {
        for name in files {
            try folder.remove(name)
            if name.hasSuffix(".fodt") { try folder.remove(Self.pdfName(of: name)) }
        }
    }

    public func refresh(_ folder: OutputFolder, published: [PublishedItem], context: PublicationContext) throws {
        let names = Set(try folder.names())
        for name in names where name.hasSuffix(".pdf") && !names.contains(Self.documentName(ofPDF: name)) {
            try folder.remove(name)
        }
        var failures: [Error] = []
        for name in names.sorted() where name.hasSuffix(".fodt") {
            guard let pdf else { break }
            let document = "\(folder.path)/\(name)", target = "\(folder.path)/\(Self.pdfName(of: name))"
            guard let source = try FileSystem.info(document) else { continue }
            if let made = try FileSystem.info(target), made.modified >= source.modified { continue }
            do {
                try pdf.convert(document, to: target)
            } catch {
                failures.append(error)
            }
        }
        let present = Set(try folder.names())
        let index = FlyerIndexHTML.render(FlyerIndexHTML.entries(published, names: present, today: context.today),
                                          organisationName: context.config.organisation.name)
        _ = try folder.write(OutputFile(name: FlyerIndexHTML.fileName, data: Data(index.utf8), keepOthers: false))
        if let first = failures.first { throw first }
    }

    static func pdfName(of document: String) -> String {
        (document as NSString).deletingPathExtension + ".pdf"
    }

    static func documentName(ofPDF name: String) -> String {
        (name as NSString).deletingPathExtension + ".fodt"
    }
}
