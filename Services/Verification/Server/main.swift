import ServiceKit
import Verification

ServiceMain.runConcurrencyOnEventLoops()
await ServiceMain.main(VerificationService.self)
