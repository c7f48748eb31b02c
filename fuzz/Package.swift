// swift-tools-version:6.0
// libFuzzer targets for Crieur's parsers of untrusted input. A separate package:
// a fuzz target has no `main` (libFuzzer brings its own), which would break the
// normal build of the main package. Build and run them with `scripts/fuzz`.
import PackageDescription

let package = Package(
    name: "CrieurFuzz",
    dependencies: [.package(name: "Crieur", path: "..")],
    targets: [
        // What the targets share: the CPU-time budget of one input, the item parser's promises.
        .target(name: "FuzzSupport", dependencies: [.product(name: "CrieurKit", package: "Crieur")]),
    ] + [
        "FuzzItemText", "FuzzItemJSON", "FuzzConfig", "FuzzSubscriberCSV", "FuzzTemplate", "FuzzMailHeader",
        "FuzzIncomingMail",
    ].map { name in
        .executableTarget(name: name, dependencies: ["FuzzSupport", .product(name: "CrieurKit", package: "Crieur")])
    }
)
