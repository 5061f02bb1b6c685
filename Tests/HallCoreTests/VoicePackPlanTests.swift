import HallCore
import Testing

@Suite("Voice pack plans: which clips, in which order")
struct VoicePackPlanTests {
    let template = "{number}|ᠳ᠋ᠤᠭᠠᠷ|{window}|ᠳ᠋ᠤᠭᠠᠷ ᠴᠣᠩᠬᠤ ᠳᠤ ᠢᠷᠡᠨ᠎ᠡ ᠦᠦ"

    @Test("digits, the prefixes' letters and the template's words; a call read character by character")
    func plan() throws {
        let plan = VoicePackPlan(language: .mn, template: try VoiceTemplate(template), prefixes: ["B", "a", "B"])
        #expect(plan.letters == ["A", "B"])
        let names = plan.required.map(\.name)
        #expect(names == (0...9).map { "digit.\($0)" } + ["letter.A", "letter.B", "word.ᠳ᠋ᠤᠭᠠᠷ", "word.ᠳ᠋ᠤᠭᠠᠷ ᠴᠣᠩᠬᠤ ᠳᠤ ᠢᠷᠡᠨ᠎ᠡ ᠦᠦ"])
        #expect(
            plan.clips(number: "b012", window: 12)?.map(\.name)
                == ["letter.B", "digit.0", "digit.1", "digit.2", "word.ᠳ᠋ᠤᠭᠠᠷ", "digit.1", "digit.2", "word.ᠳ᠋ᠤᠭᠠᠷ ᠴᠣᠩᠬᠤ ᠳᠤ ᠢᠷᠡᠨ᠎ᠡ ᠦᠦ"])
        #expect(plan.clips(number: "C001", window: 1) == nil, "no prefix has C")
        #expect(plan.missing(recorded: Set(names.dropFirst(2))).map(\.name) == ["digit.0", "digit.1"])
        #expect(plan.isComplete(recorded: Set(names)))
        #expect(!plan.isComplete(recorded: Set(names.dropLast())))
        for name in names { #expect(VoiceClip(name: name)?.name == name) }
        for bad in ["digit.10", "digit.x", "letter.b", "letter.AB", "word.", "tone.1", ""] { #expect(VoiceClip(name: bad) == nil, "\(bad)") }
    }

    @Test("a template needs {number} and {window} and no other placeholder")
    func badTemplates() {
        for bad in ["请|{number}|号", "{window}", "{number}|{window}|{service}", ""] {
            #expect(throws: VoicePackError.badTemplate(bad)) { try VoiceTemplate(bad) }
        }
        #expect((try? VoiceTemplate("请|{number}|号|到|{window}|号窗口|请|")).map { $0.words.map(\.name) } == ["word.请", "word.号", "word.到", "word.号窗口"])
    }

    @Test("the clip rules: mono 16-bit at the pack rate, at most 3 s and 256 KiB")
    func rules() {
        let rate = VoiceClipRules.sampleRate
        #expect(throws: Never.self) {
            try VoiceClipRules.check(channels: 1, sampleRate: rate, bitsPerSample: 16, dataBytes: rate * 6, fileBytes: 44 + rate * 6)
        }
        #expect(throws: VoicePackError.tooLong(3.1)) {
            try VoiceClipRules.check(channels: 1, sampleRate: rate, bitsPerSample: 16, dataBytes: Int(Double(rate) * 6.2), fileBytes: 100)
        }
        #expect(throws: VoicePackError.wrongSampleRate(44_100)) {
            try VoiceClipRules.check(channels: 1, sampleRate: 44_100, bitsPerSample: 16, dataBytes: 100, fileBytes: 144)
        }
        #expect(throws: VoicePackError.tooBig(262_145)) {
            try VoiceClipRules.check(channels: 1, sampleRate: rate, bitsPerSample: 16, dataBytes: 100, fileBytes: 262_145)
        }
    }
}
