package dev.trellis.runtime.entry;

/**
 * One entry of an app, as loaded from an {@code _index.yaml} file: an id, a kind, its {@code meta}
 * and where it was defined. Each kind is an immutable record.
 *
 * <pre>{@code
 * switch (entry) {
 *     case ProcessHost host -> startHost(host.id(), host.workers());
 *     case LuaService service -> supervise(service.process(), service.host(), service.input());
 *     case LuaProcess process -> registerFactory(process.id(), process.source(), process.method());
 *     case LuaLibrary library -> compileLibrary(library);
 *     case LuaFunction function -> registerFunction(function);
 * }
 * }</pre>
 */
public sealed interface Entry permits LuaEntry, LifecycleEntry, SecurityPolicy {

    /** {@code namespace:name}. */
    EntryId id();

    EntryKind kind();

    Meta meta();

    /** The YAML file and line where the entry begins. */
    Location location();
}
