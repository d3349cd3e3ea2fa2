package dev.trellis.runtime.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

import dev.trellis.runtime.entry.Application;
import dev.trellis.runtime.entry.Entry;
import dev.trellis.runtime.entry.EntryKind;

/**
 * The summary {@code trellis check} prints for a valid app.
 *
 * <pre>{@code
 * examples/worker-pool: valid, 4 entries
 *   process.host (1): app:processes
 *   process.lua (2): app.supervisor:pool, app.workers:task_worker
 *   function.lua (1, 1 test): tests:task_worker_replies
 * auto-start order: app:processes, app.supervisor:pool
 * }</pre>
 */
final class AppSummary {

    private AppSummary() {
    }

    static void print(Application app, PrintWriter out) {
        int count = app.entries().size();
        out.println(app.root() + ": valid, " + count + (count == 1 ? " entry" : " entries"));
        for (EntryKind kind : EntryKind.values()) {
            List<Entry> entries = app.entriesOf(kind);
            if (entries.isEmpty()) {
                continue;
            }
            String tests = kind == EntryKind.FUNCTION_LUA && !app.tests().isEmpty()
                    ? ", " + app.tests().size() + (app.tests().size() == 1 ? " test" : " tests")
                    : "";
            out.println("  " + kind + " (" + entries.size() + tests + "): " + ids(entries));
        }
        out.println("auto-start order: " + (app.startOrder().isEmpty() ? "(nothing starts at boot)" : ids(app.startOrder())));
    }

    private static String ids(List<? extends Entry> entries) {
        return entries.stream().map(e -> e.id().toString()).collect(Collectors.joining(", "));
    }
}
