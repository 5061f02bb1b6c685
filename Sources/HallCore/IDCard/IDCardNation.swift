/// 民族 codes of GB/T 3304 as resident identity cards carry them (two digits).
public enum IDCardNation {
    /// The names in code order: index 0 is code `01` (汉).
    static let names = [
        "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣",
        "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉",
        "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔",
        "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
    ]

    /// The name of the nation with `code` (`01`…`56`), nil otherwise.
    public static func name(code: String) -> String? {
        guard code.count == 2, let n = Int(code), (1...names.count).contains(n) else { return nil }
        return names[n - 1]
    }
}
