/// The banner's hub: receives the town halls' events (store-and-forward) and keeps them in PostgreSQL.
public enum HallHub {
    /// The hub's name in logs.
    public static let name = "hall-hub"
}
