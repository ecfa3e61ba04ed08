import Registration
import ServiceKit

ServiceMain.runConcurrencyOnEventLoops()
await ServiceMain.main(RegistrationService.self)
