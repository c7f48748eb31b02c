import CrieurKit
import Foundation

/// `crieur bureau`: the CGI program the commune's web server runs, behind its
/// authentication, for the staff desk (RFC 3875). Checks `CONTENT_LENGTH`
/// before reading anything, reads a body only for a POST of someone with a
/// role (`DeskGateway.readsBody`), streams a body with a picture into a temporary
/// file of the desk's upload folder (removed before exiting) and hands it to
/// `DeskGateway`; never a trace on the page (problems go to standard error,
/// which the web server logs).
enum BureauCommand {
    static func run(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        guard args.isEmpty else { throw CommandError.usage("« crieur bureau » ne prend pas d'argument : le serveur web le lance (CGI).") }
        let environment = ProcessInfo.processInfo.environment
        let workspace = Workspace(root: options.root)
        guard let config = CGIProgram.config(workspace, command: "bureau", unavailable:
            "Le bureau est momentanément indisponible : sa configuration ne se lit pas. Prévenez l'informaticien de la commune.") else {
            return .success
        }
        let secret = DeskSecret.read(in: workspace)
        if secret == nil { Console.err("crieur bureau : \(DeskSecret.relativePath) manque ou est illisible : lancez « crieur init » et contrib/web/permissions.sh") }
        let gateway = DeskGateway(workspace: workspace, config: config, clock: try options.clock(config), secret: secret)
        let bare = CGIRequest.from(environment: environment, body: Data())
        switch CGIRequest.bodyLength(environment, limit: DeskGateway.bodyLimit(config)) {
        case .tooLarge:
            CGIProgram.write(gateway.refusedBody(bare, tooLarge: true))
        case .invalid:
            CGIProgram.write(gateway.refusedBody(bare, tooLarge: false))
        case .bytes(let length):
            var request = bare
            var spool: String?
            defer { if let spool { unlink(spool) } }
            if length > 0, gateway.readsBody(of: bare) {
                if bare.multipartBoundary != nil, let path = try? DeskBodySpool.stream(FileHandle.standardInput, length: length,
                                                                                        into: DeskDropFolder(workspace: workspace).uploadDirectory) {
                    spool = path
                    request.body = (try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)) ?? Data()
                } else {
                    request.body = FileHandle.standardInput.readData(ofLength: length)
                }
            }
            CGIProgram.write(gateway.handle(request))
        }
        return .success
    }
}
