import Foundation
import Testing

@testable import HallCore

/// GB 11643 identity numbers, GB 32100 credit codes and phone numbers.
@Suite struct IDCardTests {
    @Test(arguments: [
        IntakeTestData.idMale1985, IntakeTestData.idFemale1940, IntakeTestData.idStandardExample,
        "150626200002290028", "150602199001010024",
    ])
    func validNumbersAccepted(text: String) throws {
        let id = try ChineseIDNumber(text)
        #expect(id.value == text)
    }

    @Test func birthDateSexAndRegionExtracted() throws {
        let man = try ChineseIDNumber(IntakeTestData.idMale1985)
        #expect(man.birthDate == LocalDay(year: 1985, month: 3, day: 12))
        #expect(man.sex == .male)  // 17th digit 3
        #expect(man.regionCode == "150626")
        #expect(man.age(on: LocalDay(year: 2025, month: 3, day: 11)) == 39)
        #expect(man.age(on: LocalDay(year: 2025, month: 3, day: 12)) == 40)
        let standard = try ChineseIDNumber("11010519491231002x")  // lower-case x normalised
        #expect(standard.value == "11010519491231002X")
        #expect(standard.sex == .female)  // 17th digit 2
        #expect(standard.birthDate == LocalDay(year: 1949, month: 12, day: 31))
        #expect(try ChineseIDNumber("150626200002290028").birthDate == LocalDay(year: 2000, month: 2, day: 29))
    }

    @Test func checkCharacterFollowsISO7064() {
        #expect(ChineseIDNumber.checkCharacter(for: "11010519491231002") == "X")
        #expect(ChineseIDNumber.checkCharacter(for: "15062619850312123") == "0")
        #expect(ChineseIDNumber.checkCharacter(for: "15062619400101001") == "4")
    }

    @Test func wrongLengthRefused() {
        #expect(throws: IdentityError.idWrongLength(17)) { try ChineseIDNumber("15062619850312123") }
        #expect(throws: IdentityError.idWrongLength(15)) { try ChineseIDNumber("150626850312123") }
        #expect(throws: IdentityError.idWrongLength(0)) { try ChineseIDNumber("") }
    }

    @Test func badCharactersAndRegionRefused() {
        #expect(throws: IdentityError.idInvalidCharacter) { try ChineseIDNumber("1506261985031212X0") }
        #expect(throws: IdentityError.idInvalidCharacter) { try ChineseIDNumber("15062619850312123A") }
        #expect(throws: IdentityError.idBadRegion) { try ChineseIDNumber("000000198503121230") }
        #expect(throws: IdentityError.idBadRegion) { try ChineseIDNumber("990626198503121230") }
    }

    @Test func badBirthDateRefused() {
        // 2001-02-29 does not exist; 1985-13-12 neither; 1885 is before 1900.
        #expect(throws: IdentityError.idBadBirthDate) { try ChineseIDNumber("150626200102290028") }
        #expect(throws: IdentityError.idBadBirthDate) { try ChineseIDNumber("150626198513121230") }
        #expect(throws: IdentityError.idBadBirthDate) { try ChineseIDNumber("150626188503121230") }
        // A birth date after "today" is refused when today is given.
        #expect(throws: IdentityError.idBadBirthDate) {
            try ChineseIDNumber(IntakeTestData.idMale1985, notAfter: LocalDay(year: 1985, month: 3, day: 11))
        }
    }

    @Test func badChecksumRefused() {
        // Last character changed, and two digits swapped (the checksum catches transpositions).
        #expect(throws: IdentityError.idBadChecksum) { try ChineseIDNumber("150626198503121231") }
        #expect(throws: IdentityError.idBadChecksum) { try ChineseIDNumber("110105194912310021") }
        #expect(throws: IdentityError.idBadChecksum) { try ChineseIDNumber("150626198503121320") }
    }

    @Test func numbersNeverLeakThroughDescriptionsOrErrors() throws {
        let id = try ChineseIDNumber(IntakeTestData.idMale1985)
        #expect("\(id)" == "1506**********1230")
        let phone = try PhoneNumber("13812345678")
        #expect("\(phone)" == "138****5678")
        #expect(!IdentityError.idBadChecksum.message.contains(IntakeTestData.idMale1985))
    }

    @Test func codableValidatesOnDecode() throws {
        let id = try JSONDecoder().decode(ChineseIDNumber.self, from: Data(#""\#(IntakeTestData.idFemale1940)""#.utf8))
        #expect(id.value == IntakeTestData.idFemale1940)
        #expect(throws: IdentityError.idBadChecksum) {
            try JSONDecoder().decode(ChineseIDNumber.self, from: Data(#""150626194001010015""#.utf8))
        }
    }

    // MARK: Unified social credit code (GB 32100-2015)

    @Test(arguments: ["91350100M000100Y43", "92150626MA0N123457", "91150626MA0Q7R8T2X", "52150626MJY012345W"])
    func validCreditCodes(text: String) throws {
        #expect(try UnifiedSocialCreditCode(text).value == text)
    }

    @Test func creditCodeRefusals() {
        #expect(throws: IdentityError.creditCodeWrongLength(17)) { try UnifiedSocialCreditCode("91350100M000100Y4") }
        #expect(throws: IdentityError.creditCodeInvalidCharacter) { try UnifiedSocialCreditCode("91350100M000100I43") }
        #expect(throws: IdentityError.creditCodeInvalidCharacter) { try UnifiedSocialCreditCode("91350100M000100Z43") }
        #expect(throws: IdentityError.creditCodeBadChecksum) { try UnifiedSocialCreditCode("91350100M000100Y44") }
        #expect(throws: IdentityError.creditCodeBadChecksum) { try UnifiedSocialCreditCode("92150626MA0N123456") }
        #expect(UnifiedSocialCreditCode.checkCharacter(for: "91350100M000100Y4") == "3")
    }

    // MARK: Phone numbers

    @Test(arguments: [
        ("13812345678", "13812345678"), ("+86 139 1234 5678", "13912345678"), ("19912345678", "19912345678"),
        ("0477-7552004", "0477-7552004"), ("04777552004", "0477-7552004"), ("(0477)7552004", "0477-7552004"),
        ("010-62345678", "010-62345678"), ("02087654321", "020-87654321"), ("0477-7552004-801", "0477-7552004-801"),
    ])
    func validPhones(text: String, normalised: String) throws {
        #expect(try PhoneNumber(text).value == normalised)
    }

    @Test func phoneKinds() throws {
        #expect(try PhoneNumber("13812345678").kind == .mobile)
        #expect(try PhoneNumber("0477-7552004").kind == .fixedLine)
    }

    @Test(arguments: [
        "", "12812345678", "1381234567", "138123456789", "7552004", "0477-0552004", "0477-755200",
        "477-7552004", "0477-755200412", "010-1234567a", "0477--7552004", "00477-7552004",
    ])
    func invalidPhones(text: String) {
        #expect(throws: IdentityError.badPhone) { try PhoneNumber(text) }
    }
}
