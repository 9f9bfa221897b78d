import ConveneTestFixtures
import Foundation
import Testing
@testable import ConveneStore

/// "A publish happened", told through LISTEN/NOTIFY from one connection to another.
@Suite(.enabled(if: PostgresServer.unavailable == nil, Comment(rawValue: PostgresServer.unavailable ?? "")))
struct PostgresNotifyTests {
    /// Gathers what the listener heard, with when.
    actor Heard {
        var releases: [(Int64, ContinuousClock.Instant)] = []
        func add(_ release: Int64) { releases.append((release, .now)) }
        func first(_ release: Int64) -> ContinuousClock.Instant? { releases.first { $0.0 == release }?.1 }
    }

    @Test func anAnnouncedPublishIsHeardByAnotherConnection() async throws {
        let address = try PostgresAddress(try PostgresServer.shared.get().makeDatabase(), password: PostgresServer.password)
        let listener = try await PostgresLink.open(address), publisher = try await PostgresLink.open(address)
        let heard = Heard()
        let (ready, readySignal) = AsyncStream.makeStream(of: Void.self)
        let listening = Task {
            // Should listening fail, the wait below ends too, and the failure is this task's value.
            defer { readySignal.finish() }
            try await listener.listenForPublishes(listening: { readySignal.yield(); readySignal.finish() }) { release in
                await heard.add(release)
                return release != 7
            }
        }
        // Announcements made before the listener is in place go unheard: wait until it says it is.
        for await _ in ready { break }
        // Heard, not how fast: on an idle machine in milliseconds (the issue asks within a second), but a
        // loaded test machine may stall any process, and time is measured by benchmarks, not tests.
        let sent = ContinuousClock.now
        try await publisher.announcePublish(release: 7)
        while await heard.first(7) == nil && ContinuousClock.now < sent + .seconds(30) {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(await heard.first(7) != nil, "release 7 announced but not heard in 30 s")
        try await listening.value
        await listener.close()
        await publisher.close()
    }
}
