package io.kellydesk.desk.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FxCoalescerTest {

    /** Stands in for Platform.runLater: queues the hops so the test decides when the "pulse" runs. */
    private final List<Runnable> queuedHops = new ArrayList<>();
    private final FxCoalescer coalescer = new FxCoalescer(queuedHops::add);

    @Test
    void manyUpdatesBetweenPulsesCostOneHopAndOnlyTheNewestPerKeyRuns() {
        List<String> applied = new ArrayList<>();
        for (int tick = 1; tick <= 1000; tick++) {
            int value = tick;
            coalescer.post("NQ", () -> applied.add("NQ=" + value));
            coalescer.post("ES", () -> applied.add("ES=" + value));
        }
        assertThat(queuedHops).hasSize(1);
        queuedHops.removeFirst().run();
        assertThat(applied).containsExactly("NQ=1000", "ES=1000");
    }

    @Test
    void anUpdateAfterADrainSchedulesTheNextHop() {
        List<String> applied = new ArrayList<>();
        coalescer.post("NQ", () -> applied.add("first"));
        queuedHops.removeFirst().run();
        coalescer.post("NQ", () -> applied.add("second"));
        assertThat(queuedHops).hasSize(1);
        queuedHops.removeFirst().run();
        assertThat(applied).containsExactly("first", "second");
    }
}
