package io.orderflow.localstack;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Where the checkout is, and how a tool throws away a data directory of its own: for the local stack, the
 * benchmark and the e2e suite, so they agree on both.
 */
public final class ProjectDirs {

    private ProjectDirs() {
    }

    /** The checkout's root (the directory with {@code mvnw}), from the working directory or any below it. */
    public static Path projectRoot() {
        return projectRoot(workingDir());
    }

    static Path projectRoot(Path start) {
        Path root = findRoot(start);
        if (root == null) {
            throw new IllegalStateException("cannot find the project root (the folder with mvnw) from " + start);
        }
        return root;
    }

    /**
     * Deletes {@code dir} and everything in it; nothing when it does not exist. A mistyped path must not take the
     * source tree or the home directory with it, so refuses a file system root, the home directory, the
     * working directory or one above it, the project root or one above it, and any directory holding
     * {@code .git} or {@code mvnw}: checked before looking whether {@code dir} exists, so a bad path is
     * reported even when there is nothing to delete yet.
     */
    public static void wipe(Path dir) throws IOException {
        wipe(dir, workingDir());
    }

    static void wipe(Path dir, Path workingDir) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        Path root = findRoot(workingDir);
        if (target.getParent() == null || target.equals(home) || workingDir.startsWith(target)
                || (root != null && root.startsWith(target))
                || Files.exists(target.resolve(".git")) || Files.exists(target.resolve("mvnw"))) {
            throw new IllegalStateException("refusing to wipe " + dir + ": not a data directory");
        }
        if (!Files.exists(target)) {
            return;
        }
        Files.walkFileTree(target, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static Path findRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        return null;
    }

    private static Path workingDir() {
        return Path.of("").toAbsolutePath();
    }
}
