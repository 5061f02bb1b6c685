import Foundation
import Testing

/// The bilingual hall screen's small boxes: the state pills of the windows' heading, the services'
/// heading and the legend (the table of services). No element overflows its box (scroll size
/// against client size: a Mongolian word longer than its column shows there), each lies within
/// its column, the legend ends above the main area's content bottom, and each pill holds its Mongolian.
enum HallScreenBoxes {
    static let problemsScript = """
        const problems = [];
        const m = document.querySelector('main'), main = m.getBoundingClientRect();
        const mainBottom = main.bottom - parseFloat(getComputedStyle(m).paddingBottom);
        const within = (r, c) => r.left >= c.left - 1 && r.right <= c.right + 1 && r.top >= c.top - 1 && r.bottom <= c.bottom + 1;
        const name = (e) => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' "' + e.textContent.slice(0, 24) + '"';
        const legend = document.getElementById('legend');
        const services = legend.closest('section').querySelector('h2');
        const checks = [
          [document.querySelector('.windows'), [...document.querySelectorAll('.states, .states *')]],
          [document.querySelector('.side'), [services, ...services.querySelectorAll('*'), legend, ...legend.querySelectorAll('*')]],
        ];
        let checked = 0;
        for (const [column, elements] of checks) {
          const c = column.getBoundingClientRect();
          const box = { left: c.left, right: c.right, top: c.top, bottom: Math.min(c.bottom, mainBottom) };
          for (const e of elements) {
            if (!e.getClientRects().length) continue;
            checked++;
            const r = e.getBoundingClientRect();
            if (getComputedStyle(e).display !== 'inline'
                && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)) {
              problems.push('overflows its box: ' + name(e) + ' ' + e.scrollWidth + 'x' + e.scrollHeight
                + ' in ' + e.clientWidth + 'x' + e.clientHeight);
            }
            if (!within(r, box)) problems.push('outside its column: ' + name(e) + ' ' + JSON.stringify([r.left, r.top, r.right, r.bottom]));
          }
        }
        for (const pill of document.querySelectorAll('.states .state')) {
          const p = pill.getBoundingClientRect();
          for (const e of pill.querySelectorAll('*')) if (!within(e.getBoundingClientRect(), p)) problems.push('past its pill: ' + name(e));
        }
        if (checked < 20) problems.push('only ' + checked + ' elements checked');
        """

    /// Waits a moment for the screen to fit its type, then expects no problem.
    static func expectHeld(_ b: WebDriver, _ page: String) async throws {
        try? await b.waitUntil("the legend and the pills hold their text", timeout: .seconds(5), problemsScript + "return problems.length === 0;")
        let problems = try await b.script(problemsScript + "return problems;") as? [String]
        #expect(problems == [], "\(page): \(problems ?? ["no answer"])")
    }
}
