package dev.trellis.runtime.lua.modules;

/**
 * Who a process acts for: an id and metadata, as {@code security.new_actor} makes it. It travels
 * in the process context, so a spawned child acts for the same actor as its parent.
 *
 * <pre>{@code
 * local actor = security.new_actor("user1", {role = "admin"})
 * actor:id()          -- "user1"
 * actor:meta().role   -- "admin"
 * }</pre>
 *
 * <p>Thread-safety: immutable; {@code meta} is an exported (process-independent) table copy.
 *
 * @param id the actor's identifier
 * @param meta the exported metadata table (never handed out; callers get copies)
 */
record SecurityActor(String id, Object meta) {
}
