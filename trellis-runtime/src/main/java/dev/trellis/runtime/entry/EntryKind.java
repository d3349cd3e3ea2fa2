package dev.trellis.runtime.entry;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of entry Trellis loads, by their YAML name.
 *
 * <pre>{@code
 * EntryKind.fromName("process.host");   // Optional[PROCESS_HOST]
 * EntryKind.PROCESS_LUA.yamlName();     // "process.lua"
 * }</pre>
 */
public enum EntryKind {
    /** A scheduler with {@code host.workers} carrier permits: {@link ProcessHost}. */
    PROCESS_HOST("process.host"),
    /** A spawnable Lua program: {@link LuaProcess}. */
    PROCESS_LUA("process.lua"),
    /** A supervised process, restarted on failure: {@link LuaService}. */
    PROCESS_SERVICE("process.service"),
    /** An OTP supervisor with a fixed list of children: {@link SupervisorEntry}. */
    PROCESS_SUPERVISOR("process.supervisor"),
    /** An OTP DynamicSupervisor, given children at run time: {@link DynamicSupervisorEntry}. */
    PROCESS_DYNAMIC_SUPERVISOR("process.dynamic_supervisor"),
    /** An OTP Task.Supervisor: {@link TaskSupervisorEntry}. */
    PROCESS_TASK_SUPERVISOR("process.task_supervisor"),
    /** A Lua module other entries import: {@link LuaLibrary}. */
    LIBRARY_LUA("library.lua"),
    /** A Lua function, called by tests and {@code funcs}: {@link LuaFunction}. */
    FUNCTION_LUA("function.lua"),
    /** An access rule: actions and resources it allows or denies: {@link SecurityPolicy}. */
    SECURITY_POLICY("security.policy");

    private final String yamlName;

    EntryKind(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The name written in {@code kind:}. */
    public String yamlName() {
        return yamlName;
    }

    public static Optional<EntryKind> fromName(String name) {
        return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
    }

    /** All kind names, comma-separated, for error messages. */
    public static String knownNames() {
        return Arrays.stream(values()).map(EntryKind::yamlName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
