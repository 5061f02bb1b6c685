import HallCore
import Testing

@Suite("Who may read on a window's ID card reader")
struct WindowReaderAccessTests {
    @Test("one person per window, one window per person: taking a window leaves the last one and takes it from its occupant")
    func seats() {
        var seats = WindowSeats()
        seats.seat("wang", at: 3)
        seats.seat("li", at: 2)
        #expect(seats.window(of: "wang") == 3 && seats.occupant(of: 2) == "li")
        seats.seat("li", at: 3)
        #expect(seats.window(of: "li") == 3 && seats.occupant(of: 2) == nil && seats.window(of: "wang") == nil)
    }

    @Test("the seat decides; without one, the on-duty post of a window nobody took")
    func access() {
        var seats = WindowSeats()
        seats.seat("wang", at: 3)
        #expect(throws: Never.self) { try WindowReaderAccess.check("wang", window: 3, seats: seats, onDuty: nil) }
        #expect(throws: WindowReaderError.notYourWindow(window: 4, yours: 3)) {
            try WindowReaderAccess.check("wang", window: 4, seats: seats, onDuty: "wang")
        }
        #expect(throws: WindowReaderError.takenByAnother(window: 3, yours: nil, occupant: "wang")) {
            try WindowReaderAccess.check("li", window: 3, seats: seats, onDuty: "li")
        }
        #expect(throws: Never.self) { try WindowReaderAccess.check("li", window: 4, seats: seats, onDuty: "li") }
        #expect(throws: WindowReaderError.windowNotTaken(window: 4)) { try WindowReaderAccess.check("li", window: 4, seats: seats, onDuty: "zhao") }
        #expect(WindowReaderError.windowNotTaken(window: 4).kind == .forbidden)
    }
}

@Suite("A home visit's identity check")
struct VisitIdentityRulesTests {
    static let number = "150626199005170026"

    @Test("number and name compared; a request without a number compares the name only")
    func compare() throws {
        let id = try ChineseIDNumber(Self.number)
        let other = try ChineseIDNumber("150626198911020033")
        let phone = try PhoneNumber("13904771234")
        let applicant = ResidentContact(name: "韩梅梅", phone: phone, idNumber: id)
        #expect(VisitIdentityRules.compare(name: "韩 梅梅", idNumber: id, expired: false, with: applicant) == .matched)
        #expect(VisitIdentityRules.compare(name: "韩梅梅", idNumber: id, expired: true, with: applicant) == .expiredCard)
        #expect(VisitIdentityRules.compare(name: "韩美美", idNumber: id, expired: false, with: applicant) == .nameDiffers)
        #expect(VisitIdentityRules.compare(name: "韩梅梅", idNumber: other, expired: false, with: applicant) == .idNumberDiffers)
        let noNumber = ResidentContact(name: "阿依古丽·买买提", phone: phone)
        #expect(VisitIdentityRules.compare(name: "阿依古丽•买买提", idNumber: other, expired: false, with: noNumber) == .nameMatched)
        #expect(VisitIdentityRules.compare(name: "李雷", idNumber: other, expired: false, with: noNumber) == .idNumberDiffers)
        #expect(VisitIdentityResult.allCases.filter(\.identifies) == [.matched, .nameMatched])
    }
}
