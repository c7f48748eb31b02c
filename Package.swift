// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Crieur",
    products: [
        .executable(name: "crieur", targets: ["crieur"]),
        .library(name: "CrieurKit", targets: ["CrieurKit"]),
    ],
    targets: [
        // libcurl, found through pkg-config; Debian ships it as libcurl4-openssl-dev.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // Typed wrappers around libcurl's variadic functions, which Swift cannot call.
        .target(name: "CCurlShims", dependencies: ["CCurl"]),
        // Linux calls that Glibc's Swift module does not expose (renameat2) and the
        // async-signal-safe stop handler of the worker.
        .target(name: "CSystemShims"),
        .target(name: "CrieurKit", dependencies: ["CCurlShims", "CSystemShims"]),
        .executableTarget(name: "crieur", dependencies: ["CrieurKit"]),
        // Python helpers the tests run (a real MIME parser, an aiosmtpd handler), and the sample announcements.
        .testTarget(name: "CrieurKitTests", dependencies: ["CrieurKit"], exclude: ["Delivery/Fixtures", "Fixtures"]),
        // A channel added from outside CrieurKit, through its public registry alone (no @testable).
        .testTarget(name: "ChannelPluginTests", dependencies: ["CrieurKit"]),
    ]
)
