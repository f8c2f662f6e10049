package org.virtlockd.config.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a configuration file whole, with libvirt's size limit and its error wording
 * ({@code virFileReadAll} as {@code virConfReadFile} calls it).
 */
final class ConfFileReader {
    /** {@code MAX_CONFIG_FILE_SIZE} in {@code src/util/virconf.c}: 10 MiB; one byte more is refused. */
    static final int MAX_CONFIG_FILE_SIZE = 10 * 1024 * 1024;

    /** strerror(ENOENT). */
    static final String ENOENT_TEXT = "No such file or directory";
    /** strerror(EACCES). */
    static final String EACCES_TEXT = "Permission denied";
    /** strerror(EOVERFLOW): what libvirt reports for a file over the limit. */
    static final String EOVERFLOW_TEXT = "Value too large for defined data type";

    private ConfFileReader() {
    }

    /**
     * @param path the file
     * @param allowMissing true for the default file: a file that does not exist (ENOENT) is then no error
     * @return the bytes, or empty when the file is missing and that is allowed
     * @throws ConfigException {@code Failed to open file '<path>': <reason>} or
     *     {@code Failed to read file '<path>': <reason>}
     */
    static Optional<byte[]> read(Path path, boolean allowMissing) throws ConfigException {
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            if (allowMissing) {
                return Optional.empty();
            }
            throw failure("open", path, ENOENT_TEXT);
        } catch (IOException e) {
            throw failure("open", path, reason(e));
        }
        try (in) {
            byte[] content = in.readNBytes(MAX_CONFIG_FILE_SIZE + 1);
            if (content.length > MAX_CONFIG_FILE_SIZE) {
                throw failure("read", path, EOVERFLOW_TEXT);
            }
            return Optional.of(content);
        } catch (IOException e) {
            throw failure("read", path, reason(e));
        }
    }

    private static ConfigException failure(String verb, Path path, String reason) {
        return ConfigException.system("Failed to " + verb + " file '" + path + "': " + reason);
    }

    /** The strerror text the JDK put in the exception (it uses the same C library's wording). */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return EACCES_TEXT;
        }
        if (e instanceof NoSuchFileException) {
            return ENOENT_TEXT;
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
