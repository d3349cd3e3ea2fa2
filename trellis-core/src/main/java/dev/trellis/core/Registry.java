package dev.trellis.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node-local name registry (Wippy's {@code process.registry}, LOCAL scope).
 *
 * <pre>{@code
 * node.registry().register("db", pid);
 * Pid p = node.registry().lookup("db");
 * node.send("db", "query", "select 1");     // names work wherever a destination is expected
 * node.registry().unregister("db");        // true, then false
 * }</pre>
 *
 * <p><b>Rules:</b> registering the same name for the same pid again succeeds; for another pid it
 * fails with ALREADY_EXISTS "name already registered"; a pid may hold several names; a lookup miss is
 * NOT_FOUND "name not registered: {name}"; {@code unregister} has no owner check and returns true if it
 * removed the name. A process's names are released when it exits, <em>before</em> its EXIT and
 * LINK_DOWN events are sent. Unlike Wippy, registering a name for a pid that is not alive fails
 * (NOT_FOUND "process not found: {pid}"): a dead pid could never release it.
 *
 * <p><b>Thread-safety:</b> all methods are thread-safe. The name map is a concurrent map; each
 * process's own list of names is guarded by that process's lock, together with its "dead" flag, so
 * a registration racing the exit either fails or is released by it.
 */
public final class Registry {
    private final Node node;
    private final ConcurrentHashMap<String, Pid> names = new ConcurrentHashMap<>();

    Registry(Node node) {
        this.node = node;
    }

    /**
     * Registers {@code name} for {@code pid}.
     *
     * @param name the name (non-empty)
     * @param pid a live local process
     * @throws IllegalArgumentException if an argument is null or the name is empty
     * @throws ProcessException ALREADY_EXISTS "name already registered" if another pid holds it;
     *     NOT_FOUND "process not found: {pid}" if {@code pid} is not alive
     */
    public void register(String name, Pid pid) {
        checkName(name);
        Pid.requireNonNull(pid);
        ProcessCell cell = node.require(pid);
        synchronized (cell) {
            if (cell.dead) {
                throw new ProcessException(ErrorKind.NOT_FOUND, "process not found: " + pid);
            }
            Pid prev = names.putIfAbsent(name, pid);
            if (prev != null && !prev.equals(pid)) {
                throw new ProcessException(ErrorKind.ALREADY_EXISTS, "name already registered");
            }
            if (cell.names == null) {
                cell.names = new ArrayList<>(2);
            }
            if (!cell.names.contains(name)) {
                cell.names.add(name);
            }
        }
    }

    /**
     * Looks a name up.
     *
     * @param name the name
     * @return the pid holding it
     * @throws IllegalArgumentException if {@code name} is null
     * @throws ProcessException NOT_FOUND "name not registered: {name}"
     */
    public Pid lookup(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        Pid pid = names.get(name);
        if (pid == null) {
            throw new ProcessException(ErrorKind.NOT_FOUND, "name not registered: " + name);
        }
        return pid;
    }

    /**
     * {@return the pid holding {@code name}, or null}
     *
     * @param name the name
     */
    public Pid whereis(String name) {
        return name == null ? null : names.get(name);
    }

    /**
     * Removes a name, whoever holds it.
     *
     * @param name the name
     * @return true if it was registered, false otherwise
     * @throws IllegalArgumentException if {@code name} is null
     */
    public boolean unregister(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        for (;;) {
            Pid pid = names.get(name);
            if (pid == null) {
                return false;
            }
            ProcessCell cell = node.cell(pid);
            if (cell == null) {
                if (names.remove(name, pid)) {
                    return true;
                }
                continue;
            }
            synchronized (cell) {
                if (names.remove(name, pid)) {
                    if (cell.names != null) {
                        cell.names.remove(name);
                    }
                    return true;
                }
            }
        }
    }

    /** {@return the names {@code pid} holds (a snapshot)} @param pid the pid */
    public List<String> namesOf(Pid pid) {
        ProcessCell cell = node.cell(pid);
        if (cell == null) {
            return List.of();
        }
        synchronized (cell) {
            return cell.names == null ? List.of() : List.copyOf(cell.names);
        }
    }

    /** {@return the number of registered names} */
    public int size() {
        return names.size();
    }

    /** Releases an exiting process's names (its dead flag is already set). */
    void release(List<String> released, Pid pid) {
        for (String n : released) {
            names.remove(n, pid);
        }
    }

    private static void checkName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name must not be empty");
        }
    }
}
