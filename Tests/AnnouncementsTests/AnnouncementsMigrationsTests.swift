import EventStore
import Testing
@testable import Announcements

@Suite struct AnnouncementsMigrationsTests {
    @Test func readModelVersionsStayOutOfTheEventStoreRange() {
        for migration in AnnouncementsMigrations.all {
            #expect(!EventStoreMigrations.reservedVersions.contains(migration.version))
        }
    }
}
