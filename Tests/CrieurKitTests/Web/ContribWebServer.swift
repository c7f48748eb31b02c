import Foundation
import Testing
@testable import CrieurKit
#if canImport(Glibc)
import Glibc
#endif

/// The set-up files of `contrib/web/`, read at test time as the commune's IT
/// person copies them; only the install paths change, each replacement must be
/// found in the file, so the list says exactly what the tests change.
enum ContribWeb {
    static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Web, CrieurKitTests, Tests: the repository
        return url.appendingPathComponent("contrib/web").path
    }()

    static func text(_ name: String, replacing replacements: [(String, String)]) throws -> String {
        var text = try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
        for (old, new) in replacements {
            guard text.contains(old) else { throw ExternalProgram.Failure(description: "contrib/web/\(name) no longer says « \(old) »") }
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    /// Writes the file, with its replacements, to `path`.
    static func install(_ name: String, to path: String, replacing replacements: [(String, String)], mode: mode_t = 0o644) throws {
        try Data(text(name, replacing: replacements).utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode)
    }
}

/// A workspace set up as the README asks: `lettre.cgi` and `bureau.cgi` of
/// `contrib/web/` in a folder standing for `/usr/local/lib/crieur/`,
/// `permissions.sh` run on the workspace (as root, with `nogroup` for the web
/// server's group `www-data`; the worker stays root), and a password file made
/// by `htpasswd`. As root the web side is `nobody`.
final class ContribSite {
    let workspace: TestWorkspace
    let folder: String
    let user: String?
    var lettre: String { "\(folder)/lettre.cgi" }
    var bureau: String { "\(folder)/bureau.cgi" }
    var passwords: String { "\(folder)/crieur.htpasswd" }

    init(_ workspace: TestWorkspace, users: [String: String]) throws {
        self.workspace = workspace
        folder = workspace.path("www-test")
        user = getuid() == 0 ? "nobody" : nil
        try FileSystem.makeDirectory(folder)
        chmod(folder, 0o755)
        let program = [("/usr/local/bin/crieur", CrieurBinary.path), ("/srv/crieur", workspace.root)]
        try ContribWeb.install("lettre.cgi", to: lettre, replacing: program, mode: 0o755)
        try ContribWeb.install("bureau.cgi", to: bureau, replacing: program, mode: 0o755)
        if user != nil {
            let script = "\(folder)/permissions.sh"
            try ContribWeb.install("permissions.sh", to: script, replacing: [
                ("root=/srv/crieur", "root='\(workspace.root)'"), ("chown -R crieur:", "chown -R root:"), ("www-data", "nogroup"),
            ])
            _ = try ExternalProgram.run(["/bin/sh", script], seconds: 30)
        }
        for (name, password) in users.sorted(by: { $0.key < $1.key }) {
            _ = try ExternalProgram.run(["htpasswd", "-b", "-B"] + (access(passwords, F_OK) == 0 ? [] : ["-c"]) + [passwords, name, password], seconds: 30)
        }
        chmod(passwords, 0o644)
    }
}

/// Apache httpd or nginx with fcgiwrap serving the site as `contrib/web/`'s
/// files say (the public pages at `/lettre`, the desk at `/bureau`), on a free
/// loopback port, from a configuration in the site's folder that includes those
/// files. The rest of the configuration is what Debian's gives them: Apache's
/// modules enabled by default plus `cgid` (`a2enmod cgid`), access to the file
/// system denied outside what the files grant; Debian's `fastcgi_params`, and
/// fcgiwrap listening on a socket like its systemd unit. As root, Apache's
/// children, nginx's worker and fcgiwrap (so the CGIs) run as `nobody`.
enum ContribWebServer: String, CaseIterable, CustomStringConvertible {
    case apache
    case nginx

    var description: String { rawValue }

    var programs: [String] {
        switch self {
        case .apache: ["/usr/sbin/apache2", "/usr/bin/htpasswd", "/usr/bin/curl"]
        case .nginx: ["/usr/sbin/nginx", "/usr/sbin/fcgiwrap", "/usr/bin/htpasswd", "/usr/bin/curl"]
        }
    }

    var isInstalled: Bool { programs.allSatisfy { access($0, X_OK) == 0 } }

    func start(_ site: ContribSite) throws -> ForegroundServer {
        switch self {
        case .apache: try startApache(site)
        case .nginx: try startNginx(site)
        }
    }

    private func startApache(_ site: ContribSite) throws -> ForegroundServer {
        let folder = site.folder
        try ContribWeb.install("apache-crieur.conf", to: "\(folder)/crieur.conf", replacing: [("/usr/local/lib/crieur/lettre.cgi", site.lettre)])
        try ContribWeb.install("apache-bureau.conf", to: "\(folder)/crieur-bureau.conf", replacing: [
            ("/usr/local/lib/crieur/bureau.cgi", site.bureau), ("/etc/apache2/crieur.htpasswd", site.passwords),
        ])
        let modules = ["mpm_event", "authz_core", "authz_user", "authn_core", "authn_file", "auth_basic", "alias", "cgid"]
        return try ForegroundServer(name: "apache", folder: folder) { port in
            var config = """
            ServerRoot "\(folder)"
            ServerName 127.0.0.1
            Listen 127.0.0.1:\(port)
            PidFile "\(folder)/apache-\(port).pid"
            ErrorLog /dev/stderr
            ScriptSock "\(folder)/cgid-\(port).sock"

            """
            config += modules.map { "LoadModule \($0)_module /usr/lib/apache2/modules/mod_\($0).so\n" }.joined()
            if let user = site.user { config += "User \(user)\nGroup nogroup\n" }
            config += """
            <Directory />
                AllowOverride None
                Require all denied
            </Directory>
            Include "\(folder)/crieur.conf"
            Include "\(folder)/crieur-bureau.conf"

            """
            let path = "\(folder)/apache-\(port).conf"
            try Data(config.utf8).write(to: URL(fileURLWithPath: path))
            return [["/usr/sbin/apache2", "-f", path, "-DFOREGROUND"]]
        }
    }

    private func startNginx(_ site: ContribSite) throws -> ForegroundServer {
        let folder = site.folder
        // fcgiwrap's socket, in a folder of the web side's user (who creates it).
        let sockets = "\(folder)/run"
        try FileSystem.makeDirectory(sockets)
        if site.user != nil { chown(sockets, getpwnam("nobody")!.pointee.pw_uid, getgrnam("nogroup")!.pointee.gr_gid) }
        let socket = "\(sockets)/fcgiwrap.socket"
        try ContribWeb.install("nginx-crieur.conf", to: "\(folder)/crieur.conf", replacing: [
            ("/usr/local/lib/crieur/lettre.cgi", site.lettre), ("unix:/run/fcgiwrap.socket", "unix:\(socket)"),
        ])
        try ContribWeb.install("nginx-bureau.conf", to: "\(folder)/crieur-bureau.conf", replacing: [
            ("/usr/local/lib/crieur/bureau.cgi", site.bureau), ("/etc/nginx/crieur.htpasswd", site.passwords),
            ("unix:/run/fcgiwrap.socket", "unix:\(socket)"),
        ])
        // `include fastcgi_params` is relative to the configuration's folder: Debian's file, copied there.
        try? FileManager.default.removeItem(atPath: "\(folder)/fastcgi_params")
        try FileManager.default.copyItem(atPath: "/etc/nginx/fastcgi_params", toPath: "\(folder)/fastcgi_params")
        return try ForegroundServer(name: "nginx", folder: folder, ready: [socket]) { port in
            var config = """
            daemon off;
            worker_processes 1;
            pid "\(folder)/nginx-\(port).pid";
            error_log stderr notice;

            """
            if let user = site.user { config += "user \(user) nogroup;\n" }
            config += """
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path "\(folder)/nginx-body";
                fastcgi_temp_path "\(folder)/nginx-fastcgi";
                proxy_temp_path "\(folder)/nginx-proxy";
                uwsgi_temp_path "\(folder)/nginx-uwsgi";
                scgi_temp_path "\(folder)/nginx-scgi";
                server {
                    listen 127.0.0.1:\(port);
                    include "\(folder)/crieur.conf";
                    include "\(folder)/crieur-bureau.conf";
                }
            }

            """
            let path = "\(folder)/nginx-\(port).conf"
            try Data(config.utf8).write(to: URL(fileURLWithPath: path))
            try? FileManager.default.removeItem(atPath: socket)
            // As Debian's unit runs it (`-f`: the CGIs' errors go to nginx's log), as the web side's user.
            let fcgiwrap = ["/usr/sbin/fcgiwrap", "-f", "-s", "unix:\(socket)"]
            let asUser = site.user.map { ["/usr/bin/setpriv", "--reuid", $0, "--regid", "nogroup", "--clear-groups"] } ?? []
            return [asUser + fcgiwrap, ["/usr/sbin/nginx", "-e", "stderr", "-c", path]]
        }
    }
}
