import ServiceKit
import Verification

await ServiceMain.main(VerificationService.self)
