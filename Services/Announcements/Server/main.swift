import Announcements
import ServiceKit

await ServiceMain.main(AnnouncementsService.self)
