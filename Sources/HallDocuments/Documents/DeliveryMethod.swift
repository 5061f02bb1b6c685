/// How the result reaches the applicant.
public enum DeliveryMethod: Sendable, Equatable {
    /// The applicant collects the result at the window.
    case windowPickup
    /// The result is posted to this address.
    case post(address: String)

    /// The words printed on the notice.
    public var label: String {
        switch self {
        case .windowPickup: "窗口领取"
        case .post(let address): "邮寄送达（\(address)）"
        }
    }

    /// The words printed on the notice in each of the wording's languages, one under the other (the
    /// address as given).
    func label(in wording: DocumentWording) -> String {
        switch self {
        case .windowPickup: wording.label("doc.value.delivery.windowPickup")
        case .post(let address): wording.label("doc.value.delivery.post", ["address": address])
        }
    }
}
