package vn.mydrive.platform.store;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.reflect.Method;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets go, when the app stops, of what libraries in the WAR leave holding it, so an undeployed app can be unloaded
 * (the test suite deploys the WAR once per test class; each leaked copy kept its caches, tens of megabytes):
 * <ul>
 * <li>the MongoDB driver's buffer pool starts a pruning thread in a static initializer and never stops it
 * (mongo-java-driver issue 2029, open as of driver 5.14); it is stopped through the pool's own, package-private,
 * {@code disablePruning};</li>
 * <li>H2 registers its JDBC driver with {@link DriverManager} as it is loaded (the store never uses JDBC, but the
 * server's JDBC deployer loads it); it is deregistered.</li>
 * </ul>
 */
@WebListener
public class LibraryThreads implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(LibraryThreads.class.getName());

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        stopBufferPoolPruner();
        deregisterJdbcDrivers();
    }

    private static void stopBufferPoolPruner() {
        try {
            Class<?> pool = Class.forName("com.mongodb.internal.connection.PowerOfTwoBufferPool");
            Method disable = pool.getDeclaredMethod("disablePruning");
            disable.setAccessible(true);
            disable.invoke(pool.getField("DEFAULT").get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "The MongoDB driver's buffer pool pruner could not be stopped", e);
        }
    }

    private static void deregisterJdbcDrivers() {
        ClassLoader ours = LibraryThreads.class.getClassLoader();
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == ours) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException | RuntimeException e) {
                    LOG.log(Level.FINE, "Could not deregister " + driver, e);
                }
            }
        }
    }
}
