import Announcements
import ServiceKit

ServiceMain.runConcurrencyOnEventLoops()
await ServiceMain.main(AnnouncementsService.self)
