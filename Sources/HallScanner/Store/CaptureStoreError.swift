import Foundation
import HallCore

#if canImport(Glibc)
    import Glibc
#endif

/// Why pages could not be stored or read back.
public enum CaptureStoreError: HallFailure, Equatable {
    /// One page is larger than the per-file limit.
    case fileTooLarge(size: Int, limit: Int)
    /// The case would exceed its total size limit.
    case caseTooLarge(size: Int, limit: Int)
    /// A stored file is missing or does not match its hash.
    case missing(String)
    /// The image could not be encoded or decoded.
    case image(ImageError)
    /// Reading or writing the state directory failed.
    case io(String)
    /// The capture index refused the records.
    case index(String)
    /// The disk is full (`ENOSPC`, `EDQUOT`, or the index's `StorageFailure`): nothing was kept.
    case storageFull

    public var code: String {
        switch self {
        case .fileTooLarge: "capture_file_too_large"
        case .caseTooLarge: "capture_case_too_large"
        case .missing: "capture_missing"
        case .image: "capture_image"
        case .io: "capture_io"
        case .index: "capture_index"
        case .storageFull: StorageFailure.full.code
        }
    }

    public var message: String {
        switch self {
        case .fileTooLarge(let size, let limit):
            "单页图像过大（\(size / 1024) KB，上限 \(limit / 1024) KB），请降低分辨率或改用灰度后重新采集。"
        case .caseTooLarge(let size, let limit):
            "本办件的材料图像总量将超过上限（\(size / 1024) KB，上限 \(limit / 1024) KB），请删除多余页面后再采集。"
        case .missing(let hash): "材料图像文件缺失或已损坏（\(hash.prefix(12))），请重新采集。"
        case .image(let error): error.message
        case .io(let detail): "保存材料图像失败（\(detail)），请联系管理员检查存储空间。"
        case .index(let detail): "登记材料图像失败（\(detail)），请重试。"
        case .storageFull: StorageFailure.full.message
        }
    }

    public var kind: FailureKind {
        switch self {
        case .fileTooLarge, .caseTooLarge: .tooLarge
        case .missing: .notFound
        case .image: .invalidInput
        case .io, .index, .storageFull: .unavailable
        }
    }
}

extension CaptureStoreError {
    /// The error for a failed system call: `storageFull` for `ENOSPC` and `EDQUOT`, else `io`.
    static func system(_ call: String, errno code: Int32) -> CaptureStoreError {
        code == ENOSPC || code == EDQUOT ? .storageFull : .io("\(call): \(String(cString: strerror(code)))")
    }

    /// The error for a failure of the capture index: `storageFull` when the disk is full, else `index`.
    static func indexFailure(_ error: any Error) -> CaptureStoreError {
        error is StorageFailure ? .storageFull : .index("\(error)")
    }
}
