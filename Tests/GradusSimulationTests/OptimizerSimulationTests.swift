import Foundation
import Testing
import GradusEngine
@testable import GradusSimulation

@Suite("optimizer-valley")
struct OptimizerValleyTests {
    /// ½·Σᵢ λᵢ·cᵢ²·(1 − ηλᵢ)^(2t) for the start (10, 1) in the valley's coordinates.
    static func gradientDescentLoss(condition: Double, lr: Double, step: Int) -> Double {
        0.5 * (1 * 100 * pow(1 - lr, 2 * Double(step)) + condition * 1 * pow(1 - lr * condition, 2 * Double(step)))
    }

    @Test("SGD's loss is the closed form ½Σλᵢcᵢ²(1 − ηλᵢ)^2t, at the defaults and at other κ and η")
    func sgdClosedForm() throws {
        for (condition, lr) in [(100.0, 0.01), (30, 0.05), (1000, 0.0015)] {
            let losses = OptimizerValley.losses(.sgd, condition: condition, angle: 0, learningRate: lr, momentum: 0, steps: 300)
            for t in [0, 1, 7, 100, 300] {
                let expected = Self.gradientDescentLoss(condition: condition, lr: lr, step: t)
                #expect(abs(losses[t] - expected) <= 1e-12 * expected + 1e-300, "κ \(condition), η \(lr), step \(t)")
            }
        }
        // At the defaults η = 1/κ removes the wall in one step, and the floor shrinks by 0.99 a step: 50·0.99^2t.
        let table = try runSimulation("optimizer-valley")
        let sgd = try table.numbers("loss_sgd"), steps = try table.numbers("step")
        for (t, loss) in zip(steps, sgd) where t > 0 { #expect(abs(loss / (50 * pow(0.99, 2 * t)) - 1) < 1e-12) }
    }

    @Test("Beyond η = 2/κ gradient descent diverges; below it, it converges")
    func stabilityBound() {
        let stable = OptimizerValley.losses(.sgd, condition: 100, angle: 0, learningRate: 0.019, momentum: 0, steps: 400)
        let unstable = OptimizerValley.losses(.sgd, condition: 100, angle: 0, learningRate: 0.021, momentum: 0, steps: 400)
        #expect(stable[400] < 1e-3 && unstable[400] > 1e3)
    }

    @Test("Heavy ball and Nesterov follow their two-term recurrences along each eigendirection")
    func momentumRecurrences() {
        let kappa = 100.0, lr = 0.01, mu = 0.9
        for method in [OptimizerValley.Method.momentum, .nesterov] {
            let losses = OptimizerValley.losses(method, condition: kappa, angle: 0, learningRate: lr, momentum: mu, steps: 120)
            var expected: [Double] = []
            var coordinates: [(previous: Double, current: Double)] = [(10, 10), (1, 1)]
            let curvatures = [1.0, kappa]
            for t in 0...120 {
                expected.append(0.5 * zip(curvatures, coordinates).map { $0 * $1.current * $1.current }.reduce(0, +))
                for i in 0..<2 {
                    let (x0, x1) = coordinates[i], a = lr * curvatures[i]
                    let next: Double
                    if method == .momentum {
                        // Polyak: x⁺ = x − a·x + μ(x − x⁻), with x⁻ = x at the start.
                        next = x1 - a * x1 + mu * (x1 - x0)
                    } else if t == 0 {
                        // PyTorch's first Nesterov step: v = g, x⁺ = x − η(g + μg).
                        next = x1 - a * (1 + mu) * x1
                    } else {
                        // Sutskever et al.'s form: the gradient step taken from the look-ahead y = x + μ(x − x⁻).
                        let y = x1 + mu * (x1 - x0)
                        next = y - a * y
                    }
                    coordinates[i] = (x1, next)
                }
            }
            for t in [1, 2, 10, 60, 120] {
                #expect(abs(losses[t] - expected[t]) <= 1e-9 * expected[t], "\(method) step \(t): \(losses[t]) vs \(expected[t])")
            }
        }
    }

    @Test("With Polyak's tuning the heavy ball converges at (√κ − 1)/(√κ + 1) per step, gradient descent at (κ − 1)/(κ + 1)")
    func polyakRates() {
        let kappa = 100.0
        let momentumLR = 4 / pow(kappa.squareRoot() + 1, 2), mu = pow((kappa.squareRoot() - 1) / (kappa.squareRoot() + 1), 2)
        let heavy = OptimizerValley.losses(.momentum, condition: kappa, angle: 0, learningRate: momentumLR, momentum: mu, steps: 400)
        let descent = OptimizerValley.losses(.sgd, condition: kappa, angle: 0, learningRate: 2 / (1 + kappa), momentum: 0, steps: 400)
        // The loss is quadratic in the error, so its rate per step is the square of the error's; the heavy ball's
        // double root adds a factor polynomial in t, which the ratio over 100 steps leaves within a few percent.
        let heavyRate = pow(heavy[400] / heavy[300], 1.0 / 200)
        let descentRate = pow(descent[400] / descent[300], 1.0 / 200)
        #expect(abs(heavyRate / ((kappa.squareRoot() - 1) / (kappa.squareRoot() + 1)) - 1) < 0.01, "\(heavyRate)")
        #expect(abs(descentRate / ((kappa - 1) / (kappa + 1)) - 1) < 1e-9, "\(descentRate)")
    }

    @Test("SGD, momentum and Nesterov do not depend on the valley's angle; Adam does")
    func rotationInvariance() {
        for method in [OptimizerValley.Method.sgd, .momentum, .nesterov] {
            let aligned = OptimizerValley.losses(method, condition: 100, angle: 0, learningRate: 0.01, momentum: 0.9, steps: 150)
            let turned = OptimizerValley.losses(method, condition: 100, angle: 37, learningRate: 0.01, momentum: 0.9, steps: 150)
            for t in stride(from: 0, through: 150, by: 10) {
                #expect(abs(aligned[t] - turned[t]) <= 1e-9 * aligned[t], "\(method) step \(t)")
            }
        }
        let aligned = OptimizerValley.losses(.adam, condition: 100, angle: 0, learningRate: 0.1, momentum: 0, steps: 200)
        let turned = OptimizerValley.losses(.adam, condition: 100, angle: 45, learningRate: 0.1, momentum: 0, steps: 200)
        #expect(turned[200] > 100 * aligned[200])
    }

    @Test("On a valley along the axes Adam's path does not depend on κ: it rescales each coordinate")
    func adamIgnoresAxisScale() {
        // L = ½(w₁² + κw₂²): the path (w₁, w₂) is the same for every κ, so L − ½w₁² scales exactly with κ.
        let low = OptimizerValley.losses(.adam, condition: 10, angle: 0, learningRate: 0.1, momentum: 0, steps: 60)
        let high = OptimizerValley.losses(.adam, condition: 1000, angle: 0, learningRate: 0.1, momentum: 0, steps: 60)
        let flat = OptimizerValley.losses(.adam, condition: 0, angle: 0, learningRate: 0.1, momentum: 0, steps: 60)
        for t in [1, 5, 20, 60] {
            let wallLow = (low[t] - flat[t]) / 10, wallHigh = (high[t] - flat[t]) / 1000
            #expect(abs(wallLow - wallHigh) <= 1e-6 * max(wallLow, 1e-12), "step \(t): \(wallLow) vs \(wallHigh)")
        }
        // Its first step moves each coordinate by η (up to ε): from (10, 1) to (9.9, 0.9).
        #expect(abs(low[1] - 0.5 * (9.9 * 9.9 + 10 * 0.9 * 0.9)) < 1e-6)
    }

    @Test("The start lies 10 along the turned floor and 1 up its wall, and the Hessian has eigenvalues 1 and κ")
    func geometry() {
        let h = OptimizerValley.hessian(condition: 100, angle: 30).scalars, start = OptimizerValley.startingPoint(angle: 30)
        let trace = h[0] + h[3], determinant = h[0] * h[3] - h[1] * h[2]
        #expect(abs(trace - 101) < 1e-12 && abs(determinant - 100) < 1e-10)
        let loss = 0.5 * (start[0] * (h[0] * start[0] + h[1] * start[1]) + start[1] * (h[2] * start[0] + h[3] * start[1]))
        #expect(abs(loss - 100) < 1e-10)
    }
}

@Suite("adam-warmup")
struct AdamWarmupTests {
    @Test("The first update without warm-up has norm η·√Σ(g/(|g| + ε))², every weight moving by about η")
    func firstUpdate() throws {
        let table = try runSimulation("adam-warmup", [("steps", "5")])
        let update = try table.numbers("update_constant")[1], warmed = try table.numbers("update_warmup")[1]
        // The same network, data and first gradient as the simulation's, from the same seed.
        var generator = Generator(seed: 1)
        let net = MLP(sizes: [8, 64, 64, 64, 64, 1], activation: .relu, initializer: .heNormal(), generator: &generator)
        let x = Tensor.normal(.matrix(64, 8), generator: &generator)
        let u = Tensor.normal(.matrix(8, 1), std: 1 / 8.0.squareRoot(), generator: &generator)
        let noise = Tensor.normal(.matrix(64, 1), std: 0.1, generator: &generator)
        net(Variable.constant(x)).meanSquaredError(Variable.constant(x.matmul(u).map { sin(3 * $0) } + noise)).backward()
        var squares = 0.0, moving = 0
        for p in net.parameters {
            for g in p.grad!.scalars {
                squares += pow(g / (abs(g) + 1e-8), 2)
                if g != 0 { moving += 1 }
            }
        }
        #expect(abs(update - 0.03 * squares.squareRoot()) <= 1e-9 * update, "\(update) vs \(0.03 * squares.squareRoot())")
        // Nearly every parameter moves (ReLU units silent on all 64 examples do not), so ‖Δθ‖ ≈ η√P.
        #expect(abs(update - 0.03 * Double(moving).squareRoot()) < 0.001 * update)
        // The first Adam step is proportional to η: with W = 50 it is exactly 1/50 of the constant run's.
        #expect(abs(warmed * 50 - update) <= 1e-12 * update)
    }

    @Test("At the defaults the first update without warm-up raises the loss many times; with warm-up it falls")
    func spike() throws {
        let table = try runSimulation("adam-warmup")
        let constant = try table.numbers("loss_constant"), warmed = try table.numbers("loss_warmup")
        #expect(constant[0] == warmed[0])
        #expect(constant[1] > 10 * constant[0] && warmed[1] < warmed[0])
        #expect(warmed.last! < constant.last! / 100)
        #expect(try table.numbers("step").prefix(7) == [0, 1, 2, 3, 4, 5, 25])
        let rates = try table.numbers("lr_warmup")
        #expect(rates[1] == 0.03 / 50 && rates.last! == 0.03)
    }

    @Test("Without warm-up both runs are the same run")
    func noWarmup() throws {
        let table = try runSimulation("adam-warmup", [("warmup", "0"), ("steps", "20"), ("width", "16")])
        #expect(try table.numbers("loss_constant") == table.numbers("loss_warmup"))
        #expect(try table.numbers("update_constant") == table.numbers("update_warmup"))
    }

    @Test("The warm-up's learning rate is η·min(1, t/W)")
    func schedule() throws {
        let table = try runSimulation("adam-warmup", [("warmup", "8"), ("steps", "12"), ("every", "1"), ("width", "8")])
        let expected = (0...12).map { $0 == 0 ? 0 : 0.03 * min(1, Double($0) / 8) }
        #expect(zip(try table.numbers("lr_warmup"), expected).allSatisfy { abs($0 - $1) < 1e-15 })
    }
}

@Suite("decoupled-decay")
struct DecoupledDecayTests {
    @Test("Under AdamW the weight without loss gradient is exactly (1 − ηλ)ᵗ, and the noisy ones are on average")
    func adamWClosedForm() throws {
        let table = try runSimulation("decoupled-decay")
        let steps = try table.numbers("step"), quiet = try table.numbers("quiet_adamw"), busy = try table.numbers("busy_adamw")
        for (t, (q, b)) in zip(steps, zip(quiet, busy)) {
            let expected = pow(1 - 0.01 * 0.1, t)
            #expect(abs(q - expected) <= 1e-12 * expected, "step \(t)")
            // The mean of 1000 weights each walking by about η·√t: a standard error near 0.003 at t = 1000.
            #expect(abs(b - expected) < 0.015, "step \(t): \(b) vs \(expected)")
        }
    }

    @Test("With L2 in Adam the quiet weight's path does not depend on λ, and its first step is η")
    func l2IgnoresLambda() {
        func path(_ lambda: Double) -> [Double] {
            DecoupledDecay.run(decoupled: false, .init(learningRate: 0.01, decay: lambda, noise: 10, busyWeights: 2,
                                                       steps: 150), seed: 3).quiet
        }
        let weak = path(0.01), strong = path(1)
        #expect(abs(weak[1] - 0.99) < 1e-5 && abs(strong[1] - 0.99) < 1e-7)
        // λ cancels in m̂/√v̂ while λ·w is far above ε = 1e-8.
        for t in [1, 10, 50, 100] { #expect(abs(weak[t] - strong[t]) < 1e-4, "step \(t): \(weak[t]) vs \(strong[t])") }
        // Faster than AdamW by far: the quiet weight is below 0.25 after 100 steps, where (1 − 0.001)¹⁰⁰ ≈ 0.905.
        #expect(weak[100] < 0.25)
    }

    @Test("With L2 in Adam a weight with noisy gradient σ decays at about ηλ/σ a step")
    func busyDecayRate() throws {
        for sigma in [5.0, 10, 20] {
            let table = try runSimulation("decoupled-decay", [("noise", "\(sigma)"), ("steps", "1000"), ("every", "500")])
            let busy = try table.numbers("busy_adam_l2")[2]
            let predicted = exp(-0.01 * 0.1 * 1000 / sigma)
            #expect(abs(busy - predicted) < 0.02, "σ \(sigma): \(busy) vs \(predicted)")
        }
    }
}
