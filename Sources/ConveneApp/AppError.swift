/// A change or publish that cannot be worked out as asked: a name the plan does not have, a
/// step that needs an earlier one first, a reply from someone unknown. Nothing was saved.
public struct AppError: Error, CustomStringConvertible, Equatable {
    /// What went wrong, in words.
    public var message: String

    /// An error saying `message`.
    public init(_ message: String) { self.message = message }

    /// `error: ` and the message, as the CLI prints it.
    public var description: String { "error: \(message)" }

    /// Asked of a database no plan was imported into.
    public static let noEvent = AppError("no event imported yet (run `convene import PLAN`)")
    /// Asked for a schedule before the first one.
    public static let noSchedule = AppError("no schedule yet (run `convene schedule`)")
    /// Asked for the published schedule before the first publish.
    public static let nothingPublished = AppError("nothing published yet (run `convene publish`)")
}
