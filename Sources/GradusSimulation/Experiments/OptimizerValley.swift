import Foundation
import GradusEngine

/// Gradient descent, heavy-ball momentum, Nesterov momentum and Adam on a narrow valley: the quadratic
/// L(w) = ½·wᵀHw in two dimensions with curvature 1 along the valley's floor and κ across it (condition number κ),
/// started 10 units along the floor and 1 unit up a wall. The loss after each step.
///
/// Gradient descent converges along each eigendirection by the factor 1 − ηλᵢ per step, so the flat direction
/// sets the pace (1 − η) while the steep one caps η below 2/κ. Polyak's heavy ball (1964) adds μ times the last
/// step; Nesterov's variant (as Sutskever et al., 2013, use it) evaluates the velocity one step ahead. Both are
/// invariant under rotations of the valley, so their losses do not depend on its angle. Adam (Kingma & Ba, 2015)
/// rescales each coordinate by its own gradient history: for a valley along the coordinate axes that undoes the
/// ill-conditioning; for a valley turned by `angle` each coordinate sees both curvatures, and it cannot.
enum OptimizerValley {
    static let simulation = Simulation(
        name: "optimizer-valley",
        title: Localized(pt: "Perda num vale estreito: SGD, momento, Nesterov e Adam",
                         de: "Verlust in einem schmalen Tal: SGD, Momentum, Nesterov und Adam",
                         en: "Loss in a narrow valley: SGD, momentum, Nesterov and Adam"),
        summary: "the loss of SGD, heavy-ball and Nesterov momentum and Adam (valley along the axes and turned) on a 2-D quadratic with condition number κ",
        parameters: [
            ParameterSpec("condition", .real(1...10000), default: .real(100), help: "κ, the curvature across the valley (1 along it)"),
            ParameterSpec("lr", .real(0.0001...1), default: .real(0.01), help: "learning rate η of SGD, momentum and Nesterov"),
            ParameterSpec("momentum", .real(0...0.999), default: .real(0.9), help: "momentum μ of the heavy ball and Nesterov"),
            ParameterSpec("adam_lr", .real(0.0001...10), default: .real(0.1), help: "learning rate of Adam"),
            ParameterSpec("angle", .real(0...90), default: .real(45), help: "angle in degrees of the turned valley (Adam's last column)"),
            ParameterSpec("steps", .integer(1...5000), default: .integer(200), help: "steps"),
            ParameterSpec("every", .integer(1...5000), default: .integer(10), help: "show every this many steps (and step 0)"),
        ],
        usesSeed: false,
        columns: [
            .init("step", Labels.step),
            .init("loss_sgd", Labels.qualified(Labels.loss, "SGD")),
            .init("loss_momentum", Labels.qualified(Labels.loss, Localized(pt: "momento", de: "Momentum", en: "momentum"))),
            .init("loss_nesterov", Labels.qualified(Labels.loss, "Nesterov")),
            .init("loss_adam_aligned", Labels.qualified(Labels.loss, Localized(pt: "Adam, vale nos eixos",
                                                                             de: "Adam, Tal entlang der Achsen",
                                                                             en: "Adam, valley along the axes"))),
            .init("loss_adam_turned", Labels.qualified(Labels.loss, Localized(pt: "Adam, vale girado",
                                                                            de: "Adam, gedrehtes Tal",
                                                                            en: "Adam, turned valley"))),
        ],
        compute: { parameters, _ in
            let kappa = parameters.real("condition"), steps = parameters.integer("steps")
            let every = parameters.integer("every"), lr = parameters.real("lr"), mu = parameters.real("momentum")
            let adamLR = parameters.real("adam_lr"), angle = parameters.real("angle")
            let runs = [losses(.sgd, condition: kappa, angle: 0, learningRate: lr, momentum: mu, steps: steps),
                        losses(.momentum, condition: kappa, angle: 0, learningRate: lr, momentum: mu, steps: steps),
                        losses(.nesterov, condition: kappa, angle: 0, learningRate: lr, momentum: mu, steps: steps),
                        losses(.adam, condition: kappa, angle: 0, learningRate: adamLR, momentum: mu, steps: steps),
                        losses(.adam, condition: kappa, angle: angle, learningRate: adamLR, momentum: mu, steps: steps)]
            return (0...steps).filter { $0 % every == 0 || $0 == steps }.map { step in
                [.number(Double(step))] + runs.map { .number($0[step]) }
            }
        })

    enum Method: CaseIterable { case sgd, momentum, nesterov, adam }

    /// The starting point in the valley's own coordinates: 10 along the floor, 1 up the steep wall.
    static let start = (floor: 10.0, wall: 1.0)

    /// R·diag(1, κ)·Rᵀ for R the rotation by `angle` degrees.
    static func hessian(condition: Double, angle: Double) -> Tensor {
        let (c, s) = rotation(angle)
        // Columns of R are the floor direction (c, s) and the wall direction (−s, c).
        return Tensor(rows: [[c * c + condition * s * s, (1 - condition) * c * s],
                             [(1 - condition) * c * s, s * s + condition * c * c]])
    }

    /// The start in the plane's coordinates: R·(10, 1).
    static func startingPoint(angle: Double) -> [Double] {
        let (c, s) = rotation(angle)
        return [c * start.floor - s * start.wall, s * start.floor + c * start.wall]
    }

    static func rotation(_ degrees: Double) -> (cos: Double, sin: Double) {
        // Exact at the angles people type most (0 and 90), where cos and sin of π/2 are not.
        if degrees == 0 { return (1, 0) }
        if degrees == 90 { return (0, 1) }
        let radians = degrees * Double.pi / 180
        return (Foundation.cos(radians), Foundation.sin(radians))
    }

    /// The loss ½·wᵀHw before the first step and after each of `steps` steps, with the engine's optimizers
    /// (Adam with PyTorch's β and ε).
    static func losses(_ method: Method, condition: Double, angle: Double, learningRate: Double, momentum: Double,
                       steps: Int) -> [Double] {
        let h = Variable.constant(hessian(condition: condition, angle: angle))
        let w = Variable(Tensor(rows: [startingPoint(angle: angle)]), name: "w")
        var optimizer: any Optimizer
        switch method {
        case .sgd: optimizer = SGD(parameters: [w], learningRate: learningRate)
        case .momentum: optimizer = SGD(parameters: [w], learningRate: learningRate, momentum: momentum)
        case .nesterov:   // with μ = 0 there is nothing to look ahead along: plain SGD
            optimizer = SGD(parameters: [w], learningRate: learningRate, momentum: momentum, nesterov: momentum > 0)
        case .adam: optimizer = Adam(parameters: [w], learningRate: learningRate)
        }
        var values: [Double] = []
        values.reserveCapacity(steps + 1)
        for step in 0...steps {
            optimizer.zeroGrad()
            let loss = (w.matmul(h) * w).sum() * 0.5
            values.append(loss.value.item)
            if step == steps { break }
            loss.backward()
            optimizer.step()
        }
        return values
    }
}
