package io.tandem.adapters.out.filesystem;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes files so that readers see them whole or not at all, and so that they survive a crash once written:
 * content goes to a hidden temporary sibling, is synced, then renamed atomically over the final name, and the
 * folder holding the new name is synced too.
 */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code target} through a temporary sibling, which {@code writer} fills. */
    static void write(Path target, ContentWriter writer) throws IOException {
        Path directory = createDirectories(target.getParent());
        // Hidden and with another ending: no reader or glob of the folder ever sees a half file.
        Path temporary = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            writer.write(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(directory);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Creates the missing folders of {@code directory} and syncs each parent, so the new names survive a crash. */
    static Path createDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return directory;
        }
        Path parent = directory.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            Files.createDirectory(directory);
        } catch (FileAlreadyExistsException e) {
            // Another writer created it in between: fine, unless it is not a folder.
            if (!Files.isDirectory(directory)) {
                throw e;
            }
        }
        if (parent != null) {
            syncDirectory(parent);
        }
        return directory;
    }

    private static void syncDirectory(Path directory) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(directory, StandardOpenOption.READ);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel; NTFS journals the rename itself.
            return;
        }
        try (channel) {
            channel.force(true);
        }
    }

    /** Fills a new file at the given path. */
    @FunctionalInterface
    interface ContentWriter {
        void write(Path file) throws IOException;
    }
}
