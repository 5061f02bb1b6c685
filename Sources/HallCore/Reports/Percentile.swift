/// Percentiles by the nearest-rank method, the definition the store's SQL uses too.
public enum Percentile {
    /// The 1-based rank of the p-th percentile among `count` sorted values: ⌈p/100 · count⌉
    /// (at least 1). For p = 90 this is `(9 · count + 9) / 10` in integer arithmetic.
    public static func rank(_ p: Int, count: Int) -> Int {
        max(1, (p * count + 99) / 100)
    }

    /// The p-th percentile of `values` (nil when empty): the smallest value with at least p % of
    /// the values at or below it.
    public static func value(_ p: Int, of values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        return values.sorted()[rank(p, count: values.count) - 1]
    }
}
