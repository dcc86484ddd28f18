extension QuestionGenerators {
    /// The generators the course's lessons can use, in the order `gradus quiz --generators` lists them: the
    /// order of the lessons, from one backward step to the remedies.
    public static let standard = QuestionGenerators([
        BackpropStep.generator,
        SigmoidSlope.generator,
        TanhSlope.generator,
        LayerProduct.generator,
        LSTMCellPath.generator,
        ClipFactor.twoComponents,
        ClipFactor.threeComponents,
        HeStd.generator,
        XavierStd.generator,
        SGDWeightDecay.generator,
        BatchNormOutput.generator,
        ResidualProduct.generator,
        RMSNormOutput.generator,
        AdamSecondStep.generator,
        HalfSpacing.generator,
        LossScaleUpdate.generator,
    ])
}
