import Foundation
@testable import CrieurKit

/// Small helpers so each test reads as "this text gives these problems".
enum ItemTestSupport {
    /// A valid header to which tests add or change lines.
    static let validHeader = "Titre: Repair café\nCanaux: newsletter, facebook\n"

    static func document(_ text: String, fileName: String = "annonce.txt") -> Result<ItemDocument, ItemRejection> {
        document(Data(text.utf8), fileName: fileName)
    }

    static func document(_ data: Data, fileName: String = "annonce.txt") -> Result<ItemDocument, ItemRejection> {
        do throws(ItemRejection) {
            return .success(try ItemParser().parseDocument(data, fileName: fileName))
        } catch {
            return .failure(error)
        }
    }

    static func item(_ text: String, fileName: String = "annonce.txt") -> Item? {
        item(Data(text.utf8), fileName: fileName)
    }

    static func item(_ data: Data, fileName: String = "annonce.txt") -> Item? {
        try? ItemParser().parse(data, fileName: fileName)
    }

    /// Every problem `parse` reports; empty when the item is accepted.
    static func problems(_ text: String, fileName: String = "annonce.txt") -> [ItemProblem] {
        problems(Data(text.utf8), fileName: fileName)
    }

    static func problems(_ data: Data, fileName: String = "annonce.txt", maxBytes: Int = 1_048_576) -> [ItemProblem] {
        do throws(ItemRejection) {
            _ = try ItemParser(maxBytes: maxBytes).parse(data, fileName: fileName)
            return []
        } catch {
            return error.problems
        }
    }

    /// A valid item with `line` added to its header.
    static func withHeaderLine(_ line: String) -> String {
        validHeader + line + "\n---\nUn texte.\n"
    }
}
