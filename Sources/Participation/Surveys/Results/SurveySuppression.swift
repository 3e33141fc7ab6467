/// The privacy page's promise, "no count of fewer than ten people is shown", applied to a breakdown row: the
/// counts of one option (or scale value) across wilayas or sexes, whose total is shown beside them.
///
/// A count under ``threshold`` is withheld. Withholding only those would not be enough: with the total shown, a
/// single withheld cell is the total minus the cells shown, and several withheld cells summing to under ten give
/// that small count away for their groups together. So cells are withheld, smallest first, until the withheld
/// cells are two or more and add up to at least ``threshold`` (or the whole row is withheld: then only its total,
/// shown anyway, can be known). This is the "complementary suppression" of statistical offices (Eurostat, *Handbook
/// on Statistical Disclosure Control*, ch. 4, primary and secondary cell suppression).
public enum SurveySuppression {
    public static let threshold = 10

    /// The indices of `counts` to withhold.
    public static func withheld(_ counts: [Int]) -> Set<Int> {
        var hidden = Set(counts.indices.filter { counts[$0] < threshold })
        while !hidden.isEmpty {
            let residual = hidden.reduce(0) { $0 + counts[$1] }
            if hidden.count >= 2, residual >= threshold { break }
            let shown = counts.indices.filter { !hidden.contains($0) }
            guard let next = shown.min(by: { (counts[$0], $0) < (counts[$1], $1) }) else { break }
            hidden.insert(next)
        }
        return hidden
    }
}
