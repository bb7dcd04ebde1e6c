package dev.routerls.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * How {@code routerls fix} writes files without ever losing a byte: each new content goes to a temporary file
 * in the same folder as the real file (a symbolic link is followed, so the link stays a link and its target
 * gets the content), with the file's permissions and owner, and only then replaces the file by an atomic
 * rename. A file that changed since it was read, or that is read-only, is refused; when any file is refused or
 * any write fails, no file is changed and the temporary files are removed.
 */
final class FileUpdates {
    /** Why a file was not written: the message names the file and says what to do. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    /** Replace the content of {@code path}, last read as {@code expected}, with {@code replacement}. */
    record Change(Path path, String shownAs, byte[] expected, byte[] replacement) {
    }

    private record Staged(Change change, Path target, Path temporary) {
    }

    private FileUpdates() {
    }

    /** Writes every change or none (a failure while renaming leaves the files renamed so far, each whole). */
    static void apply(List<Change> changes) throws IOException {
        List<Staged> staged = new ArrayList<>();
        try {
            for (Change c : changes) staged.add(stage(c));
            for (Staged s : staged) unchanged(s.change(), s.target());
            for (Staged s : staged) {
                unchanged(s.change(), s.target());   // once more, as late as possible
                move(s.temporary(), s.target());
            }
        } finally {
            for (Staged s : staged) Files.deleteIfExists(s.temporary());
        }
    }

    private static Staged stage(Change c) throws IOException {
        Path target = c.path().toRealPath();   // follows links: the link itself is never replaced
        unchanged(c, target);
        Set<PosixFilePermission> permissions = null;
        PosixFileAttributes attributes = null;
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (view != null) {
            attributes = view.readAttributes();
            permissions = attributes.permissions();
            if (!permissions.contains(PosixFilePermission.OWNER_WRITE)) {
                throw new Refused(c.shownAs() + " is read-only; it was not changed (make it writable to fix it)");
            }
        } else if (!Files.isWritable(target)) {
            throw new Refused(c.shownAs() + " is read-only; it was not changed (make it writable to fix it)");
        }
        Path folder = target.getParent();
        Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".routerls-fix");
        try {
            Files.write(temporary, c.replacement());
            if (view != null) {
                PosixFileAttributeView tv = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
                tv.setPermissions(permissions);
                try {
                    tv.setOwner(attributes.owner());
                    tv.setGroup(attributes.group());
                } catch (IOException | SecurityException e) {
                    // only the owner may keep someone else's ownership; the permissions are kept all the same
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return new Staged(c, target, temporary);
    }

    /** Refuses a file whose bytes are no longer those the analysis read. */
    private static void unchanged(Change c, Path target) throws IOException {
        byte[] now;
        try {
            now = Files.readAllBytes(target);
        } catch (IOException e) {
            throw new Refused(c.shownAs() + " cannot be read again (" + e.getClass().getSimpleName() + "); no file was changed");
        }
        if (!Arrays.equals(now, c.expected())) {
            throw new Refused(c.shownAs() + " changed while routerls was fixing it; no file was changed (run fix again)");
        }
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // same folder, so this is rare (some network file systems); a plain replace is still one rename
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
