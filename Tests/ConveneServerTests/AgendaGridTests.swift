import ConveneCore
@testable import ConveneServer
import Testing

struct AgendaGridTests {
    @Test func placesSessionsInRoomColumnsAndSlotRowsInTheEventZone() throws {
        let f = try Fixture()
        defer { f.remove() }
        let grid = AgendaGrid(event: f.event, schedule: try f.schedule())
        let day = try #require(grid.days.first)
        #expect(grid.days.count == 1)
        #expect(day.date == LocalDate(year: 2027, month: 3, day: 12))
        #expect(day.columns.map(\.id) == ["hall", "room-b"])
        #expect(day.time(ofRow: 0) == "09:00")
        #expect(day.rowCount == 36)
        let hall = day.blocks[0]
        #expect(hall.map(\.firstRow) == [0, 6])
        #expect(hall.map(\.rowSpan) == [4, 6])
        #expect(day.blocks[1].map(\.firstRow) == [6])
        #expect(day.blocks[1][0].items[0].end.timeText == "11:15")
    }

    @Test func overlappingSessionsInOneRoomShareACell() throws {
        let f = try Fixture()
        defer { f.remove() }
        let clash = try f.schedule(openingIn: "hall", at: "2027-03-12T10:00:00+09:00")
        let day = try #require(AgendaGrid(event: f.event, schedule: clash).days.first)
        let hall = day.blocks[0]
        #expect(hall.count == 1)
        #expect(hall[0].items.map(\.session.id) == ["opening", "access"])
        #expect(hall[0].firstRow == 4)
        #expect(hall[0].rowSpan == 8)
    }

    @Test func withoutAScheduleDaysHaveNoColumns() throws {
        let f = try Fixture()
        defer { f.remove() }
        let grid = AgendaGrid(event: f.event, schedule: nil)
        #expect(grid.days.count == 1)
        #expect(grid.days[0].columns.isEmpty)
    }
}
