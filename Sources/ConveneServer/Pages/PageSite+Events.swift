import ConveneApp
import ConveneCore
import ConveneMail
import ConveneStore
import Foundation

/// A person's page across the events they are in: a part per event, and the event each form answers for.
extension PageSite {
    /// The page: a part per event the person is in, the notice of a form just saved in its event's part.
    func page(person: String, token: Substring, query: [String: String]) throws -> Answer {
        let events = try directory.events(of: person)
        // Someone no longer in any event's plan: the same 404 as an unknown token.
        guard !events.isEmpty else { return Self.notFound() }
        let several = events.count > 1
        let formKey = Self.formKey(token: token)
        var sections: [[String: Any]] = []
        var language = Language.en, name = "", titles: [String] = []
        for id in events {
            let store = directory.scoped(to: id)
            let page = try PersonalPage.load(person: person, from: store)
            if sections.isEmpty { (language, name) = (page.person.language, page.person.name) }
            titles.append(page.eventName)
            let words = PageTemplates.words[language.rawValue] ?? PageTemplates.words["en"]!
            var context: [String: Any] = [
                "event": page.eventName, "name": page.person.name, "zone": page.person.timeZone, "eventZone": page.eventZone,
                "otherZone": page.person.timeZone != page.eventZone, "idPrefix": several ? "\(id)-" : "",
                "sessions": page.items.map { item -> [String: Any] in
                    var c: [String: Any] = [
                        "id": item.session, "title": item.title, "role": item.role, "room": item.room, "homeTime": item.homeTime,
                        "answerText": words[item.answer?.rawValue ?? "none"]!, "answerClass": item.answer?.rawValue ?? "none",
                    ]
                    if let t = item.eventTime { c["eventTime"] = t }
                    if let o = item.online { c["online"] = o }
                    if let comment = item.comment { c["comment"] = comment }
                    return c
                },
            ]
            // The forms of a page of several events say which one they answer for.
            if several { context["eventField"] = id }
            context["grid"] = try gridContext(person: person, language: page.person.language, store: store)
            context["calendar"] = try calendarContext(person: person, words: words, store: store)
            if let said = query["said"], let notice = words[said], query["event"] == (several ? id : nil) { context["notice"] = notice }
            sections.append(context)
        }
        let context: [String: Any] = ["event": titles.joined(separator: " · "), "name": name, "token": String(token),
                                      "formKey": formKey, "events": sections]
        return Self.secured(.ok, contentType: "text/html; charset=utf-8", templates["page.\(language.rawValue)"]!.render(context))
    }

    /// The event a form answers for: the one it names, which must be one of the person's, or their only one.
    func target(of form: FormBody, for person: String) throws -> (store: Store, event: String?) {
        let events = try directory.events(of: person)
        if let named = form["event"] {
            guard events.contains(named) else {
                throw Refusal(answer: Self.secured(.badRequest, contentType: "text/plain; charset=utf-8",
                                                   "This form is for an event you are not in: reload the page.\n"))
            }
            return (directory.scoped(to: named), events.count > 1 ? named : nil)
        }
        guard events.count == 1 else {
            throw Refusal(answer: Self.secured(.badRequest, contentType: "text/plain; charset=utf-8",
                                               "The form does not say which event it is for: reload the page.\n"))
        }
        return (directory.scoped(to: events[0]), nil)
    }

    /// Where a saved form sends the browser back to: the page, the notice shown in the event's part, at `anchor` there.
    static func back(_ token: Substring, said: String, event: String?, anchor: String) -> Answer {
        seeOther("/p/\(token)?said=\(said)" + (event.map { "&event=\($0)#\($0)-" } ?? "#") + anchor)
    }

    /// The availability grid as the template reads it: days of cells, each with its mark on record.
    private func gridContext(person: String, language: Language, store: Store) throws -> [String: Any] {
        let grid = try ChangePipeline(store: store).availabilityGrid(for: person)
        let zone = ZoneRules(identifier: grid.zone)
        var c: [String: Any] = [
            "anyTime": grid.anyTime, "zone": grid.zone, "note": grid.note ?? "",
            "days": grid.days.map { day -> [String: Any] in
                ["date": Self.dayText(day.date, language: language), "cells": day.cells.map { cell -> [String: Any] in
                    ["id": cell.id, "label": cell.label, "endLabel": cell.endLabel, "available": cell.mark == .available,
                     "ifNeedBe": cell.mark == .ifNeedBe, "unavailable": cell.mark == .unavailable]
                }]
            },
        ]
        if let at = grid.answeredAt, let zone {
            let local = zone.local(at)
            c["answeredAt"] = "\(local.date.iso8601) \(local.timeText)"
        }
        return c
    }

    /// The live calendar part: the address field (empty: the address is not shown again, it is a
    /// secret and the page may be on a shared screen), and what was read and when, or the error.
    private func calendarContext(person: String, words: [String: String], store: Store) throws -> [String: Any] {
        var c: [String: Any] = [:]
        guard let shown = try LiveCalendars(store: store, fetcher: fetcher).shown(for: person) else { return c }
        let (calendar, zone, inDays) = (shown.calendar, shown.zone, shown.inEventDays)
        c["saved"] = true
        c["address"] = CalendarFetcher.redacted(calendar.address)
        if let at = calendar.state.fetchedAt {
            let local = zone.local(at)
            c["fetchedAt"] = "\(local.date.iso8601) \(local.timeText)"
        }
        if let error = calendar.state.error { c["error"] = error }
        c["count"] = inDays.count
        c["countText"] = (words["busyCount"] ?? "%d").replacingOccurrences(of: "%d", with: String(inDays.count))
        c["busy"] = inDays.map { b -> [String: Any] in
            let from = zone.local(b.interval.start), to = zone.local(b.interval.end)
            let end = from.date == to.date ? to.timeText : "\(to.date.iso8601) \(to.timeText)"
            return ["text": "\(from.date.iso8601) \(from.timeText)–\(end)" + (b.strength == .tentative ? " (\(words["busyTentative"] ?? "tentative"))" : "")]
        }
        return c
    }
}
