/// How the matrix products round each step of their sums: once, as one fused multiply-add.
///
/// Always fused, on every machine, so that a course's numbers do not depend on the CPU that builds it: one
/// rounding instead of two, which both kernels give bit for bit — the generated one with `vfmadd231pd` where
/// the CPU has FMA3 (x86-64 since 2013), the portable one with `addingProduct` (exactly rounded, the bits of
/// the hardware instruction; on ARM64 one `fmadd`). An x86-64 CPU without FMA runs the portable kernel, and its
/// C library computes each fused step exactly, in software: slower, with the same bits. Only the products
/// fuse: the elementwise kernels keep their separate operations. The tests also run the unfused kernels
/// (`fused: false`), which must agree with each other as well.
enum ProductRounding {
    /// True: products fuse their multiply-adds, whichever kernel runs.
    static let fused = true
}
