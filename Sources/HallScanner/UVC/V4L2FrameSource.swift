/// Successive frames from a camera, as the driver delivered them (one JPEG, or one raw YUYV image).
protocol V4L2FrameSource {
    /// The next frame; throws `.timeout` when none arrives before `deadline`.
    mutating func nextFrame(deadline: ContinuousClock.Instant) throws(ScannerError) -> [UInt8]
    /// Stops streaming and gives the driver's buffers back.
    mutating func close()
}
