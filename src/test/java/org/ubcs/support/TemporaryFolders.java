package org.ubcs.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Temporary folders the tests make outside JUnit's {@code @TempDir} (a key pair shared by every Quarkus start in one
 * JVM, a database directory an IT restarts): made here, they are deleted when the JVM ends, so test runs leave
 * nothing in the system's temporary folder.
 */
public final class TemporaryFolders {

    private TemporaryFolders() {
    }

    /** A new folder in {@code java.io.tmpdir}, deleted with its content when the JVM exits. */
    public static Path createDeletedAtExit(String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder), "delete " + folder.getFileName()));
        return folder;
    }

    /** Deletes a folder and its content; a folder already gone is fine. */
    public static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete the temporary folder " + folder + ": " + e);
        }
    }
}
