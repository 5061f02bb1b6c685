/// The notices' Chinese wording as it was printed before the catalogs held it: the `doc.*` keys of
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
        "doc.column.count": "份数",
        "doc.column.form": "原件/复印件",
        "doc.column.index": "序号",
        "doc.column.material": "材料名称",
        "doc.column.problem": "情形",
        "doc.column.reason": "原因及补正要求",
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
    ]
}
