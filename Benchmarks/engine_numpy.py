"""The engine benchmark's computations written with numpy, backward passes by hand.

Prints two `name microseconds` lines per case (the median over repeats of the mean time of one iteration, in
wall-clock time and, as `name_cpu`, in process CPU time), in the same format as Benchmarks/engine/main.swift. Run through Benchmarks/engine.sh.
"""
import time
import numpy as np


def measure(body, iterations, repeats=7):
    """Wall-clock and process CPU time per iteration, each the median over repeats, in microseconds."""
    for _ in range(max(1, iterations // 4)):
        body()
    times, cpu = [], []
    for _ in range(repeats):
        start, cpu_start = time.perf_counter(), time.process_time()
        for _ in range(iterations):
            body()
        times.append((time.perf_counter() - start) / iterations * 1e6)
        cpu.append((time.process_time() - cpu_start) / iterations * 1e6)
    return sorted(times)[len(times) // 2], sorted(cpu)[len(cpu) // 2]


def report(name, times):
    print("%s %.1f" % (name, times[0]))
    print("%s_cpu %.1f" % (name, times[1]))


def mlp_setup(rng, width=64, depth=10, batch=128):
    std = 5 / 3 * np.sqrt(2 / (width + width))
    weights = [rng.normal(0, std, (width, width)) for _ in range(depth)]
    biases = [np.zeros(width) for _ in range(depth)]
    return weights, biases, rng.normal(size=(batch, width)), rng.normal(size=(batch, width))


def mlp_step(weights, biases, x, y, lr=0.01):
    """One SGD step of a tanh MLP (last layer linear) with the MSE loss; returns the loss."""
    acts = [x]
    h = x
    for i, (w, b) in enumerate(zip(weights, biases)):
        z = h @ w + b
        h = np.tanh(z) if i < len(weights) - 1 else z
        acts.append(h)
    diff = h - y
    loss = np.mean(diff * diff)
    g = 2 * diff / diff.size
    for i in reversed(range(len(weights))):
        if i < len(weights) - 1:
            g = g * (1 - acts[i + 1] ** 2)
        grad_w = acts[i].T @ g
        grad_b = g.sum(axis=0)
        g = g @ weights[i].T
        weights[i] -= lr * grad_w
        biases[i] -= lr * grad_b
    return loss


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def lstm_setup(rng, batch, width=32, steps=100):
    bound = 1 / np.sqrt(width)
    wx = rng.uniform(-bound, bound, (width, 4 * width))
    wh = rng.uniform(-bound, bound, (width, 4 * width))
    b = rng.uniform(-bound, bound, 4 * width)
    xs = [rng.normal(size=(batch, width)) for _ in range(steps)]
    return wx, wh, b, xs


def lstm_unroll(wx, wh, b, xs):
    """Forward and backward through time (gates i, f, g, o); loss = sum of the last h. Returns the gradients."""
    n = wh.shape[0]
    batch = xs[0].shape[0]
    h = np.zeros((batch, n))
    c = np.zeros((batch, n))
    tape = []
    for x in xs:
        a = x @ wx + h @ wh + b
        i, f, g, o = sigmoid(a[:, :n]), sigmoid(a[:, n:2 * n]), np.tanh(a[:, 2 * n:3 * n]), sigmoid(a[:, 3 * n:])
        c_next = f * c + i * g
        tc = np.tanh(c_next)
        tape.append((x, h, c, i, f, g, o, tc))
        h, c = o * tc, c_next
    dwx, dwh, db = np.zeros_like(wx), np.zeros_like(wh), np.zeros_like(b)
    dh = np.ones((batch, n))
    dc = np.zeros((batch, n))
    for x, h_prev, c_prev, i, f, g, o, tc in reversed(tape):
        do = dh * tc
        dc = dc + dh * o * (1 - tc * tc)
        di, df, dg = dc * g, dc * c_prev, dc * i
        da = np.concatenate([di * i * (1 - i), df * f * (1 - f), dg * (1 - g * g), do * o * (1 - o)], axis=1)
        dwx += x.T @ da
        dwh += h_prev.T @ da
        db += da.sum(axis=0)
        dh = da @ wh.T
        dc = dc * f
    return dwx, dwh, db, dh, dc


def main():
    rng = np.random.default_rng(1)
    weights, biases, x, y = mlp_setup(rng)
    report("mlp_step", measure(lambda: mlp_step(weights, biases, x, y), 100))
    for batch in (1, 32):
        wx, wh, b, xs = lstm_setup(np.random.default_rng(2), batch)
        report("lstm_unroll_batch%d" % batch, measure(lambda: lstm_unroll(wx, wh, b, xs), 20))


if __name__ == "__main__":
    main()
