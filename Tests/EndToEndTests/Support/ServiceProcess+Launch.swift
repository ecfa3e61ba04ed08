import SuiteHarness

extension ServiceProcess {
    /// Starts the executable without waiting for it to become ready (its dependencies may be down on purpose).
    func launch() async throws {
        do {
            try await start(timeout: .zero)
        } catch ServiceProcessError.notReady {
            // Expected: readiness is not awaited.
        }
    }
}
