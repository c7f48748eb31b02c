import Foundation
@testable import CrieurKit

/// The French problems an administrator would see for a configuration text;
/// none when it parses.
func configProblems(_ text: String) -> [String] {
    do {
        _ = try CrieurConfig.parse(Data(text.utf8))
        return []
    } catch {
        return error.problems.map(\.message)
    }
}
