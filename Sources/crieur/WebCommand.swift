import CrieurKit
import Foundation

/// `crieur web`: the CGI program the commune's web server runs for the public
/// pages (RFC 3875). Reads the request from the environment and standard
/// input, answers on standard output; never a trace on the page (problems go
/// to standard error, which the web server logs).
enum WebCommand {
    static func run(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        guard args.isEmpty else { throw CommandError.usage("« crieur web » ne prend pas d'argument : le serveur web le lance (CGI).") }
        let environment = ProcessInfo.processInfo.environment
        let workspace = Workspace(root: options.root)
        guard let config = CGIProgram.config(workspace, command: "web",
                                             unavailable: "Ce service est momentanément indisponible. Réessayez plus tard.") else {
            return .success
        }
        let gateway = WebGateway(workspace: workspace, config: config, clock: try options.clock(config))
        var body = Data()
        switch CGIRequest.bodyLength(environment, limit: config.web.maxBodyBytes) {
        case .tooLarge:
            CGIProgram.write(gateway.refusedBody(tooLarge: true))
            return .success
        case .invalid:
            CGIProgram.write(gateway.refusedBody(tooLarge: false))
            return .success
        case .bytes(let length):
            body = FileHandle.standardInput.readData(ofLength: length)
        }
        CGIProgram.write(gateway.handle(CGIRequest.from(environment: environment, body: body)))
        return .success
    }
}
