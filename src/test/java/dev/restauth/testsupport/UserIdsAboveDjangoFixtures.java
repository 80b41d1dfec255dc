package dev.restauth.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before the first integration test, the test database's user ids move to {@link #FIRST_ID}, so
 * that users the tests create never take the small ids of the committed Django fixtures: the
 * tokens real SimpleJWT minted name those pks ({@code user_id} 2, 3, 15, 5000…), and
 * DjangoCutoverIT imports the fixture users with exactly those ids. Only in the failsafe run (it
 * sets {@code restauth.db.dir}); the unit tests have no database.
 */
public class UserIdsAboveDjangoFixtures implements LauncherSessionListener {

    /** Above every fixture pk and BigDumpIT's (100001 on), below the copies of DjangoDumps (10^9 on). */
    static final long FIRST_ID = 10_000_000L;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("restauth.db.dir") == null) {
            return;
        }
        try (Connection connection = TestDatabase.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT setval(pg_get_serial_sequence('users', 'id'),"
                    + " GREATEST((SELECT COALESCE(MAX(id), 1) FROM users), " + FIRST_ID + "))");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not move the test database's user ids", e);
        }
    }
}
