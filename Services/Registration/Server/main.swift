import Registration
import ServiceKit

await ServiceMain.main(RegistrationService.self)
