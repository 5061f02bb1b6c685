import Foundation
import HallServer
import HummingbirdTesting
import Testing

/// `/healthz`'s `disk` entry: the free space of the database's and the state directory's disks
/// against `minFreeDiskMegabytes`.
@Suite("Disk space on /healthz")
struct DiskHealthAPITests {
    private struct Health: Decodable {
        struct Device: Decodable { var name: String; var ok: Bool; var condition: String }
        var status: String
        var devices: [Device]
    }

    private func health(minFreeMegabytes: Double) async throws -> Health {
        let (server, folder) = try makeServer { $0.minFreeDiskMegabytes = minFreeMegabytes }
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await server.makeApplication(port: 0).test(.live) { client in
            let (status, body) = try await client.send(.get, "/healthz")
            #expect(status == .ok)
            return try JSONDecoder().decode(Health.self, from: Data(body.utf8))
        }
    }

    @Test func enoughSpaceIsOK() async throws {
        let health = try await health(minFreeMegabytes: 0)
        let disk = try #require(health.devices.first { $0.name == "disk" })
        #expect(disk.ok && disk.condition.hasPrefix("剩余 "), "\(disk)")
    }

    @Test func lessThanTheMinimumIsDegraded() async throws {
        // No test machine has a terabyte free: the minimum is not met.
        let health = try await health(minFreeMegabytes: 1_000_000)
        let disk = try #require(health.devices.first { $0.name == "disk" })
        #expect(!disk.ok && disk.condition.contains("存储空间不足") && disk.condition.contains("请清理磁盘"), "\(disk)")
        #expect(health.status == "degraded")
    }
}
