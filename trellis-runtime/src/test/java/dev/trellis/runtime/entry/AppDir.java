package dev.trellis.runtime.entry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small app fixtures into a test's temporary directory. */
final class AppDir {

    final Path root;

    AppDir(Path root) {
        this.root = root;
    }

    /** Writes {@code text} at {@code relative} (creating directories) and returns this. */
    AppDir file(String relative, String text) {
        Path path = root.resolve(relative);
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A Lua file with a trivial main. */
    AppDir lua(String relative) {
        return file(relative, "local function main() return true end\nreturn { main = main }\n");
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    Application load() throws ApplicationException {
        return new ApplicationLoader().load(root);
    }
}
