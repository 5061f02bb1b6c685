import Foundation
import HallIDCard

/// Cards for the emulated reader: a JSON array of `IDCardTextFields` (fictitious people only), or
/// the demo hall's built-in set.
public enum IDCardFixture {
    /// The cards of a JSON file.
    public static func load(_ url: URL) throws -> [IDCardTextFields] {
        try JSONDecoder().decode([IDCardTextFields].self, from: Data(contentsOf: url))
    }

    /// The demo hall's cards: fictitious people of a fictitious address, ID numbers with valid check
    /// digits (GB 11643); one elderly holder, one long-term card.
    public static let demo: [IDCardTextFields] = [
        IDCardTextFields(
            name: "韩梅梅", sex: "2", nation: "01", birth: "19900517", address: "内蒙古自治区鄂尔多斯市乌审旗嘎鲁图镇示例路1号",
            idNumber: "150626199005170026", authority: "乌审旗公安局", validFrom: "20200601", validUntil: "20400601"),
        IDCardTextFields(
            name: "李雷", sex: "1", nation: "02", birth: "19891102", address: "内蒙古自治区鄂尔多斯市乌审旗嘎鲁图镇示例路2号",
            idNumber: "150626198911020033", authority: "乌审旗公安局", validFrom: "20190301", validUntil: "20390301"),
        IDCardTextFields(
            name: "王建国", sex: "1", nation: "01", birth: "19480308", address: "内蒙古自治区鄂尔多斯市乌审旗嘎鲁图镇示例路3号",
            idNumber: "150626194803080014", authority: "乌审旗公安局", validFrom: "20100101", validUntil: "长期"),
    ]
}
