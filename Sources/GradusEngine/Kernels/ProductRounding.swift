/// How the matrix products round each step of their sums: once, as one fused multiply-add (`fused`), or
/// twice, a product and then a sum.
///
/// Fused where the CPU has FMA3 (x86-64 since 2013): one rounding instead of two, and the generated kernel's
/// inner loop is a fused multiply-add per pair of registers instead of a multiply and an add. Where it lacks
/// FMA, the product and then the sum. The choice is the hardware's, made once per process, and both
/// kernels follow it — the generated one with `vfmadd231pd` or `vmulpd` + `vaddpd`, the portable one with
/// `addingProduct` (exactly rounded, so the bits of the hardware instruction) or `*` then `+` — so that they give
/// the same bits on any machine, including under `GRADUS_PORTABLE_KERNELS=1`. Only the products change: the
/// elementwise kernels keep their separate operations. What does depend on the machine is the mode itself: a
/// CPU without FMA rounds products differently in the last bits, which a chaotic run (batch norm over two
/// examples, trained for a thousand steps) can carry into the printed digits.
enum ProductRounding {
    /// True where products fuse their multiply-adds: the hardware has FMA, whichever kernel runs.
    static let fused = CPUFeatures.hardware.fma
}
