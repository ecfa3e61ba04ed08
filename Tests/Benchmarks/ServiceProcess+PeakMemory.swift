import SuiteHarness

extension ServiceProcess {
    /// Notes the service's peak resident set size under the running benchmark (``BenchMemory``), then stops it
    /// gracefully.
    func stopNotingPeak() async {
        BenchMemory.note(name, bytes: peakResidentBytes)
        await stop()
    }
}
