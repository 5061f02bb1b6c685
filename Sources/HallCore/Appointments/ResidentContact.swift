/// The resident an appointment or home visit is for, and how to reach them.
public struct ResidentContact: Codable, Sendable, Hashable {
    public var name: String
    public var phone: PhoneNumber
    /// Optional for appointments; identifies the person when given.
    public var idNumber: ChineseIDNumber?

    public init(name: String, phone: PhoneNumber, idNumber: ChineseIDNumber? = nil) {
        self.name = name
        self.phone = phone
        self.idNumber = idNumber
    }

    /// From raw text fields: name and phone required, an ID number validated (GB 11643) when given.
    public static func parse(name: String, phone: String, idNumber: String?, today: LocalDay) throws -> ResidentContact {
        let trimmedName = name.trimmingCharacters(in: .whitespaces)
        guard !trimmedName.isEmpty else { throw AppointmentError.missingField("姓名") }
        let trimmedPhone = phone.trimmingCharacters(in: .whitespaces)
        guard !trimmedPhone.isEmpty else { throw AppointmentError.missingField("联系电话") }
        let id = idNumber?.trimmingCharacters(in: .whitespaces).nonEmpty
        return ResidentContact(
            name: trimmedName, phone: try PhoneNumber(trimmedPhone),
            idNumber: try id.map { try ChineseIDNumber($0, notAfter: today) })
    }

    /// Who the person is for the cancellation rule: the ID number when known, else the phone.
    public var personKey: PersonKey { PersonKey(idNumber: idNumber, phone: phone) }

    /// Masked for public surfaces (kiosk, events, logs).
    public var masked: MaskedContact {
        MaskedContact(name: PersonalDataMask.name(name), phone: phone.masked, idNumber: idNumber?.masked)
    }
}

/// A contact as shown on public surfaces.
public struct MaskedContact: Codable, Sendable, Hashable {
    public var name: String
    public var phone: String
    public var idNumber: String?
}
