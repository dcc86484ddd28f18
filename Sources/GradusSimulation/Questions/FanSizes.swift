/// The fan-in and fan-out the initialisation questions draw: layer widths met in practice (784 is a 28×28
/// image), each with a square root a pocket calculator handles.
enum FanSizes {
    static let sizes = NumberSet.oneOf([16, 32, 64, 100, 128, 200, 256, 300, 400, 512, 784, 1000, 1024])
    static let fanIn = DrawnValue("fan_in", help: "the layer's number of inputs", from: sizes)
    static let fanOut = DrawnValue("fan_out", help: "the layer's number of outputs", from: sizes)
}
