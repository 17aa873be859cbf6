import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A throwaway PostgreSQL for the journey (run-journey.sh): the same zonky embedded server the tests use, from the
 * Maven test class path, on a free port in a new temporary directory. Prints the port, then runs until the JVM is
 * stopped (SIGTERM): zonky's shutdown hook stops PostgreSQL and deletes its data directory. Run as a single-file
 * source program: java -cp "$TEST_CLASSPATH" JourneyDatabase.java
 */
public class JourneyDatabase {
    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        System.out.println(postgres.getPort());
        System.out.flush();
        Thread.currentThread().join();
    }
}
