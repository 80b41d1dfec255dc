package dev.restauth.django.control;

import dev.restauth.errors.control.ApiError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The request body in a temporary file, so that the import can read it several times with bounded
 * memory; the import's own size limit ({@code django.import.max-bytes}) is enforced while copying.
 */
@ApplicationScoped
public class DumpSpool {

    private static final Logger LOG = System.getLogger(DumpSpool.class.getName());

    @Inject
    @ConfigProperty(name = "django.import.max-bytes", defaultValue = "268435456")
    long maxBytes;

    /** The body in a temporary file, up to {@code django.import.max-bytes}; 413 past it. */
    Path spool(InputStream body) {
        try {
            Path file = Files.createTempFile("restauth-import-", ".json");
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                long total = 0;
                for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                    total += read;
                    if (total > maxBytes) {
                        Files.deleteIfExists(file);
                        throw ApiError.of(
                                413, "The file is larger than " + maxBytes + " bytes (django.import.max-bytes).");
                    }
                    out.write(buffer, 0, read);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a spooled file; a failure is logged, never thrown (the import's answer stands). */
    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete the import file " + file, e);
        }
    }
}
