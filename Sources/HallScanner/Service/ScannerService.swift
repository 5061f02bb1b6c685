import Foundation
import HallCore

/// Captures a resident's materials into a case: the configured scanner → the capture store →
/// capture records; keeps a device status up to date for hotplug and `/healthz`.
///
/// One capture at a time: a second request while one runs fails with `ScannerError.deviceBusy`.
/// A failed capture stores nothing (pages are stored only after every page arrived, and the store
/// removes what it wrote if the index refuses the records).
public actor ScannerService {
    /// Makes the driver for a detected device.
    public typealias ScannerFactory = @Sendable (ScannerProfile, String) -> any DocumentScanner

    /// The device model in use.
    public nonisolated let profile: ScannerProfile
    private let store: CaptureStore
    private let index: any CaptureIndex
    private let presence: any DevicePresence
    private let makeScanner: ScannerFactory
    private var current: ScannerStatus
    private var capturing = false
    private var monitor: Task<Void, Never>?

    /// Creates the service. `presence` and `makeScanner` default to the profile's backend
    /// (libsane or V4L2).
    public init(
        profile: ScannerProfile, store: CaptureStore, index: any CaptureIndex,
        presence: (any DevicePresence)? = nil, makeScanner: ScannerFactory? = nil
    ) {
        self.profile = profile
        self.store = store
        self.index = index
        self.presence = presence ?? Self.defaultPresence(profile)
        self.makeScanner = makeScanner ?? Self.defaultScanner
        current = ScannerStatus(profileID: profile.id, state: .unknown)
    }

    /// The current status (for `/healthz` and the console).
    public var status: ScannerStatus { current }

    /// Re-detects devices now and returns the new status.
    @discardableResult
    public func refresh() async -> ScannerStatus {
        let found = await presence.devices()
        current.checkedAt = Date()
        current.device = found.first
        if !capturing { current.state = found.isEmpty ? .absent : .ready }
        return current
    }

    /// Starts periodic re-detection (hotplug). Calling it again restarts with the new interval.
    public func startMonitoring(every interval: Duration = .seconds(5)) {
        monitor?.cancel()
        monitor = Task { [weak self] in
            while !Task.isCancelled {
                // Ends when the service is gone (no strong reference is kept across the sleep).
                guard await self?.refresh() != nil else { return }
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// Stops periodic re-detection.
    public func stopMonitoring() {
        monitor?.cancel()
        monitor = nil
    }

    /// Captures pages for one material of a case with `options` (default: the profile's) and
    /// stores them. Throws `ScannerError` for device faults and `CaptureStoreError` for storage.
    public func capture(caseID: String, materialID: String, options: ScanOptions? = nil) async throws -> [CaptureRecord] {
        guard !capturing else { throw ScannerError.deviceBusy }
        capturing = true
        defer { capturing = false }
        let device: String
        if let known = current.device {
            device = known
        } else {
            await refresh()
            guard let found = current.device else {
                current.state = .absent
                current.lastError = ScannerError.noDevice.code
                throw ScannerError.noDevice
            }
            device = found
        }
        current.state = .capturing
        defer { current.state = current.device == nil ? .absent : .ready }
        let scanner = makeScanner(profile, device)
        do {
            let pages = try await scanner.capture(options ?? profile.captureOptions)
            let records = try await store.store(
                pages, caseID: caseID, materialID: materialID, profileID: profile.id,
                preferredMime: profile.formats.first ?? "image/png", index: index)
            current.lastError = nil
            return records
        } catch let error as ScannerError {
            current.lastError = error.code
            if error == .noDevice { current.device = nil }
            throw error
        } catch let error as CaptureStoreError {
            current.lastError = error.code
            throw error
        }
    }

    /// Every page of a case, sorted by material and page number.
    public func records(caseID: String) async throws -> [CaptureRecord] {
        try await index.records(caseID: caseID).sorted {
            ($0.materialID, $0.pageNumber, $0.createdAt) < ($1.materialID, $1.pageNumber, $1.createdAt)
        }
    }

    /// Deletes one page of a case (see `CaptureStore.delete`); nil when the case has no such page.
    public func delete(caseID: String, recordID: UUID) async throws(CaptureStoreError) -> CaptureRecord? {
        try await store.delete(id: recordID, caseID: caseID, index: index)
    }

    /// One PDF of every page of a case (material order, then page order).
    public func exportPDF(caseID: String) async throws -> Data {
        try store.exportPDF(try await records(caseID: caseID))
    }

    private static func defaultPresence(_ profile: ScannerProfile) -> any DevicePresence {
        switch profile.backend {
        case .sane: SaneDevicePresence(pattern: profile.match.saneDevice ?? "*")
        case .uvc: V4L2DevicePresence(nodePattern: profile.match.videoDevice ?? "/dev/video*", usbPattern: profile.match.usb)
        }
    }

    @Sendable private static func defaultScanner(_ profile: ScannerProfile, _ device: String) -> any DocumentScanner {
        let timeout = profile.captureTimeout
        switch profile.backend {
        case .sane:
            return SaneScanner(device: device, timeout: timeout)
        case .uvc:
            let camera = profile.camera ?? .init(width: 1920, height: 1080, pixelFormat: "YUYV")
            return V4L2Camera(device: device, settings: camera, timeout: timeout)
        }
    }
}
