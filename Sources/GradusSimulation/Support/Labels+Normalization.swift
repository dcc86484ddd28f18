/// Labels of the normalisation experiments (batch size, the three normalisations) and the batch sizes they try.
extension Labels {
    static let batchSize = Localized(pt: "tamanho do lote", de: "Batchgröße", en: "batch size")
    static let batchNorm = Localized(pt: "normalização em lote", de: "Batch-Normalisierung", en: "batch norm")
    static let layerNorm = Localized(pt: "normalização de camada", de: "Layer-Normalisierung", en: "layer norm")
    static let rmsNorm = Localized(pt: "RMSNorm", de: "RMSNorm", en: "RMSNorm")

    /// `start`, 2·`start`, 4·`start`, … below `limit`, then `limit` itself (`start` ≤ `limit`).
    static func powersOfTwo(from start: Int = 1, upTo limit: Int) -> [Int] {
        precondition(1...limit ~= start, "batch sizes from \(start) up to \(limit)")
        var sizes: [Int] = [], size = start
        while size < limit { sizes.append(size); size *= 2 }
        return sizes + [limit]
    }
}
