import HallCore

extension HallRequestContext {
    /// The signed-in principal, who is the actor of the request. Routes that change state are
    /// permission-checked before they run, so this only throws when a route is reached unchecked.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw AccessError.notSignedIn }
        return principal
    }
}
