package io.orderflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything here happens in a temporary checkout, so a wrong refusal rule can only delete that: the home
 * directory and file-system-root rules are left untested on purpose.
 */
class ProjectDirsTest {

    @TempDir
    Path temp;
    Path root;
    Path module;

    @BeforeEach
    void checkout() throws IOException {
        root = Files.createDirectories(temp.resolve("checkout"));
        Files.createFile(root.resolve("mvnw"));
        module = Files.createDirectories(root.resolve("benchmarks"));
    }

    @Test
    void theRootIsTheNearestDirectoryWithMvnwAbove() throws IOException {
        assertThat(ProjectDirs.projectRoot(Files.createDirectories(module.resolve("target")))).isEqualTo(root);
        assertThat(ProjectDirs.projectRoot(root)).isEqualTo(root);
    }

    @Test
    void outsideACheckoutThereIsNoRoot() {
        assertThatThrownBy(() -> ProjectDirs.projectRoot(temp))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("mvnw");
    }

    @Test
    void wipeDeletesADataDirectoryWithEverythingInIt() throws IOException {
        Path data = Files.createDirectories(module.resolve("target/stack/orders-service/state"));
        Files.writeString(data.resolve("file"), "x");
        Path stack = module.resolve("target/stack");

        ProjectDirs.wipe(stack, module);

        assertThat(stack).doesNotExist();
        assertThat(module.resolve("target")).isDirectory();
    }

    @Test
    void wipeOfADirectoryThatIsNotThereDoesNothing() throws IOException {
        ProjectDirs.wipe(module.resolve("target/none"), module);

        assertThat(module).isDirectory();
    }

    @Test
    void wipeRefusesTheCheckoutAndAnythingAboveIt() {
        assertRefused(root);
        assertRefused(temp);
        assertThat(root.resolve("mvnw")).exists();
    }

    @Test
    void wipeRefusesTheWorkingDirectoryAndAnyDirectoryHoldingMvnwOrGit() throws IOException {
        Path other = Files.createDirectories(temp.resolve("other"));
        Files.createFile(other.resolve("mvnw"));
        Path repo = Files.createDirectories(module.resolve("target/repo/.git"));

        assertRefused(module);
        assertRefused(other);
        assertRefused(repo.getParent());
        assertThat(repo).isDirectory();
    }

    @Test
    void aRefusalComesEvenWhenThereIsNothingToDelete() {
        Path gone = temp.resolve("gone");

        assertThatThrownBy(() -> ProjectDirs.wipe(gone, gone.resolve("below")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("refusing to wipe");
    }

    private void assertRefused(Path dir) {
        assertThatThrownBy(() -> ProjectDirs.wipe(dir, module))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("refusing to wipe");
    }
}
