import GradusEngine

/// How much one example's normalised output depends on the other examples of its batch, for batch sizes 1, 2, 4,
/// … up to `max_batch`: the root mean square, over the units and many random batches, of the difference between
/// the example's output inside a batch and its batch-independent value.
///
/// The units' values are drawn per unit from N(μⱼ, sⱼ²), with μⱼ ~ N(0, 1) and sⱼ ~ U(0.5, 2), one example per
/// row. For batch normalisation (Ioffe & Szegedy, 2015; training mode, as the network trains) the batch-independent
/// value is the example standardised with the population's μⱼ and sⱼ, which is what evaluation mode would give
/// with perfect running averages: the difference is the noise of the batch's mean and variance. A batch of one
/// has no spread, so batch normalisation maps every value to β = 0. For layer normalisation (Ba et al., 2016) and
/// RMS normalisation (Zhang & Sennrich, 2019) the batch-independent value is the example normalised on its own:
/// they use only the example's statistics, so the difference is exactly 0 at every batch size.
///
/// The root mean square is an average over draws × features values: past 2000 draws it settles in the third
/// digit (10 000 draws move it by under 0.5%), so the range stops there.
enum NormBatchNoise {
    static let simulation = Simulation(
        name: "norm-batch-noise",
        title: Localized(pt: "Quanto a saída de um exemplo depende do lote: normalização em lote, de camada e RMS",
                         de: "Wie stark die Ausgabe eines Beispiels vom Batch abhängt: Batch-, Layer- und RMS-Normalisierung",
                         en: "How much one example's output depends on its batch: batch, layer and RMS normalisation"),
        summary: "per batch size 1, 2, 4, …: RMS difference between an example's normalised output in a random batch and its batch-independent value, for batch norm, layer norm and RMS norm",
        parameters: [
            ParameterSpec("max_batch", .integer(1...1024), default: .integer(128),
                          help: "largest batch size (the rows are 1, 2, 4, … up to it)"),
            ParameterSpec("features", .integer(2...512), default: .integer(64), help: "units normalised together"),
            ParameterSpec("draws", .integer(1...2000), default: .integer(200),
                          help: "random batches per batch size (10000 move the RMS by under 0.5%)"),
        ],
        usesSeed: true,
        columns: [
            .init("batch", Labels.batchSize),
            .init("noise_bn", Labels.qualified(deviation, Labels.batchNorm)),
            .init("noise_ln", Labels.qualified(deviation, Labels.layerNorm)),
            .init("noise_rms", Labels.qualified(deviation, Labels.rmsNorm)),
        ],
        compute: { parameters, seed in
            let features = parameters.integer("features"), draws = parameters.integer("draws")
            var generator = Generator(seed: seed)
            let means = Tensor.normal(.vector(features), generator: &generator)
            let stds = Tensor.uniform(.vector(features), low: 0.5, high: 2, generator: &generator)
            return Labels.powersOfTwo(upTo: parameters.integer("max_batch")).map { batch in
                var squares = [0.0, 0.0, 0.0]
                for _ in 0..<draws {
                    let noise = Tensor.normal(.matrix(batch, features), generator: &generator)
                    let x = noise * stds.reshaped(.matrix(1, features)) + means.reshaped(.matrix(1, features))
                    let probe = Tensor(rows: [(0..<features).map { x[0, $0] }])
                    let bn = BatchNorm(features: features)(Variable.constant(x)).value
                    let layer = LayerNorm(features: features), rms = RMSNorm(features: features)
                    let lnBatch = layer(Variable.constant(x)).value, lnAlone = layer(Variable.constant(probe)).value
                    let rmsBatch = rms(Variable.constant(x)).value, rmsAlone = rms(Variable.constant(probe)).value
                    for j in 0..<features {
                        let reference = noise[0, j] * stds.scalars[j] / (stds.scalars[j] * stds.scalars[j] + 1e-5).squareRoot()
                        squares[0] += (bn[0, j] - reference) * (bn[0, j] - reference)
                        squares[1] += (lnBatch[0, j] - lnAlone[0, j]) * (lnBatch[0, j] - lnAlone[0, j])
                        squares[2] += (rmsBatch[0, j] - rmsAlone[0, j]) * (rmsBatch[0, j] - rmsAlone[0, j])
                    }
                }
                let count = Double(draws * features)
                return [.number(Double(batch))] + squares.map { .number(($0 / count).squareRoot()) }
            }
        })

    static let deviation = Localized(pt: "desvio por causa do lote", de: "Abweichung durch den Batch",
                                     en: "deviation caused by the batch")
}
