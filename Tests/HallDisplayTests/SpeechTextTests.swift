import HallDisplay
import Testing

@Suite("spoken call text")
struct SpeechTextTests {
    @Test func ticketNumbersAreReadDigitByDigit() {
        #expect(ChineseSpeech.ticketNumber("A012") == "A 零 一 二")
        #expect(ChineseSpeech.ticketNumber("b100") == "B 一 零 零")
    }

    @Test func windowNumbersAreReadAsNumerals() {
        let cases: [(Int, String)] = [
            (0, "零"), (3, "三"), (10, "十"), (12, "十二"), (20, "二十"), (21, "二十一"),
            (100, "一百"), (105, "一百零五"), (110, "一百一十"), (1001, "一千零一"),
            (2030, "二千零三十"),
        ]
        for (n, spoken) in cases { #expect(ChineseSpeech.cardinal(n) == spoken, "\(n)") }
    }

    @Test func defaultPhraseIsRepeated() {
        let settings = AnnouncementSettings()
        #expect(
            settings.spokenText(for: DisplayCall(window: 3, ticketNumber: "A012"))
                == "请 A 零 一 二 号 到 三 号窗口 办理。请 A 零 一 二 号 到 三 号窗口 办理。")
        let once = AnnouncementSettings(template: "{number}号 请到{window}号窗口 {service}", repeatCount: 1)
        #expect(
            once.spokenText(for: DisplayCall(window: 12, ticketNumber: "C7", serviceName: "民政"))
                == "C 七号 请到十二号窗口 民政。")
    }

    @Test func screenTemplateIsConfigurable() {
        let call = DisplayCall(window: 3, ticketNumber: "A012", serviceName: "社保医保")
        #expect(CallTextTemplate.screenCall.render(call) == "请A012号到3号窗口")
        #expect(CallTextTemplate("{service} {number}→{window}").render(call) == "社保医保 A012→3")
    }
}
