package dev.trellis.runtime.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class EntryIdTest {

    @Test
    void parsesAtTheFirstColon() {
        EntryId id = EntryId.parse("app.workers:task_worker");
        assertThat(id.namespace()).isEqualTo("app.workers");
        assertThat(id.name()).isEqualTo("task_worker");
        assertThat(id).hasToString("app.workers:task_worker");
        assertThat(EntryId.parse("app:get_user.endpoint").name()).isEqualTo("get_user.endpoint");
    }

    @Test
    void aBareReferenceTakesTheReferrersNamespace() {
        assertThat(EntryId.resolve("worker", "app.workers")).isEqualTo(EntryId.parse("app.workers:worker"));
        assertThat(EntryId.resolve("app:processes", "app.workers")).isEqualTo(EntryId.parse("app:processes"));
    }

    @Test
    void badIdsAreRejectedWithTheText() {
        assertThatThrownBy(() -> EntryId.parse("processes")).hasMessageContaining("'processes' must be namespace:name");
        assertThatThrownBy(() -> EntryId.parse(":x")).hasMessageContaining("invalid namespace ''");
        assertThatThrownBy(() -> EntryId.parse("app..x:y")).hasMessageContaining("invalid namespace 'app..x'");
        assertThatThrownBy(() -> EntryId.parse("app:")).hasMessageContaining("invalid entry name ''");
        assertThatThrownBy(() -> EntryId.parse("app:a:b")).hasMessageContaining("invalid entry name 'a:b'");
        assertThatThrownBy(() -> EntryId.parse("app:a b")).hasMessageContaining("invalid entry name 'a b'");
    }

    @Test
    void idsOrderByText() {
        TreeSet<EntryId> ids = new TreeSet<>();
        ids.add(EntryId.parse("app.workers:b"));
        ids.add(EntryId.parse("app:z"));
        ids.add(EntryId.parse("app.workers:a"));
        assertThat(ids).extracting(EntryId::toString).containsExactly("app.workers:a", "app.workers:b", "app:z");
    }
}
