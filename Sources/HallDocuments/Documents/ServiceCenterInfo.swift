/// The issuing center as printed on its forms.
public struct ServiceCenterInfo: Sendable, Equatable {
    /// Full name, e.g. 某某镇便民服务中心.
    public var name: String
    /// Public phone for enquiries.
    public var phone: String
    /// Street address of the hall, printed under the enquiries line when given.
    public var address: String?
    /// The center's name in Mongolian, printed above `name` on a bilingual notice (nil: left out).
    public var mongolianName: String?

    public init(
        name: String, phone: String = ServiceCenterInfo.defaultPhone, address: String? = nil, mongolianName: String? = nil
    ) {
        self.name = name
        self.phone = phone
        self.address = address
        self.mongolianName = mongolianName
    }

    /// The hall's phone from the center's rules: 0477-7552004.
    public static let defaultPhone = "0477-7552004"
}
