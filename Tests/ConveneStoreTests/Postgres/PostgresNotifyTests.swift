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

    @Test func anAnnouncedPublishArrivesWithinASecond() async throws {
        let address = try PostgresAddress(try PostgresServer.shared.get().makeDatabase(), password: PostgresServer.password)
        let listener = try await PostgresLink.open(address), publisher = try await PostgresLink.open(address)
        let heard = Heard()
        let listening = Task {
            try await listener.listenForPublishes { release in
                await heard.add(release)
                return release != 7
            }
        }
        // Until the listener is in place, announcements go unheard: announce 0 until one is.
        let deadline = ContinuousClock.now + .seconds(10)
        while await heard.first(0) == nil && ContinuousClock.now < deadline {
            try await publisher.announcePublish(release: 0)
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(await heard.first(0) != nil)
        let sent = ContinuousClock.now
        try await publisher.announcePublish(release: 7)
        while await heard.first(7) == nil && ContinuousClock.now < sent + .seconds(2) {
            try await Task.sleep(for: .milliseconds(5))
        }
        let arrived = try #require(await heard.first(7))
        #expect(arrived - sent < .seconds(1))
        try await listening.value
        await listener.close()
        await publisher.close()
    }
}
