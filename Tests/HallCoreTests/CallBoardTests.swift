import Foundation
import HallTestSupport
import Testing

@testable import HallCore

@Suite("Call board (hall screen)")
struct CallBoardTests {
    @Test("recent calls newest first with their state and recalls; next up in call order per service")
    func board() async throws {
        let (queue, _, _, clock) = TestHall.make()
        for key in ["A", "A", "A", "B", "A", "B"] {
            _ = try await queue.issue(serviceKey: key)
            clock.advance(10)
        }
        _ = try await queue.callNext(window: 1)  // A001
        clock.advance(10)
        _ = try await queue.start(window: 1)
        _ = try await queue.callNext(window: 2)
        clock.advance(10)
        _ = try await queue.recall(window: 2)

        let board = try await queue.callBoard(recentLimit: 8, nextPerService: 2)
        #expect(board.recent.map(\.number) == ["B001", "A001"])
        let newest = try #require(board.recent.first)
        #expect(newest.window == 2 && newest.recalls == 1 && newest.state == .called)
        #expect(board.recent.last?.window == 1 && board.recent.last?.state == .serving)
        #expect(board.next.map(\.number) == ["A002", "A003", "B002"])
        #expect(try await queue.callBoard(recentLimit: 1, nextPerService: 1).recent.map(\.number) == ["B001"])
        // Limits of 0 list nothing.
        #expect(try await queue.callBoard(recentLimit: 0, nextPerService: 0) == CallBoard(recent: [], next: []))
    }
}
