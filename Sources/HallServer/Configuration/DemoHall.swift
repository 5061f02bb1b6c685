import HallCore

extension HallConfiguration {
    /// The embedded defaults: a demo town hall with six services and five windows, state under
    /// `./var/`, listening on 127.0.0.1:8080.
    public static let demo = HallConfiguration(
        center: Center(name: "乌兰陶勒盖镇便民服务中心", phone: "0477-7552004", publicBaseURL: ""),
        listen: Listen(host: "127.0.0.1", port: 8080),
        database: Database(path: "var/hall.sqlite", synchronous: .full),
        stateDirectory: "var",
        devicesDirectory: "devices",
        queue: QueueSettings(),
        services: [
            Service(
                id: "comprehensive", name: "综合窗口", prefix: "A", typicalServiceMinutes: 10,
                description: "户籍证明、各类证明开具、综合咨询"),
            Service(
                id: "social-insurance", name: "社保医保", prefix: "B", typicalServiceMinutes: 8,
                description: "参保登记、医保报销、资格认证"),
            Service(
                id: "civil-affairs", name: "民政残联", prefix: "C", typicalServiceMinutes: 12,
                description: "低保、高龄津贴、残疾人证与补贴"),
            Service(
                id: "market-regulation", name: "市场监管", prefix: "D", typicalServiceMinutes: 15,
                description: "个体工商户登记、食品经营许可"),
            Service(
                id: "agriculture", name: "农牧业", prefix: "E", typicalServiceMinutes: 10,
                description: "草原补奖、农机补贴、惠农政策咨询"),
            Service(
                id: "veterans", name: "退役军人", prefix: "F", typicalServiceMinutes: 10,
                description: "退役军人优待证、优抚补助"),
        ],
        windows: [
            ServiceWindow(number: 1, name: "综合受理窗口", serviceIDs: ["comprehensive", "market-regulation"]),
            ServiceWindow(number: 2, name: "综合受理窗口", serviceIDs: ["comprehensive", "civil-affairs"]),
            ServiceWindow(number: 3, name: "社保医保窗口", serviceIDs: ["social-insurance", "comprehensive"]),
            ServiceWindow(number: 4, name: "民政残联窗口", serviceIDs: ["civil-affairs", "veterans"]),
            ServiceWindow(number: 5, name: "农牧业窗口", serviceIDs: ["agriculture", "comprehensive"]),
        ],
        maxRequestBytes: 1 << 20,
        hardware: .automatic,
        dataDirectory: "data", intake: IntakeSettings(), officePrinter: OfficePrinter()
    )
}
