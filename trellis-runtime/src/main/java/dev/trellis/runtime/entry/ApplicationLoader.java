package dev.trellis.runtime.entry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Loads an app directory: every {@code *.yaml} file under it with {@code namespace} and
 * {@code entries}, validated as a whole before anything starts.
 *
 * <pre>{@code
 * try {
 *     Application app = new ApplicationLoader().load(Path.of("examples/worker-pool"));
 *     app.startOrder().forEach(System.out::println);
 * } catch (ApplicationException e) {
 *     e.problems().forEach(System.err::println);   // every problem, "file:line: entry 'ns:name': ..."
 * }
 * }</pre>
 *
 * <p>What is checked, all in one pass: YAML syntax; the file shape ({@code version},
 * {@code namespace}, {@code entries}); each entry's {@code name} and {@code kind} (unknown kinds are
 * errors); its kind fields and their types (unknown fields are errors, so typos do not pass
 * silently); that {@code source} files exist; duplicate ids; that every reference ({@code imports},
 * {@code process}, {@code host}, {@code lifecycle.requires}, {@code meta.default_host}) names an entry
 * of the right kind; that an auto-started {@code process.lua} and every supervisor have a host; that
 * supervision trees nest without cycles and no child is auto-started too; dependency cycles; and Lua
 * syntax, and the names under {@code modules:}, through the {@link SourceCheck} given to the
 * constructor.
 *
 * <p>YAML files without {@code namespace} or {@code entries} (other configuration) are skipped, and
 * so are directories whose name starts with a dot. Files are read in path order. A loader holds no
 * state between loads; it is thread-safe if its {@link SourceCheck} is.
 */
public final class ApplicationLoader {

    private final SourceCheck sourceCheck;

    /** A loader that does not check Lua syntax. */
    public ApplicationLoader() {
        this(SourceCheck.NONE);
    }

    public ApplicationLoader(SourceCheck sourceCheck) {
        this.sourceCheck = Objects.requireNonNull(sourceCheck, "sourceCheck");
    }

    /** Loads and validates the app in {@code dir}; throws with every problem found. */
    public Application load(Path dir) throws ApplicationException {
        Objects.requireNonNull(dir, "dir");
        if (!Files.exists(dir)) {
            throw single(dir, "no such directory");
        }
        if (!Files.isDirectory(dir)) {
            throw single(dir, "not a directory (an app is a directory of _index.yaml entry files and Lua sources)");
        }
        Problems problems = new Problems();
        Load load = new Load(problems, sourceCheck.modules());
        for (Path file : yamlFiles(dir, problems)) {
            load.file(file);
        }
        if (load.definitionFiles == 0 && problems.isEmpty()) {
            throw single(dir, "no entry files found (expected *.yaml files with 'namespace' and 'entries')");
        }
        List<Entry> entries = load.resolveHosts(load.uniqueEntries());
        load.checkReferences();
        SupervisionTrees.check(entries, problems);
        checkPolicyGroups(entries, problems);
        checkSources(entries, problems);
        Application app = null;
        try {
            app = Application.of(dir, entries);
        } catch (ApplicationException cycle) {
            problems.addAll(cycle.problems());
        }
        if (!problems.isEmpty()) {
            throw problems.toException();
        }
        return app;
    }

    private static ApplicationException single(Path dir, String message) {
        return new ApplicationException(List.of(new Problem(Location.of(dir), Optional.empty(), message)));
    }

    // ---- finding files ------------------------------------------------------------------------------

    private static List<Path> yamlFiles(Path dir, Problems problems) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    boolean hidden = !d.equals(dir) && d.getFileName().toString().startsWith(".");
                    return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (attrs.isRegularFile() && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(Location.of(file), null, "cannot read: " + e.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(Location.of(dir), null, "cannot list the directory: " + e.getMessage());
        }
        files.sort((a, b) -> a.toString().compareTo(b.toString()));
        return files;
    }

    // ---- Lua sources -------------------------------------------------------------------------------

    /** One Lua file as read and checked once, however many entries use it. */
    private record CheckedSource(String text, List<SourceCheck.SourceError> errors) {
    }

    /** Every group a {@code lifecycle.security} names must be listed by some {@code security.policy}. */
    private static void checkPolicyGroups(List<Entry> entries, Problems problems) {
        Set<EntryId> groups = new java.util.HashSet<>();
        for (Entry e : entries) {
            if (e instanceof SecurityPolicy p) {
                groups.addAll(p.groups());
            }
        }
        for (Entry e : entries) {
            if (e instanceof LifecycleEntry le && le.lifecycle().security().isPresent()) {
                for (EntryId g : le.lifecycle().security().get().groups()) {
                    if (!groups.contains(g)) {
                        problems.add(e.location(), e.id(), "field 'lifecycle.security.groups' names '" + g
                                + "', a group no security.policy lists in its groups");
                    }
                }
            }
        }
    }

    private void checkSources(List<Entry> entries, Problems problems) {
        Map<Path, CheckedSource> checked = new HashMap<>();
        for (Entry entry : entries) {
            if (!(entry instanceof LuaEntry lua) || !Files.isRegularFile(lua.source())) {
                continue;
            }
            CheckedSource source = checked.computeIfAbsent(lua.source(), file -> {
                try {
                    String text = Files.readString(file);
                    return new CheckedSource(text, sourceCheck.check(file, text));
                } catch (CharacterCodingException e) {
                    return new CheckedSource(null, List.of(new SourceCheck.SourceError(0, "not valid UTF-8")));
                } catch (IOException e) {
                    return new CheckedSource(null, List.of(new SourceCheck.SourceError(0, "cannot read: " + e.getMessage())));
                }
            });
            for (SourceCheck.SourceError error : source.errors()) {
                problems.add(new Location(lua.source(), Math.max(0, error.line())), entry.id(), error.message());
            }
            String method = switch (lua) {
                case LuaProcess p -> p.method();
                case LuaFunction f -> f.method();
                case LuaLibrary l -> null;
            };
            if (method != null && source.errors().isEmpty()) {
                sourceCheck.entryPoint(lua.source(), source.text(), method).ifPresent(problem ->
                        problems.add(entry.location(), entry.id(), "its source " + lua.source().getFileName()
                                + " " + problem));
            }
        }
    }

    // ---- one load: files, entries, references -----------------------------------------------------

    /** The state of one {@link #load} call. */
    private static final class Load {

        /** An entry as declared, even if its fields were bad: enough to check duplicates and references. */
        private record Declared(EntryId id, Optional<EntryKind> kind, Location location) {
        }

        private final Problems problems;
        private final List<Declared> declared = new ArrayList<>();
        private final List<Entry> parsed = new ArrayList<>();
        private final List<Reference> references = new ArrayList<>();
        private final Map<EntryId, Declared> firstDeclared = new LinkedHashMap<>();
        private final Optional<Set<String>> knownModules;
        private int definitionFiles;

        Load(Problems problems, Optional<Set<String>> knownModules) {
            this.problems = problems;
            this.knownModules = knownModules;
        }

        void file(Path file) {
            String text;
            try {
                text = Files.readString(file);
            } catch (CharacterCodingException e) {
                problems.add(Location.of(file), null, "not valid UTF-8");
                return;
            } catch (IOException | UncheckedIOException e) {
                problems.add(Location.of(file), null, "cannot read: " + e.getMessage());
                return;
            }
            Compose compose = new Compose(LoadSettings.builder()
                    .setLabel(file.toString())
                    .setSchema(new CoreSchema())
                    .build());
            try {
                for (Node document : compose.composeAllFromString(text)) {
                    document(file, document);
                }
            } catch (MarkedYamlEngineException e) {
                int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
                String context = e.getContext() == null ? "" : e.getContext() + ": ";
                problems.add(new Location(file, line), null, "YAML syntax error: " + context + e.getProblem());
            } catch (YamlEngineException e) {
                problems.add(Location.of(file), null, "YAML error: " + e.getMessage());
            }
        }

        private void document(Path file, Node document) {
            if (!(document instanceof MappingNode mapping)) {
                return;   // not an entry file
            }
            Fields f = new Fields(mapping, file, null, "", problems);
            if (!f.has("namespace") && !f.has("entries")) {
                return;   // some other YAML (configuration, data)
            }
            definitionFiles++;
            f.node("version").ifPresent(v -> {
                Object version = v instanceof ScalarNode s ? YamlValues.scalar(s) : null;
                if (!"1.0".equals(version) && !Double.valueOf(1.0).equals(version) && !Long.valueOf(1).equals(version)) {
                    f.problem(v, "unsupported version " + YamlValues.describe(v) + " (expected \"1.0\")");
                }
            });
            Optional<String> namespace = f.requiredString("namespace");
            if (namespace.isPresent() && !EntryId.isValidNamespace(namespace.get())) {
                f.problem(f.valueNode("namespace"), "invalid namespace '" + namespace.get()
                        + "': use dot-separated words of letters, digits, '_' and '-' (e.g. app.workers)");
                namespace = Optional.empty();
            }
            Optional<Node> entries = f.node("entries");
            f.rejectUnknown("an entry file");
            if (entries.isEmpty()) {
                problems.add(f.location(), null, "missing field 'entries'");
                return;
            }
            if (!(entries.get() instanceof SequenceNode list)) {
                if (!(entries.get() instanceof ScalarNode s && YamlValues.scalar(s) == null)) {   // "entries:" alone is empty
                    f.problem(entries.get(), "field 'entries' must be a list of entries, got " + YamlValues.describe(entries.get()));
                }
                return;
            }
            if (namespace.isEmpty()) {
                return;   // the entries cannot get ids; the namespace problem is reported
            }
            EntryParser parser = new EntryParser(namespace.get(), references, knownModules);
            for (Node item : list.getValue()) {
                entry(file, namespace.get(), parser, item);
            }
        }

        private void entry(Path file, String namespace, EntryParser parser, Node item) {
            if (!(item instanceof MappingNode mapping)) {
                problems.add(new Location(file, Fields.line(item)), null,
                        "an entry must be a mapping with name and kind, got " + YamlValues.describe(item));
                return;
            }
            Fields f = new Fields(mapping, file, idOf(namespace, mapping), "", problems);
            Optional<String> name = f.requiredString("name");
            Optional<String> kindName = f.requiredString("kind");
            if (name.isEmpty()) {
                return;
            }
            if (!EntryId.isValidName(name.get())) {
                f.problem(f.valueNode("name"), "invalid entry name '" + name.get()
                        + "': use letters, digits, '_', '-' and '.' (e.g. task_worker)");
                return;
            }
            EntryId id = new EntryId(namespace, name.get());
            Fields fields = f;   // already attributed to the entry (idOf)
            Optional<EntryKind> kind = kindName.flatMap(EntryKind::fromName);
            if (kindName.isPresent() && kind.isEmpty()) {
                fields.problem(f.valueNode("kind"), "unknown kind '" + kindName.get() + "' (known kinds: "
                        + EntryKind.knownNames() + ")");
            }
            Declared declaration = new Declared(id, kind, f.location());
            declared.add(declaration);
            Declared first = firstDeclared.putIfAbsent(id, declaration);
            if (first != null) {
                fields.problem(mapping, "duplicate entry id (first defined at " + first.location() + ")");
                return;
            }
            kind.flatMap(k -> parser.parse(fields, id, k)).ifPresent(parsed::add);
        }

        /** The id an entry mapping declares, if its name is valid: problems inside the entry then name it. */
        private static EntryId idOf(String namespace, MappingNode mapping) {
            for (var tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("name")
                        && tuple.getValueNode() instanceof ScalarNode value
                        && YamlValues.scalar(value) instanceof String name && EntryId.isValidName(name)) {
                    return new EntryId(namespace, name);
                }
            }
            return null;
        }

        /** The entries whose id was declared only once (duplicates are reported already). */
        List<Entry> uniqueEntries() {
            return parsed;
        }

        /**
         * Gives each auto-started process.lua without {@code meta.default_host}, and each supervisor
         * without {@code host}, the app's only process.host, or reports that it needs one.
         */
        List<Entry> resolveHosts(List<Entry> entries) {
            List<EntryId> hosts = declared.stream()
                    .filter(d -> d.kind().equals(Optional.of(EntryKind.PROCESS_HOST)))
                    .map(Declared::id).distinct().sorted().toList();
            List<Entry> resolved = new ArrayList<>(entries.size());
            for (Entry entry : entries) {
                if (entry instanceof LuaProcess p && p.lifecycle().autoStart() && p.host().isEmpty()) {
                    if (hosts.size() == 1) {
                        entry = new LuaProcess(p.id(), p.meta(), p.location(), p.source(), p.method(), p.modules(),
                                p.imports(), p.lifecycle(), Optional.of(hosts.getFirst()));
                    } else if (hosts.isEmpty()) {
                        problems.add(p.location(), p.id(), "auto-started process.lua needs a host, and the app has"
                                + " no process.host entry");
                    } else {
                        problems.add(p.location(), p.id(), "auto-started process.lua needs a host: set"
                                + " meta.default_host to one of " + hosts.stream().map(EntryId::toString)
                                .collect(Collectors.joining(", ")));
                    }
                }
                if (entry instanceof SupervisionEntry sup && sup.host().isEmpty()) {
                    if (hosts.size() == 1) {
                        entry = sup.onHost(hosts.getFirst());
                    } else {
                        problems.add(sup.location(), sup.id(), sup.kind() + " needs a host: set 'host' to "
                                + (hosts.isEmpty() ? "a process.host entry (the app has none)"
                                : "one of " + hosts.stream().map(EntryId::toString).collect(Collectors.joining(", "))));
                    }
                }
                resolved.add(entry);
            }
            return resolved;
        }

        void checkReferences() {
            Map<EntryId, Declared> byId = firstDeclared;
            for (Reference ref : references) {
                if (ref.target().equals(ProcessHost.CONTROL_HOST)) {
                    continue;   // reported by the parser with its own message
                }
                Declared target = byId.get(ref.target());
                if (target == null) {
                    problems.add(ref.at(), ref.from(), "field '" + ref.field() + "' names '" + ref.target()
                            + "', which is not an entry of this app" + suggestion(ref));
                } else if (target.kind().isPresent() && !ref.expected().contains(target.kind().get())) {
                    problems.add(ref.at(), ref.from(), "field '" + ref.field() + "' names '" + ref.target()
                            + "', which is a " + target.kind().get() + ", not " + ref.expectedDescription());
                } else if (ref.target().equals(ref.from())) {
                    problems.add(ref.at(), ref.from(), "field '" + ref.field() + "' names the entry itself");
                }
            }
        }

        /** " (did you mean 'x:name'?)" when an entry of the right kind has the same name elsewhere. */
        private String suggestion(Reference ref) {
            Set<EntryKind> expected = ref.expected();
            return firstDeclared.values().stream()
                    .filter(d -> d.id().name().equals(ref.target().name()))
                    .filter(d -> d.kind().map(expected::contains).orElse(false))
                    .map(d -> " (did you mean '" + d.id() + "'?)")
                    .findFirst().orElse("");
        }
    }
}
