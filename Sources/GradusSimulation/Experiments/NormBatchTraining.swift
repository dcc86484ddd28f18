import GradusEngine

/// Test accuracy after training the same small classifier with batch, layer or RMS normalisation (or none) at
/// batch sizes 2, 4, … up to `max_batch`, the same number of steps for every size, the median over seeds.
///
/// The task: 16 input features with different offsets and scales, four classes set by a fixed random linear
/// "teacher". The classifier is 16 → 32 → 32 → 4, a normalisation between each hidden linear map and its
/// ReLU, trained by plain SGD on the cross-entropy. Batch normalisation (Ioffe & Szegedy, 2015) trains on the
/// batch's statistics and is evaluated, as in practice, with the running averages; with two or four examples per
/// batch those statistics are so noisy that what the network learns does not match what it meets at test time.
/// Layer (Ba et al., 2016) and RMS normalisation (Zhang & Sennrich, 2019) compute the same for every batch size,
/// in training and at test time. A batch of one is left out: it has no variance, batch normalisation maps every
/// input to β, and PyTorch refuses to train it.
///
/// The ranges stop where larger values only cost time (every run is a full training): batches past 256 train
/// like 128 and 256, 4000 steps instead of 2000 raise every accuracy by about as much (batch normalisation at a
/// batch of 2 stays near 0.38), and nine seeds instead of five move the medians by about 0.01–0.03.
enum NormBatchTraining {
    static let simulation = Simulation(
        name: "norm-batch-training",
        title: Localized(pt: "Acurácia de teste por tamanho do lote, com normalização em lote, de camada, RMS ou nenhuma",
                         de: "Testgenauigkeit je Batchgröße mit Batch-, Layer-, RMS- oder keiner Normalisierung",
                         en: "Test accuracy per batch size with batch, layer, RMS or no normalisation"),
        summary: "test accuracy of a small classifier trained with batch norm, layer norm, RMS norm or none, at batch sizes 2, 4, … (same number of steps)",
        parameters: [
            ParameterSpec("max_batch", .integer(2...256), default: .integer(128),
                          help: "largest batch size (the rows are 2, 4, … up to it; from 16 on every normalisation trains alike)"),
            ParameterSpec("steps", .integer(1...2000), default: .integer(1000),
                          help: "SGD steps at every batch size (more lift every column alike; batch norm at 2 stays near chance)"),
            ParameterSpec("lr", .real(0.0001...10), default: .real(0.1), help: "learning rate"),
            ParameterSpec("seeds", .integer(1...5), default: .integer(3),
                          help: "runs whose median is shown (more move the medians by about 0.01–0.03, not their order)"),
        ],
        usesSeed: true,
        columns: [
            .init("batch", Labels.batchSize),
            .init("accuracy_bn", Labels.qualified(accuracy, Labels.batchNorm)),
            .init("accuracy_ln", Labels.qualified(accuracy, Labels.layerNorm)),
            .init("accuracy_rms", Labels.qualified(accuracy, Labels.rmsNorm)),
            .init("accuracy_none", Labels.qualified(accuracy, Localized(pt: "sem normalização", de: "ohne Normalisierung",
                                                                          en: "no normalisation"))),
        ],
        compute: { parameters, seed in
            let steps = parameters.integer("steps"), lr = parameters.real("lr")
            let seeds = Statistics.seeds(seed, count: parameters.integer("seeds"))
            // Every run (batch size, kind, seed) is independent: all of them shared between the cores.
            let batches = Labels.powersOfTwo(from: 2, upTo: parameters.integer("max_batch"))
            // The data of a seed is the same for every kind and size: drawn once per seed.
            let problems = Statistics.parallelMap(seeds) { Problem(seed: $0) }
            let jobs = batches.flatMap { batch in Kind.allCases.flatMap { kind in seeds.indices.map { (batch, kind, $0) } } }
            let all = Statistics.parallelMap(jobs, cost: { batch, _, _ in batch }) { batch, kind, s in
                train(kind, batch: batch, steps: steps, lr: lr, problem: problems[s])
            }
            return batches.indices.map { b in
                let accuracies = Kind.allCases.indices.map { k in
                    let first = (b * Kind.allCases.count + k) * seeds.count
                    return Statistics.median(Array(all[first ..< first + seeds.count]))
                }
                return [.number(Double(batches[b]))] + accuracies.map { .number($0) }
            }
        })

    static let accuracy = Localized(pt: "acurácia de teste", de: "Testgenauigkeit", en: "test accuracy")

    enum Kind: CaseIterable { case batch, layer, rms, none }

    static let inputs = 16, hidden = 32, classes = 4

    /// The fraction of test examples classified right after `steps` SGD steps on batches of `batch`. The task,
    /// the initial weights and the order of the examples come from `seed`, the same for every kind and size.
    static func train(_ kind: Kind, batch: Int, steps: Int, lr: Double, seed: UInt64) -> Double {
        train(kind, batch: batch, steps: steps, lr: lr, problem: Problem(seed: seed))
    }

    /// `train` on the data of `problem`, whose generator goes on to draw the weights.
    static func train(_ kind: Kind, batch: Int, steps: Int, lr: Double, problem: Problem) -> Double {
        var generator = problem.generator
        let (trainSet, trainLabels, test, testLabels, seed) =
            (problem.trainSet, problem.trainLabels, problem.test, problem.testLabels, problem.seed)
        let sizes = [inputs, hidden, hidden, classes]
        let layers = zip(sizes, sizes.dropFirst()).map { Linear(inputs: $0, outputs: $1, generator: &generator) }
        let batchNorms = [BatchNorm(features: hidden), BatchNorm(features: hidden)]
        let layerNorms = [LayerNorm(features: hidden), LayerNorm(features: hidden)]
        let rmsNorms = [RMSNorm(features: hidden), RMSNorm(features: hidden)]
        func forward(_ x: Tensor, training: Bool) -> Variable {
            var h = Variable.constant(x)
            for index in 0..<2 {
                var z = layers[index](h)
                switch kind {
                case .batch: z = batchNorms[index](z, training: training)
                case .layer: z = layerNorms[index](z)
                case .rms: z = rmsNorms[index](z)
                case .none: break
                }
                h = z.relu()
            }
            return layers[2](h)
        }
        let normParameters: [Variable]
        switch kind {
        case .batch: normParameters = batchNorms.flatMap(\.parameters)
        case .layer: normParameters = layerNorms.flatMap(\.parameters)
        case .rms: normParameters = rmsNorms.flatMap(\.parameters)
        case .none: normParameters = []
        }
        var optimizer = SGD(parameters: layers.flatMap(\.parameters) + normParameters, learningRate: lr)
        var order = Generator(seed: seed ^ 0x5eed)
        for _ in 0..<steps {
            let picks = (0..<batch).map { _ in order.nextInt(below: trainLabels.count) }
            var rows = [Double]()
            rows.reserveCapacity(batch * inputs)
            for r in picks { rows += trainSet.scalars[r * inputs ..< (r + 1) * inputs] }
            let x = Tensor(shape: .matrix(batch, inputs), scalars: rows)
            optimizer.zeroGrad()
            forward(x, training: true).crossEntropy(labels: picks.map { trainLabels[$0] }).backward()
            optimizer.step()
        }
        let logits = forward(test, training: false).value
        var right = 0
        for r in testLabels.indices {
            let predicted = (0..<classes).max { logits[r, $0] < logits[r, $1] }!
            if predicted == testLabels[r] { right += 1 }
        }
        return Double(right) / Double(testLabels.count)
    }

    /// The training and test sets of one seed, and its generator after drawing them (it draws the weights next).
    struct Problem {
        let seed: UInt64
        let trainSet: Tensor, trainLabels: [Int]
        let test: Tensor, testLabels: [Int]
        let generator: Generator

        init(seed: UInt64) {
            var generator = Generator(seed: seed)
            (trainSet, trainLabels) = task(examples: 4096, generator: &generator)
            (test, testLabels) = task(examples: 2048, generator: &generator)
            self.seed = seed
            self.generator = generator
        }
    }

    /// `examples` rows of 16 features, feature j = offsetⱼ + scaleⱼ·zⱼ with z ~ N(0, I), and each row's class:
    /// the largest of the four scores z·T of a random "teacher" matrix T. The offsets, scales and T are the same for
    /// every call (a fixed seed); the examples come from `generator`.
    static func task(examples: Int, generator: inout Generator) -> (Tensor, [Int]) {
        var fixed = Generator(seed: 0x7a5c)
        let offsets = Tensor.normal(.matrix(1, inputs), std: 3, generator: &fixed)
        let scales = Tensor.uniform(.matrix(1, inputs), low: 0.5, high: 3, generator: &fixed)
        let teacher = Tensor.normal(.matrix(inputs, classes), generator: &fixed)
        let z = Tensor.normal(.matrix(examples, inputs), generator: &generator)
        let scores = z.matmul(teacher)
        let labels = (0..<examples).map { r in (0..<classes).max { scores[r, $0] < scores[r, $1] }! }
        return (z * scales + offsets, labels)
    }
}
