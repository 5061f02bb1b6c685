/// Everything that changes state (or reads protected data) in the hall, and who may do it.
///
/// The policy is a pure table: the server checks it on every state-changing request, before
/// anything happens, and refuses with 403 otherwise.
public enum Permission: String, Codable, Sendable, CaseIterable {
    /// Take a queue ticket (kiosk, clerks for residents at the window).
    case issueTicket = "ticket.issue"
    /// Check in an appointment by its code.
    case checkIn = "appointment.check_in"
    /// Record that a resident left the queue.
    case leaveTicket = "ticket.leave"
    /// Call, recall, skip, start, finish, hold, resume, transfer at a window.
    case operateWindow = "window.operate"
    /// Pause or reopen a window.
    case pauseWindow = "window.pause"
    /// Create accounts, set roles, reset passwords, deactivate.
    case manageAccounts = "account.manage"
    /// List accounts.
    case listAccounts = "account.list"
    /// Read the audit log.
    case readAudit = "audit.read"
    /// Change one's own password.
    case changeOwnPassword = "account.change_own_password"
    /// Open, pre-review, notify, deliver and close cases (一窗受理); print notices.
    case handleCase = "case.handle"
    /// Read the cases routed to one's department and record its review (并联办理).
    case reviewCase = "case.review"
    /// Import the service catalog and the holiday calendar.
    case manageCatalog = "catalog.manage"
    /// Read cases with the applicant's personal data, and their notices. Department reviewers read
    /// only the cases routed to them, through the review view (`reviewCase`).
    case readCases = "case.read"
    /// Book, cancel and excuse appointments for residents; check them in by id (预约服务, issue 6).
    case bookAppointment = "appointment.book"
    /// Read bookings (with residents' contacts), slots and suspensions.
    case readAppointments = "appointment.read"
    /// Open weekend/holiday slots and assign staff on duty.
    case manageSlots = "appointment.manage_slots"
    /// Lift a person's booking suspension early.
    case liftSuspension = "appointment.lift_suspension"
    /// Record and withdraw home-visit requests (上门服务).
    case requestVisit = "visit.request"
    /// Approve or refuse home-visit requests.
    case reviewVisit = "visit.review"
    /// On site: open the case, record the outcome, issue receipts, follow up, satisfaction calls.
    case handleVisit = "visit.handle"
    /// Record random spot checks of home visits.
    case spotCheckVisit = "visit.spot_check"
    /// Read home visits (with residents' contacts and addresses) and their board.
    case readVisits = "visit.read"
    /// Submit a resident's rating on a window's rating pad (issue 8).
    case submitRating = "rating.submit"
    /// Read ratings and their follow-ups.
    case readRatings = "rating.read"
    /// Close a bad rating's follow-up with a note (the center head).
    case handleFollowUp = "rating.follow_up"
    /// Assign AB posts, mark A away or back (the center head).
    case managePosts = "post.manage"
    /// Set the hall screen's scrolling notice.
    case manageScreenNotice = "screen.notice"
    /// Read and correct the strings residents see in the hall's second language, export the catalog.
    case correctWording = "wording.correct"
    /// Record, upload, play back and remove voice packs' clips (Mongolian calls).
    case manageVoicePacks = "voice.manage"
    /// Read the daily and monthly reports.
    case readReports = "report.read"
    // Extended hours, ledger, follow-ups (issue 6)
    /// Change the opening hours (or return to the configured ones).
    case manageHours = "hours.manage"
    /// Report being unable to stay for extended hours.
    case reportAbsence = "extended.report_absence"
    /// Assign a replacement to a window for extended hours.
    case assignReplacement = "extended.assign_replacement"
    /// Print a waiting ticket's expected-wait slip before closing.
    case printWaitSlip = "extended.print_slip"
    /// Read one's own ledger entries, balance and leave.
    case readOwnLedger = "ledger.read_own"
    /// Read, export and print everyone's ledger.
    case readLedger = "ledger.read"
    /// Record or adjust ledger entries by hand.
    case manageLedger = "ledger.manage"
    /// Grant compensatory time off, mark it taken or cancel it.
    case grantLeave = "ledger.grant_leave"
    /// Open and close follow-ups (告知办理结果).
    case manageFollowUps = "followup.manage"
    /// Read follow-ups with the resident's contact.
    case readFollowUps = "followup.read"
    /// Give a resident a green-channel ticket (绿色通道): staff who have seen the resident, never a device.
    case issueGreenChannel = "ticket.issue_green_channel"
    /// Read every open follow-up of every kind (residents', bad ratings', home visits') in one list.
    case readFollowUpBoard = "followup.board"
    /// Issue pairing codes for kiosks, hall screens and rating pads; list and revoke paired devices.
    case manageDevices = "device.manage"

    /// The roles that may do this.
    public var roles: Set<Role> {
        switch self {
        case .issueTicket: [.kiosk, .clerk, .head, .admin]
        case .checkIn: [.kiosk, .clerk, .head, .admin]
        case .leaveTicket: [.clerk, .head, .admin]
        case .operateWindow: [.clerk, .head]
        case .pauseWindow: [.clerk, .head, .admin]
        case .manageAccounts: [.head, .admin]
        case .listAccounts: [.head, .admin]
        case .readAudit: [.head, .admin]
        case .changeOwnPassword: [.clerk, .reviewer, .head, .admin]
        case .handleCase: [.clerk, .head]
        case .reviewCase: [.reviewer, .head]
        case .manageCatalog: [.head, .admin]
        case .readCases: [.clerk, .head, .admin]
        case .bookAppointment, .readAppointments, .requestVisit, .handleVisit, .readVisits: [.clerk, .head]
        case .manageSlots, .liftSuspension, .reviewVisit, .spotCheckVisit: [.head]
        case .submitRating: [.ratingPad]
        case .readRatings: [.head, .admin]
        case .handleFollowUp: [.head]
        case .managePosts: [.head]
        case .manageScreenNotice: [.head, .admin]
        case .correctWording: [.head, .admin]
        case .manageVoicePacks: [.head, .admin]
        case .readReports: [.head, .admin]
        case .manageHours: [.head, .admin]
        case .reportAbsence: [.clerk, .head]
        case .assignReplacement: [.head]
        case .printWaitSlip: [.clerk, .head]
        case .readOwnLedger: [.clerk, .head, .admin]
        case .readLedger: [.head, .admin]
        case .manageLedger: [.head]
        case .grantLeave: [.head]
        case .manageFollowUps: [.clerk, .head]
        case .readFollowUps: [.clerk, .head]
        case .issueGreenChannel: [.clerk, .head]
        case .readFollowUpBoard: [.head]
        case .manageDevices: [.head, .admin]
        }
    }

    /// Whether `role` may do `action`.
    public static func allows(_ role: Role, _ action: Permission) -> Bool { action.roles.contains(role) }

    /// Whether any of `roles` may do `action`.
    public static func allows(_ roles: [Role], _ action: Permission) -> Bool { roles.contains { allows($0, action) } }

    /// Chinese description for refusals, e.g. 叫号操作.
    public var label: String {
        switch self {
        case .issueTicket: "取号"
        case .checkIn: "预约签到"
        case .leaveTicket: "登记离开"
        case .operateWindow: "窗口叫号操作"
        case .pauseWindow: "暂停或恢复窗口"
        case .manageAccounts: "管理账号"
        case .listAccounts: "查看账号"
        case .readAudit: "查看审计日志"
        case .changeOwnPassword: "修改密码"
        case .handleCase: "受理办件"
        case .reviewCase: "部门审核"
        case .manageCatalog: "导入事项目录和节假日"
        case .readCases: "查看办件"
        case .bookAppointment: "预约登记"
        case .readAppointments: "查看预约"
        case .manageSlots: "开放预约时段和安排值班"
        case .liftSuspension: "解除暂停预约"
        case .requestVisit: "登记上门服务申请"
        case .reviewVisit: "审核上门服务"
        case .handleVisit: "上门服务办理"
        case .spotCheckVisit: "上门服务抽查"
        case .readVisits: "查看上门服务"
        case .submitRating: "提交评价"
        case .readRatings: "查看评价"
        case .handleFollowUp: "处理差评回访"
        case .managePosts: "安排AB岗"
        case .manageScreenNotice: "设置叫号屏滚动通知"
        case .correctWording: "校改群众用语（蒙古文）"
        case .manageVoicePacks: "录制语音包"
        case .readReports: "查看报表"
        case .manageHours: "修改办公时间"
        case .reportAbsence: "报告不能延时服务"
        case .assignReplacement: "安排延时替岗"
        case .printWaitSlip: "打印等候告知单"
        case .readOwnLedger: "查看本人台账"
        case .readLedger: "查看全部台账"
        case .manageLedger: "登记或调整台账"
        case .grantLeave: "安排调休"
        case .manageFollowUps: "登记或办结待办回告"
        case .readFollowUps: "查看待办回告"
        case .issueGreenChannel: "绿色通道取号"
        case .readFollowUpBoard: "查看全部回告与督办"
        case .manageDevices: "登记和停用设备"
        }
    }
}
