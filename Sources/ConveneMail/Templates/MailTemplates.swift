import ConveneCore
import Mustache

/// The body templates in force for an event: the plan's overrides, else the defaults.
public struct MailTemplates: Sendable {
    private let templates: [String: MustacheTemplate]

    /// Compiles the defaults and the overrides; a bad override is an error naming its key and line.
    public init(overrides: [String: String] = [:]) throws {
        var compiled: [String: MustacheTemplate] = [:]
        for (key, text) in DefaultTemplates.all { compiled[key] = try! MustacheTemplate(string: text) }
        for (key, text) in overrides.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: ".")
            guard parts.count == 2, NoticeKind(rawValue: String(parts[0])) != nil, Language(rawValue: String(parts[1])) != nil else {
                throw MailError("plan templates: '\(key)' is not a template name; use one of "
                    + DefaultTemplates.all.keys.sorted().joined(separator: ", "))
            }
            // Plain-text mail: never HTML-escape, whether or not the organizer wrote the pragma.
            let body = text.contains("CONTENT_TYPE") ? text : "{{% CONTENT_TYPE: TEXT}}\n" + text
            do {
                compiled[key] = try MustacheTemplate(string: body)
            } catch let e as MustacheTemplate.ParserError {
                let shift = body == text ? 0 : 1
                throw MailError("plan templates: '\(key)' line \(e.context.lineNumber - shift), column "
                    + "\(e.context.columnNumber): \(e.error) near '\(e.context.line)'")
            }
        }
        templates = compiled
    }

    /// The body for a kind of message in a language, rendered with `context`.
    func render(_ kind: NoticeKind, language: Language, context: [String: Any]) -> String {
        templates["\(kind.rawValue).\(language.rawValue)"]!.render(context)
    }
}
