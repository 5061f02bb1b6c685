import Foundation
import HallCore
import HallTestSupport
import Testing

/// Sign-in shows progress the moment the button is pressed: the button says 正在登录… and is
/// disabled (no second submit) until the server answers, then the page opens.
@Suite("Sign-in shows progress at once", .serialized)
struct SignInProgressTests {
    @Test(arguments: ["/admin/", "/console/", "/review/"])
    func buttonSaysSigningInUntilTheAnswer(page: String) async throws {
        let hall = try await BrowserHarness()
        do {
            let roles: [Role] = page == "/admin/" ? [.head] : page == "/console/" ? [.clerk] : [.reviewer]
            try await hall.createAccount("zhao.head", roles: roles, department: page == "/review/" ? "civil-affairs" : nil)
            let b = hall.browser
            try await b.setViewport(width: 1366, height: 768)
            try await b.open(hall.url(page))
            try await b.waitVisible("#login-form")
            // The answer to POST /api/session is held back 1.5 s, as on a slow machine.
            try await b.script(
                """
                const original = window.fetch;
                window.fetch = async (...args) => {
                  const post = args[1] && args[1].method === "POST" && String(args[0]).includes("/api/session");
                  if (post) await new Promise((resolve) => setTimeout(resolve, 1500));
                  return original(...args);
                };
                """)
            try await b.type("#username", "zhao.head")
            try await b.type("#password", BrowserHarness.staffPassword)
            try await b.click("#login-button")
            let during = try await b.script(
                "const b = document.getElementById('login-button'); return [b.textContent, String(b.disabled)];") as? [String]
            #expect(during == ["正在登录…", "true"], "\(page): \(during ?? [])")
            try await b.waitUntil("signed in", "return document.getElementById('login-view').classList.contains('hidden');")
            #expect(try await b.script("return document.getElementById('login-button').disabled;") as? Bool == false)
            if page == "/admin/" { try await hall.screenshot("sign-in-after-progress") }
            await hall.close()
        } catch {
            await hall.close()
            throw error
        }
    }
}
