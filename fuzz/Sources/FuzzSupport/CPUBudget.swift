#if canImport(Glibc)
import Glibc
#endif

/// Runs one input and stops the process when it took more than the budget of
/// CPU time (1 s, or `CRIEUR_FUZZ_CPU_SECONDS`), so that libFuzzer saves it as
/// a crash: « no input over one second » is the contract of PRODUCT.md.
///
/// CPU time, not libFuzzer's `-timeout`, which counts wall-clock seconds: on
/// a shared machine, under `nice -n 19`, inputs of 2 to 60 ms were reported as
/// one-second timeouts while other jobs had the cores. `-timeout` stays, set
/// high, to catch an input that never returns.
public func withCPUBudget(_ body: () -> Void) {
    let start = threadCPUSeconds()
    body()
    let used = threadCPUSeconds() - start
    if used > budgetSeconds {
        fatalError("this input took \(used) s of CPU time, over the budget of \(budgetSeconds) s")
    }
}

private let budgetSeconds: Double = {
    guard let text = getenv("CRIEUR_FUZZ_CPU_SECONDS"), let value = Double(String(cString: text)) else { return 1 }
    return value
}()

private func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
