// The Testing-free harness (ServiceProcess, FreePort, TestHTTP, TestApplicants) lives in SuiteHarness, shared with the
// benchmarks; tests that import TestSupport keep seeing it.
@_exported public import SuiteHarness
