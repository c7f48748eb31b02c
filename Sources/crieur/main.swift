import CrieurKit
import Foundation

print("Crieur \(Crieur.version) — \(Crieur.curlVersion)")
