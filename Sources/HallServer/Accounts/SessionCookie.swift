/// The `hall_session` cookie the pages sign in with: HttpOnly, SameSite=Strict, and `Secure`
/// when the client came over HTTPS, so a browser never sends it back over plain HTTP.
enum SessionCookie {
    static let name = "hall_session"

    /// Sets the cookie to `token` for `maxAge` seconds.
    static func set(_ token: String, maxAge: Int, context: HallRequestContext) -> String {
        "\(name)=\(token); Path=/; Max-Age=\(maxAge)\(attributes(context))"
    }

    /// Removes the cookie (sign-out, password change).
    static func clear(context: HallRequestContext) -> String {
        "\(name)=; Path=/; Max-Age=0\(attributes(context))"
    }

    private static func attributes(_ context: HallRequestContext) -> String {
        context.isHTTPS ? "; HttpOnly; SameSite=Strict; Secure" : "; HttpOnly; SameSite=Strict"
    }
}
