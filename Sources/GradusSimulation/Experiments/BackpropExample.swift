import Foundation
import GradusEngine

/// Every intermediate value of one forward and one backward pass through a 2–2–1 network of sigmoid units with
/// the loss L = ½(o − y)², once from the engine's autodiff and once by the chain rule written out by hand.
///
/// The weights are fixed (no seed): hidden unit j computes zⱼ = wⱼ₁x₁ + wⱼ₂x₂ + bⱼ and hⱼ = σ(zⱼ), where wⱼᵢ is
/// the weight from input i into unit j (the first index is the receiving unit, as the row of W in z = Wx + b),
/// with w₁₁ = 0.15, w₁₂ = 0.20, w₂₁ = −0.25, w₂₂ = 0.30, b₁ = 0.10, b₂ = −0.10; the output is
/// o = σ(v₁h₁ + v₂h₂ + c) with v₁ = 0.40, v₂ = −0.50, c = 0.20.
enum BackpropExample {
    /// As the engine multiplies x·W: w[i][j] is the weight from input i into hidden unit j, named wⱼᵢ in the table.
    static let w: [[Double]] = [[0.15, -0.25], [0.20, 0.30]]
    static let b: [Double] = [0.10, -0.10]
    static let v: [Double] = [0.40, -0.50]
    static let c = 0.20

    static let simulation = Simulation(
        name: "backprop-example",
        title: Localized(pt: "Retropropagação passo a passo numa rede 2–2–1",
                         de: "Backpropagation Schritt für Schritt in einem 2–2–1-Netz",
                         en: "Backpropagation step by step in a 2–2–1 network"),
        summary: "every value of the forward and backward pass of a tiny sigmoid network, engine against the chain rule by hand",
        parameters: [
            ParameterSpec("x1", .real(-10...10), default: .real(0.5), help: "first input"),
            ParameterSpec("x2", .real(-10...10), default: .real(-1), help: "second input"),
            ParameterSpec("target", .real(-10...10), default: .real(1), help: "target y of the output"),
        ],
        usesSeed: false,
        columns: [
            .init("pass", Localized(pt: "passagem", de: "Durchlauf", en: "pass")),
            .init("quantity", Localized(pt: "grandeza", de: "Größe", en: "quantity")),
            .init("rule", Localized(pt: "regra", de: "Regel", en: "rule")),
            .init("engine", Localized(pt: "motor (autodiff)", de: "Engine (Autodiff)", en: "engine (autodiff)")),
            .init("chain_rule", Localized(pt: "regra da cadeia à mão", de: "Kettenregel von Hand", en: "chain rule by hand")),
        ],
        compute: { parameters, _ in
            let x = [parameters.real("x1"), parameters.real("x2")], y = parameters.real("target")
            let engine = engineValues(x: x, y: y), hand = handValues(x: x, y: y)
            return rows.map { row in
                [.text(row.backward ? backwardLabel : forwardLabel), .text(Localized(stringLiteral: row.quantity)),
                 .text(Localized(stringLiteral: row.rule)), .number(engine[row.key]!), .number(hand[row.key]!)]
            }
        })

    /// The rows in order: a key into both value dictionaries, the symbol and the rule that computes it.
    static let rows: [(key: String, quantity: String, rule: String, backward: Bool)] = [
        ("z1", "z₁", "w₁₁x₁ + w₁₂x₂ + b₁", false),
        ("h1", "h₁", "σ(z₁)", false),
        ("z2", "z₂", "w₂₁x₁ + w₂₂x₂ + b₂", false),
        ("h2", "h₂", "σ(z₂)", false),
        ("zo", "zₒ", "v₁h₁ + v₂h₂ + c", false),
        ("o", "o", "σ(zₒ)", false),
        ("L", "L", "½(o − y)²", false),
        ("dL/do", "∂L/∂o", "o − y", true),
        ("dL/dzo", "∂L/∂zₒ", "∂L/∂o · o(1 − o)", true),
        ("dL/dv1", "∂L/∂v₁", "∂L/∂zₒ · h₁", true),
        ("dL/dv2", "∂L/∂v₂", "∂L/∂zₒ · h₂", true),
        ("dL/dc", "∂L/∂c", "∂L/∂zₒ", true),
        ("dL/dh1", "∂L/∂h₁", "∂L/∂zₒ · v₁", true),
        ("dL/dh2", "∂L/∂h₂", "∂L/∂zₒ · v₂", true),
        ("dL/dz1", "∂L/∂z₁", "∂L/∂h₁ · h₁(1 − h₁)", true),
        ("dL/dz2", "∂L/∂z₂", "∂L/∂h₂ · h₂(1 − h₂)", true),
        ("dL/dw11", "∂L/∂w₁₁", "∂L/∂z₁ · x₁", true),
        ("dL/dw12", "∂L/∂w₁₂", "∂L/∂z₁ · x₂", true),
        ("dL/dw21", "∂L/∂w₂₁", "∂L/∂z₂ · x₁", true),
        ("dL/dw22", "∂L/∂w₂₂", "∂L/∂z₂ · x₂", true),
        ("dL/db1", "∂L/∂b₁", "∂L/∂z₁", true),
        ("dL/db2", "∂L/∂b₂", "∂L/∂z₂", true),
    ]

    static let forwardLabel = Localized(pt: "direta", de: "vorwärts", en: "forward")
    static let backwardLabel = Localized(pt: "reversa", de: "rückwärts", en: "backward")

    // MARK: - The two computations

    /// The values as GradusEngine computes them: a graph of matrix ops, differentiated in reverse mode.
    static func engineValues(x: [Double], y: Double) -> [String: Double] {
        let input = Variable.constant(Tensor(rows: [x]))
        let w1 = Variable(Tensor(rows: w)), b1 = Variable(Tensor(b))
        let w2 = Variable(Tensor(rows: v.map { [$0] })), b2 = Variable(Tensor([c]))
        let z = input.matmul(w1) + b1
        let h = z.sigmoid()
        let zo = h.matmul(w2) + b2
        let o = zo.sigmoid()
        let loss = (o - Variable.constant(Tensor(rows: [[y]]))).pow(2).sum() * 0.5
        loss.backward()
        let dz = z.grad!.scalars, dh = h.grad!.scalars, dw1 = w1.grad!, dw2 = w2.grad!.scalars
        return [
            "z1": z.value.scalars[0], "h1": h.value.scalars[0], "z2": z.value.scalars[1], "h2": h.value.scalars[1],
            "zo": zo.value.item, "o": o.value.item, "L": loss.value.item,
            "dL/do": o.grad!.item, "dL/dzo": zo.grad!.item, "dL/dv1": dw2[0], "dL/dv2": dw2[1], "dL/dc": b2.grad!.item,
            "dL/dh1": dh[0], "dL/dh2": dh[1], "dL/dz1": dz[0], "dL/dz2": dz[1],
            "dL/dw11": dw1[0, 0], "dL/dw12": dw1[1, 0], "dL/dw21": dw1[0, 1], "dL/dw22": dw1[1, 1],
            "dL/db1": b1.grad!.scalars[0], "dL/db2": b1.grad!.scalars[1],
        ]
    }

    /// The same values from scalar formulas, one chain-rule factor at a time.
    static func handValues(x: [Double], y: Double) -> [String: Double] {
        func sigma(_ t: Double) -> Double { 1 / (1 + exp(-t)) }
        let z1 = w[0][0] * x[0] + w[1][0] * x[1] + b[0], z2 = w[0][1] * x[0] + w[1][1] * x[1] + b[1]
        let h1 = sigma(z1), h2 = sigma(z2)
        let zo = v[0] * h1 + v[1] * h2 + c
        let o = sigma(zo)
        let loss = 0.5 * (o - y) * (o - y)
        let dO = o - y
        let dZo = dO * o * (1 - o)
        let dH1 = dZo * v[0], dH2 = dZo * v[1]
        let dZ1 = dH1 * h1 * (1 - h1), dZ2 = dH2 * h2 * (1 - h2)
        return [
            "z1": z1, "h1": h1, "z2": z2, "h2": h2, "zo": zo, "o": o, "L": loss,
            "dL/do": dO, "dL/dzo": dZo, "dL/dv1": dZo * h1, "dL/dv2": dZo * h2, "dL/dc": dZo,
            "dL/dh1": dH1, "dL/dh2": dH2, "dL/dz1": dZ1, "dL/dz2": dZ2,
            "dL/dw11": dZ1 * x[0], "dL/dw12": dZ1 * x[1], "dL/dw21": dZ2 * x[0], "dL/dw22": dZ2 * x[1],
            "dL/db1": dZ1, "dL/db2": dZ2,
        ]
    }
}
