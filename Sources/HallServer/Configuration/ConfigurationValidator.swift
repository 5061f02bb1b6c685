import Foundation
import HallCore

/// Checks a merged configuration for values that would break the hall at run time.
enum ConfigurationValidator {
    static func validate(_ c: HallConfiguration) throws {
        func fail(_ key: String, _ reason: String) -> ConfigurationError { .invalidValue(key: key, reason: reason) }
        guard (0...65535).contains(c.listen.port) else { throw fail("listen.port", "must be 0…65535 (0: any free port)") }
        for (i, proxy) in c.listen.trustedProxies.enumerated() where !isIPAddress(proxy) {
            throw fail("listen.trustedProxies.\(i)", "'\(proxy)' is not an IP address (the proxy's, as halld sees it: 127.0.0.1 for nginx here)")
        }
        do { _ = try ResidentLanguages(codes: c.center.languages) } catch { throw fail("center.languages", error.description) }
        try c.hub.validate()
        guard TimeZone(identifier: c.queue.timeZoneIdentifier) != nil else {
            throw fail("queue.timeZoneIdentifier", "unknown time zone \(c.queue.timeZoneIdentifier)")
        }
        guard c.queue.maxRecalls >= 0 else { throw fail("queue.maxRecalls", "must not be negative") }
        guard c.queue.estimateSampleSize > 0 else { throw fail("queue.estimateSampleSize", "must be positive") }
        guard !c.services.isEmpty else { throw fail("services", "at least one service is needed") }
        var ids = Set<String>(), prefixes = Set<String>()
        for (i, s) in c.services.enumerated() {
            guard !s.id.isEmpty, ids.insert(s.id).inserted else { throw fail("services.\(i).id", "empty or duplicate id '\(s.id)'") }
            guard !s.prefix.isEmpty, s.prefix.allSatisfy({ $0.isASCII && $0.isLetter }),
                prefixes.insert(s.prefix.uppercased()).inserted
            else {
                throw fail("services.\(i).prefix", "prefix '\(s.prefix)' must be unique ASCII letters")
            }
            guard s.typicalServiceMinutes > 0 else { throw fail("services.\(i).typicalServiceMinutes", "must be positive") }
        }
        var numbers = Set<Int>()
        for (i, w) in c.windows.enumerated() {
            guard w.number > 0, numbers.insert(w.number).inserted else { throw fail("windows.\(i).number", "must be positive and unique") }
            guard !w.serviceIDs.isEmpty else { throw fail("windows.\(i).serviceIDs", "a window must serve at least one service") }
            for id in w.serviceIDs where !ids.contains(id) {
                throw fail("windows.\(i).serviceIDs", "unknown service '\(id)'")
            }
        }
        guard c.maxRequestBytes >= 1024 else { throw fail("maxRequestBytes", "must be at least 1024") }
        guard (0...1_000_000).contains(c.minFreeDiskMegabytes) else { throw fail("minFreeDiskMegabytes", "must be 0…1000000") }
        try AccessConfigurationValidator.validate(c)
        if let problem = c.extendedHours.problem() { throw fail("extendedHours.\(problem.key)", problem.reason) }
    }

    /// An IPv4 or IPv6 address literal, as the peer address of a connection is written.
    private static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
