import CrieurKit
import Foundation

/// Parses `data` as an announcement named `fileName` (`.txt` or `.json`) and
/// checks what the parser promises: nothing makes it crash; an accepted item
/// has a title, channels and a body; every refusal has a message and a fix.
public func checkItemParser(_ data: Data, fileName: String) {
    do throws(ItemRejection) {
        let document = try ItemParser().parseDocument(data, fileName: fileName)
        if let item = document.item {
            precondition(!item.title.isEmpty && !item.channels.isEmpty && !item.body.blocks.isEmpty,
                         "an accepted item lacks its title, channels or body")
        }
    } catch {
        precondition(!error.problems.isEmpty, "a refusal without a reason")
        for problem in error.problems {
            precondition(!problem.message.isEmpty && !problem.fix.isEmpty, "a refusal without a message or a fix")
        }
    }
}
