import ArgumentParser
import ConveneApp

/// `convene undo`: go back to the draft before the latest change.
struct Undo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Return to the schedule before the latest change, as a new draft version (nothing is erased).",
        discussion: """
            Undo again to step further back. An undo is checked like any change: one that would bring \
            back a conflict is refused, naming it, unless --force is given.
            """)

    @OptionGroup var options: EditOptions

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failing { try options.apply(UndoLastChange(), database) }
    }
}
