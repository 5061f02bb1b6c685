import Foundation

/// Layout assertions on the page as the browser laid it out, at the device's real size: what a
/// screenshot shows, measured (the tests assert on these, the screenshots are for people).
extension WebDriver {
    /// Elements sticking out past the right edge of the viewport, and whether the page scrolls
    /// sideways; empty when nothing overflows.
    func horizontalOverflow() async throws -> [String] {
        try await script(
            """
            const out = [];
            const width = document.documentElement.clientWidth;
            const scroll = document.documentElement.scrollWidth;
            if (scroll > width + 1) out.push('page scrolls sideways: ' + scroll + ' > ' + width);
            const root = (p) => p === document.body || p === document.documentElement;
            const clipped = (e) => {
              for (let p = e.parentElement; p; p = p.parentElement) if (!root(p) && getComputedStyle(p).overflowX !== 'visible') return true;
              return false;
            };
            for (const e of document.querySelectorAll('body *')) {
              const s = getComputedStyle(e);
              if (s.display === 'none' || s.visibility === 'hidden' || s.position === 'fixed') continue;
              const r = e.getBoundingClientRect();
              if (r.width > 0 && r.right > width + 1 && !clipped(e)) out.push(\(Self.describeJS)(e) + ' right=' + Math.round(r.right));
            }
            return out.slice(0, 10);
            """) as? [String] ?? ["no answer"]
    }

    /// Pairs of sibling elements (laid out in the flow, visible) whose boxes overlap by more than a
    /// pixel each way, inside `root`; empty when none do.
    func overlappingElements(in root: String = "body") async throws -> [String] {
        try await script(
            """
            const out = [];
            const root = document.querySelector(\(Self.jsString(root)));
            const shown = (e) => { const s = getComputedStyle(e);
              if (s.display === 'none' || s.visibility === 'hidden' || s.position === 'fixed' || s.position === 'absolute') return null;
              const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 ? r : null; };
            for (const parent of [root, ...root.querySelectorAll('*')]) {
              if (['SELECT', 'svg', 'OPTION'].includes(parent.tagName)) continue;
              const kids = [...parent.children].map((e) => [e, shown(e)]).filter(([, r]) => r);
              for (let i = 0; i < kids.length; i++) for (let j = i + 1; j < kids.length; j++) {
                const [a, ra] = kids[i], [b, rb] = kids[j];
                const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
                const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
                if (w > 1 && h > 1) out.push(\(Self.describeJS)(a) + ' overlaps ' + \(Self.describeJS)(b));
              }
            }
            return out.slice(0, 10);
            """) as? [String] ?? ["no answer"]
    }

    /// Visible elements matching `selector` whose label runs onto a second line (账/号).
    func brokenLabels(_ selector: String) async throws -> [String] {
        try await script(
            """
            const out = [];
            for (const e of document.querySelectorAll(\(Self.jsString(selector)))) {
              if (e.getClientRects().length === 0) continue;
              const range = document.createRange(); range.selectNodeContents(e);
              const rects = [...range.getClientRects()].filter((r) => r.width > 0);
              if (rects.length === 0) continue;
              const first = rects[0];
              if (rects.some((r) => r.top >= first.bottom - 2)) out.push(e.textContent.trim());
            }
            return out;
            """) as? [String] ?? ["no answer"]
    }

    /// The rendered height in CSS pixels of the first element matching `selector` (0 when none).
    func height(_ selector: String) async throws -> Double {
        try await script(
            "const e = document.querySelector(\(Self.jsString(selector))); return e ? e.getBoundingClientRect().height : 0;") as? Double ?? 0
    }

    /// A JavaScript function naming an element for a failure message: tag, id and classes.
    static let describeJS =
        "((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
        + " + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/ +/).join('.') : ''))"
}
