import HallCore
import HallDocuments

/// Realistic notices for the tests.
enum NoticeFixtures {
    static let center = ServiceCenterInfo(name: "新发镇便民服务中心", address: "新发镇政府路18号")

    static let acceptance = AcceptanceNotice(
        center: center,
        caseNumber: "XF20261125-0007",
        noticeNumber: "新便受〔2026〕第0007号",
        applicant: NoticeApplicant(name: "张三丰", idNumber: "150202199003071234"),
        itemName: "个体工商户设立登记",
        acceptedOn: LocalDay(year: 2026, month: 11, day: 25),
        materials: [
            ReceivedMaterial(name: "个体工商户登记（备案）申请书", form: .original),
            ReceivedMaterial(name: "经营者居民身份证", form: .originalAndCopy, count: 2),
            ReceivedMaterial(name: "经营场所使用证明（房屋租赁合同）", form: .copy),
        ],
        promisedWorkingDays: 3,
        promisedCompletionDate: LocalDay(year: 2026, month: 11, day: 30),
        delivery: .post(address: "新发镇幸福村二组12号"),
        window: "3号综合受理窗口",
        clerk: "李晓梅",
        statusURL: "https://hall.example.cn/cases/XF20261125-0007",
        notes: ["结果将通过中国邮政EMS寄出，请保持电话畅通。"])

    static let correction = CorrectionNotice(
        center: center,
        caseNumber: "XF20261125-0008",
        applicant: NoticeApplicant(name: "王五", idNumber: "150202198512120021"),
        itemName: "城乡居民基本养老保险参保登记",
        submittedOn: LocalDay(year: 2026, month: 11, day: 25),
        corrections: [
            MaterialCorrection(
                materialName: "居民户口簿", problem: .missing,
                reason: "未提供，请提交户主页及本人页原件"),
            MaterialCorrection(
                materialName: "居民身份证", problem: .defective,
                reason: "身份证已过有效期，请提供有效期内的居民身份证原件"),
            MaterialCorrection(
                materialName: "城乡居民基本养老保险参保登记表", problem: .defective,
                reason: "缺少申请人签字，请本人签字确认"),
        ],
        correctionDeadline: LocalDay(year: 2026, month: 12, day: 9),
        window: "2号综合受理窗口",
        clerk: "赵敏",
        statusURL: "https://hall.example.cn/cases/XF20261125-0008")

    /// The longest acceptance notice the sample catalog produces (最低生活保障申请: seven
    /// materials, a statutory limit, the provisional-calendar note, posted result, a signed link).
    static let longAcceptance = AcceptanceNotice(
        center: ServiceCenterInfo(name: "乌兰陶勒盖镇便民服务中心", phone: "0477-7552004"),
        caseNumber: "BM20261125-0012",
        applicant: NoticeApplicant(name: "额尔敦其木格", idNumber: "150202199003071234"),
        itemName: "最低生活保障申请",
        acceptedOn: LocalDay(year: 2026, month: 11, day: 25),
        materials: [
            ReceivedMaterial(name: "居民身份证", form: .originalAndCopy),
            ReceivedMaterial(name: "居民户口簿", form: .originalAndCopy),
            ReceivedMaterial(name: "最低生活保障申请书", form: .original),
            ReceivedMaterial(name: "家庭经济状况核对授权书", form: .original),
            ReceivedMaterial(name: "家庭成员收入情况证明", form: .original),
            ReceivedMaterial(name: "残疾人证或重大疾病诊断证明", form: .copy),
            ReceivedMaterial(name: "困难残疾人生活补贴和重度残疾人护理补贴申请审批表", form: .original, count: 2),
            ReceivedMaterial(name: "银行卡（折）", form: .copy),
        ],
        promisedWorkingDays: 30,
        promisedCompletionDate: LocalDay(year: 2027, month: 1, day: 8),
        delivery: .post(address: "乌兰陶勒盖镇巴音宝力格嘎查三组牧民新村17号"),
        window: "2号综合受理窗口",
        clerk: "斯琴高娃",
        statusURL: "https://hall.example.cn/api/cases/BM20261125-0012/status?k=9f2c4e1a7b3d5f60",
        notes: ["承诺办结日期按暂定日历计算，如遇国家节假日调整将顺延。"])

    /// A correction notice with five long reasons and a clerk named with the window.
    static let longCorrection = CorrectionNotice(
        center: ServiceCenterInfo(name: "乌兰陶勒盖镇便民服务中心", phone: "0477-7552004"),
        caseNumber: "预审第12号",
        applicant: NoticeApplicant(name: "额尔敦其木格", idNumber: "150202199003071234"),
        itemName: "困难残疾人生活补贴和重度残疾人护理补贴申请",
        submittedOn: LocalDay(year: 2026, month: 11, day: 25),
        corrections: (1...5).map { index in
            MaterialCorrection(
                materialName: "中华人民共和国残疾人证（第二代）\(index)", problem: index % 2 == 0 ? .missing : .defective,
                reason: "复印件不清晰，请提供正反面清晰复印件并核验原件；共同生活家庭成员均需提供，户主页及本人页")
        },
        correctionDeadline: LocalDay(year: 2026, month: 12, day: 9),
        window: "2号综合受理窗口",
        clerk: "斯琴高娃",
        statusURL: "https://hall.example.cn/api/cases/12/status?k=9f2c4e1a7b3d5f60")
}
