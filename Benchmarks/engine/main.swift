// The engine benchmark: compiled by Benchmarks/engine.sh together with Sources/GradusEngine into one module
// (so no import). Prints two `name microseconds` lines per case: the median over repeats of the mean time of
// one iteration, in wall-clock time and (`name_cpu`) in the process's CPU time. The same computations, written with numpy, are in Benchmarks/engine_numpy.py.
import Foundation

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

/// The process's CPU time in nanoseconds (all threads).
func cpuNanoseconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1e9 + Double(t.tv_nsec)
}

/// The median over `repeats` of the mean time of `iterations` calls of `body`, in microseconds: wall-clock
/// time, and CPU time (which a busy machine inflates far less).
func measure(iterations: Int, repeats: Int = 7, _ body: () -> Void) -> (wall: Double, cpu: Double) {
    for _ in 0..<max(1, iterations / 4) { body() }
    var times: [Double] = [], cpu: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds, cpuStart = cpuNanoseconds()
        for _ in 0..<iterations { body() }
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / Double(iterations) / 1000)
        cpu.append((cpuNanoseconds() - cpuStart) / Double(iterations) / 1000)
    }
    return (median(times), median(cpu))
}

/// One SGD step (forward, MSE loss, backward, update) of a 10-layer, width-64 tanh MLP on a batch of 128.
func mlpStep() -> (wall: Double, cpu: Double) {
    var rng = Generator(seed: 1)
    let net = MLP(inputs: 64, width: 64, depth: 10, outputs: 64, activation: .tanh,
                  initializer: .xavierNormal(gain: 5.0 / 3.0), generator: &rng)
    var sgd = SGD(parameters: net.parameters, learningRate: 0.01)
    let x = Variable.constant(Tensor.normal(.matrix(128, 64), generator: &rng))
    let y = Variable.constant(Tensor.normal(.matrix(128, 64), generator: &rng))
    return measure(iterations: 100) {
        sgd.zeroGrad()
        net(x).meanSquaredError(y).backward()
        sgd.step()
    }
}

/// Forward and backward through time of an LSTM (inputs and hidden width 32) unrolled over 100 steps, the
/// loss being the sum of the last hidden state; gradients of all weights and of the initial state.
func lstmUnroll(batch: Int) -> (wall: Double, cpu: Double) {
    var rng = Generator(seed: 2)
    let cell = LSTMCell(inputs: 32, hidden: 32, generator: &rng)
    let xs = (0..<100).map { _ in Variable.constant(Tensor.normal(.matrix(batch, 32), generator: &rng)) }
    let h0 = Variable(Tensor.zeros(.matrix(batch, 32))), c0 = Variable(Tensor.zeros(.matrix(batch, 32)))
    return measure(iterations: 20) {
        cell.zeroGrad(); h0.zeroGrad(); c0.zeroGrad()
        var state = (h: h0, c: c0)
        for x in xs { state = cell(x, state) }
        state.h.sum().backward()
    }
}

if CommandLine.arguments.contains("--kernel") {
    // Which matrix-product kernel this machine gets (the AVX one is generated at run time, when the CPU has AVX),
    // and whether products fuse their multiply-adds (where the CPU has FMA, with either kernel).
    print((AVXMicroKernel.function != nil ? "AVX (generated at run time)" : "portable SSE2")
          + (ProductRounding.fused ? ", fused multiply-add" : ", multiply then add"))
    exit(0)
}
// Case names given as arguments run only those cases (for profiling one of them).
let chosen = Set(CommandLine.arguments.dropFirst())
let cases: [(String, () -> (wall: Double, cpu: Double))] = [
    ("mlp_step", mlpStep), ("lstm_unroll_batch1", { lstmUnroll(batch: 1) }),
    ("lstm_unroll_batch32", { lstmUnroll(batch: 32) })]
for (name, run) in cases where chosen.isEmpty || chosen.contains(name) {
    let time = run()
    print("\(name) " + String(format: "%.1f", time.wall))
    print("\(name)_cpu " + String(format: "%.1f", time.cpu))
}
