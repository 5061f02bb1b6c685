import Foundation
import HallCore
import HallServer
import Testing

/// The first-run setup page of a fresh hall in headless Chromium on an office PC's screen
/// (1366×768): staff pages redirect to it, a wrong code shows the API's message, the right one
/// completes setup with the sample services and windows.
@Suite("First-run setup page in headless Chromium", .serialized)
struct SetupPageTests {
    @Test("/admin/ redirects to /setup/ → a wrong code is refused → the form completes setup")
    func setupPage() async throws {
        let hall = try await BrowserHarness()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hall-setup-page-\(UUID().uuidString)")
        var configuration = HallConfiguration.demo
        configuration.database.path = folder.appendingPathComponent("hall.sqlite").path
        configuration.stateDirectory = folder.path
        configuration.accounts.passwordCost = 4
        let setup = try #require(try HallSetupServer.offer(configuration: configuration, keys: ConfiguredKeys()))
        let code = try String(contentsOf: setup.codeFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let port = BrowserHarness.PortBox()
        let app = setup.makeApplication(port: 0) { port.set($0) }
        let serving = Task { try await app.run() }
        defer {
            serving.cancel()
            try? FileManager.default.removeItem(at: folder)
        }
        do {
            let base = URL(string: "http://127.0.0.1:\(try await port.wait())")!
            let b = hall.browser
            try await b.setWindowSize(width: 1366, height: 768)
            try await b.open(base.appendingPathComponent("admin/"))
            try await b.waitVisible("#setup-form")
            #expect(try await b.script("return location.pathname") as? String == "/setup/", "a staff page redirects to setup")

            try await b.type("#code", "aaaa-bbbb-cccc")
            try await b.type("#center-name", "测试镇便民服务中心")
            try await b.type("#center-phone", "0477-7550000")
            try await b.script("const s = document.getElementById('public-url'); s.value = ''; s.dispatchEvent(new Event('change'));")
            try await b.type("#public-url-other", "http://192.0.2.10:8080")
            try await b.type("#admin-password", "setup-admin-2026")
            try await b.type("#admin-password-again", "setup-admin-2026")
            #expect(try await b.text("#sample-summary").contains("社保医保"))
            try await b.tap("#submit")
            #expect(try await b.waitVisible("#error").contains("设置码不正确"))
            try await hall.screenshot("setup-01-wrong-code")

            // The hall's own services and windows: the tables start as the sample's, typed into the form.
            try await b.click("#catalog-own")
            try await b.waitVisible("#own-catalog")
            try await b.type("#services tr:first-child .name", "综合服务")
            try await b.type("#code", code)
            try await b.tap("#submit")
            #expect(try await b.waitVisible("#done-title") == "设置完成")
            try await b.waitVisible("#admin-link")
            try await hall.screenshot("setup-02-done")
            #expect(setup.isComplete && !FileManager.default.fileExists(atPath: setup.codeFile.path))
        } catch {
            await hall.close()
            throw error
        }
        await hall.close()
        let started = try HallServer(configuration: configuration)
        #expect(started.configuration.center.name == "测试镇便民服务中心" && started.configuration.center.publicBaseURL == "http://192.0.2.10:8080")
        #expect(started.configuration.services.map(\.id) == ["a", "b", "c", "d", "e", "f"].map { "service-\($0)" })
        #expect(started.configuration.services.first?.name == "综合服务" && started.configuration.windows.count == 5)
        #expect(started.configuration.windows.first?.serviceIDs == ["service-a", "service-d"], "window 1 as in the sample: 综合, 市场监管")
    }
}
