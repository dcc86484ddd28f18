/// Column labels several simulations share, in the terms the course's lessons use in each language.
enum Labels {
    static let layer = Localized(pt: "camada", de: "Schicht", en: "layer")
    static let step = Localized(pt: "passo", de: "Schritt", en: "step")
    static let stepsBack = Localized(pt: "passos para trás (k)", de: "Schritte zurück (k)", en: "steps back (k)")
    static let activationStd = Localized(pt: "desvio padrão das ativações", de: "Standardabweichung der Aktivierungen",
                                         en: "activation std")
    static let gradientNorm = Localized(pt: "norma do gradiente", de: "Gradientennorm", en: "gradient norm")
    static let learningRate = Localized(pt: "taxa de aprendizado", de: "Lernrate", en: "learning rate")

    /// "loss (plain)"-style label: `what` followed by a qualifier in parentheses.
    static func qualified(_ what: Localized, _ qualifier: Localized) -> Localized {
        Localized(pt: "\(what.pt) (\(qualifier.pt))", de: "\(what.de) (\(qualifier.de))", en: "\(what.en) (\(qualifier.en))")
    }

    static let loss = Localized(pt: "perda", de: "Verlust", en: "loss")
    static let weightNorm = Localized(pt: "norma dos pesos", de: "Gewichtsnorm", en: "weight norm")
    static let plain = Localized(pt: "sem remédio", de: "ohne Gegenmaßnahme", en: "plain")
    static let clipped = Localized(pt: "com recorte", de: "mit Clipping", en: "clipped")
}
