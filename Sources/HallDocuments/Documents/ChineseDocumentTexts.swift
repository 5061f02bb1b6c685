/// The documents' Chinese wording as it was printed before the catalogs held it: the `doc.*` keys of
/// `data/i18n/zh.json` (a test checks the two are the same), built in so that a Chinese-only hall
/// needs no catalog file.
enum ChineseDocumentTexts {
    static let all: [String: String] = [
        "doc.acceptance.intro.enterprise":
            "你单位于{date}提交的“{item}”申请材料已收悉。经审查，申请材料齐全、符合法定形式，本中心"
                + "决定予以受理，并已同步分送相关部门并联审批。现将有关事项告知如下：",
        "doc.acceptance.intro.person":
            "你于{date}提交的“{item}”申请材料已收悉。经审查，申请材料齐全、符合法定形式，本中心决定"
                + "予以受理，并已同步分送相关部门并联审批。现将有关事项告知如下：",
        "doc.acceptance.note.keep": "请妥善保管本通知书，领取办理结果时请携带本通知书及有效身份证件。",
        "doc.acceptance.note.progress": "可扫描下方二维码或拨打咨询电话 {phone} 查询办理进度。",
        "doc.acceptance.section.info": "一、受理信息",
        "doc.acceptance.section.materials": "二、已收取材料",
        "doc.acceptance.section.notes": "三、注意事项",
        "doc.acceptance.title": "受理通知书",
        "doc.appointment.label.bookedOn": "登记日期",
        "doc.appointment.label.channel": "预约方式",
        "doc.appointment.label.code": "预约码",
        "doc.appointment.label.contact": "预约人",
        "doc.appointment.label.idNumber": "身份证号",
        "doc.appointment.label.item": "办理事项",
        "doc.appointment.label.phone": "联系电话",
        "doc.appointment.label.request": "办理诉求",
        "doc.appointment.label.staff": "值班人员",
        "doc.appointment.label.time": "预约时间",
        "doc.appointment.note.cancel": "连续三次无故取消预约的，将暂停为其提供预约服务。如需取消或改约，请提前致电 {phone}。",
        "doc.appointment.note.checkIn": "请携带上表所列全部材料，于预约时段内到{center}大厅，在自助取号机点击“预约签到”输入预约码，领取优先号。",
        "doc.appointment.note.free": "预约服务不收取任何费用。",
        "doc.appointment.note.window": "签到时间：预约时段开始前30分钟至时段结束。未在预约时间内前来办理的，视为取消预约，需重新预约。",
        "doc.appointment.signature": "经办人：{clerk}　　预约人签收：＿＿＿＿＿＿",
        "doc.appointment.title": "预约服务确认单",
        "doc.column.count": "份数",
        "doc.column.form": "原件/复印件",
        "doc.column.index": "序号",
        "doc.column.material": "材料名称",
        "doc.column.problem": "情形",
        "doc.column.reason": "原因及补正要求",
        "doc.column.remarks": "说明",
        "doc.correction.deadline":
            "请于{date}前，携带上述全部补正材料及本告知书到{window}重新提交。补正材料齐全、符合法定"
                + "形式的，本中心当场予以受理并出具受理通知书。",
        "doc.correction.intro.enterprise":
            "你单位于{date}提交的“{item}”申请材料，经审查，尚有以下{count}项材料需要补正。根"
                + "据一次性告知制度，现将需要补正的全部材料及原因一次性告知如下：",
        "doc.correction.intro.person":
            "你于{date}提交的“{item}”申请材料，经审查，尚有以下{count}项材料需要补正。根据一"
                + "次性告知制度，现将需要补正的全部材料及原因一次性告知如下：",
        "doc.correction.note.ask": "如对补正内容有疑问，请咨询经办人或拨打咨询电话 {phone}。",
        "doc.correction.note.case": "受理编号：{case}；申请事项：{item}。",
        "doc.correction.section.deadline": "二、补正期限及办理方式",
        "doc.correction.section.items": "一、需要补正的材料",
        "doc.correction.section.other": "三、其他事项",
        "doc.correction.title": "补正告知书",
        "doc.footer.page": "第 {page} 页  共 {total} 页",
        "doc.label.acceptedOn": "受理日期",
        "doc.label.applicant": "申请人",
        "doc.label.caseNumber": "受理编号",
        "doc.label.clerk": "经办人",
        "doc.label.delivery": "结果送达方式",
        "doc.label.idNumber": "证件号码",
        "doc.label.item": "申请事项",
        "doc.label.phone": "咨询电话",
        "doc.label.timeLimit": "承诺办结时限",
        "doc.label.window": "受理窗口",
        "doc.notice.clerk": "经办人：{clerk}",
        "doc.notice.free": "本事项办理不收取任何费用。",
        "doc.notice.number": "编号：{number}",
        "doc.notice.receipt": "申请人签收：＿＿＿＿＿＿　日期：＿＿＿＿年＿＿月＿＿日",
        "doc.notice.scanForProgress": "扫码查询办理进度",
        "doc.notice.seal": "（盖章）",
        "doc.table.total": "合计",
        "doc.value.copies": "{count}份",
        "doc.value.delivery.post": "邮寄送达（{address}）",
        "doc.value.delivery.windowPickup": "窗口领取",
        "doc.value.form.copy": "复印件",
        "doc.value.form.original": "原件",
        "doc.value.form.originalAndCopy": "原件及复印件",
        "doc.value.problem.defective": "需补正",
        "doc.value.problem.missing": "缺少",
        "doc.value.timeLimit": "{days}个工作日（{date}前办结）",
        "doc.visit.label.agent": "代理人",
        "doc.visit.label.eligibility": "服务对象类别",
        "doc.visit.label.number": "申请编号",
        "doc.visit.label.place": "上门地点",
        "doc.visit.label.staff": "上门人员",
        "doc.visit.label.time": "上门时间",
        "doc.visit.note.change": "如需改期或取消，请提前致电 {phone}。上门服务不收取任何费用。",
        "doc.visit.note.extra": "注意事项：{notes}",
        "doc.visit.note.materials": "请提前备齐上表所列材料（原件），上门时请申请人本人在场。",
        "doc.visit.note.process":
            "办理流程：工作人员按约定时间携带移动终端和高拍仪上门，核对材料原件并现场拍摄上传，"
                + "依法办理业务；当场办结的出具回执，需后续处理的告知办理时限并跟踪督办。",
        "doc.visit.signature": "审核人：{reviewer}　　申请人签收：＿＿＿＿＿＿",
        "doc.visit.title": "上门服务确认单",
    ]
}
