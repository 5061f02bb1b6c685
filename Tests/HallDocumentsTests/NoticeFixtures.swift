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
}
