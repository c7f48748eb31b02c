// crieur — the command line of Crieur. Each subcommand is a file of its own and
// a thin layer over CrieurKit; this file reads the global options and maps
// outcomes to the exit codes of PRODUCT.md.
import CrieurKit
import Foundation

#if canImport(Glibc)
import Glibc
#endif

exit(Dispatcher.run(Array(CommandLine.arguments.dropFirst())).rawValue)
