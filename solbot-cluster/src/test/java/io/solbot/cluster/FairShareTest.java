package io.solbot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FairShareTest {
    @Test
    void shouldLetANodeBelowTheFloorTakeMoreAndMakeOneAboveTheCeilingEndSlices() {
        // 9 bots, a new third node with none: floor 3, ceiling 3
        FairShare.Counts counts = new FairShare.Counts(Map.of("a", 5, "b", 4, "c", 0), 9);

        assertThat(counts.floor()).isEqualTo(3);
        assertThat(counts.ceiling()).isEqualTo(3);
        assertThat(counts.takesMore(0)).isTrue();
        assertThat(counts.takesMore(3)).isFalse();
        assertThat(counts.excess(5)).isEqualTo(2);
        assertThat(counts.excess(4)).isEqualTo(1);
        assertThat(counts.excess(0)).isZero();
    }

    @Test
    void shouldKeepTheRemainderOnNodesAtTheFloorOnlyWhileNoNodeIsBelowIt() {
        // 8 bots on 3 nodes: floor 2, ceiling 3
        FairShare.Counts balanced = new FairShare.Counts(Map.of("a", 3, "b", 3, "c", 1), 8);
        assertThat(balanced.someoneBelowFloor()).isTrue();
        // the bot c lacks goes to c: a node at the floor or above does not take it
        assertThat(balanced.takesMore(2)).isFalse();
        assertThat(balanced.takesMore(1)).isTrue();
        assertThat(balanced.excess(3)).isEqualTo(1);

        FairShare.Counts settled = new FairShare.Counts(Map.of("a", 3, "b", 3, "c", 2), 8);
        assertThat(settled.excess(3)).isZero();
        assertThat(settled.takesMore(2)).isTrue();
        assertThat(settled.takesMore(3)).isFalse();
    }

    @Test
    void shouldNeverLetEveryNodeRefuseABotThatNoNodeRuns() {
        // 7 bots, 6 running (3 + 3 + 0 on three nodes would leave c below the floor, so c takes it)
        FairShare.Counts counts = new FairShare.Counts(Map.of("a", 3, "b", 3, "c", 0), 7);
        assertThat(counts.takesMore(0)).isTrue();
        // 3 + 2 + 2 running of 8: floor 2, ceiling 3; nobody below the floor, so a node at 2 takes it
        FairShare.Counts nobodyBelow = new FairShare.Counts(Map.of("a", 3, "b", 2, "c", 2), 8);
        assertThat(nobodyBelow.takesMore(2)).isTrue();
    }

    @Test
    void shouldStopCountingADeadNodeBeforeItsBotsAreRevived() {
        // taken over after 4 s: a node silent for 2 s no longer counts, before its bots are revived (after 3 s at
        // least)
        assertThat(FairShare.goneAfter(Duration.ofSeconds(1), 4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(FairShare.goneAfter(Duration.ofSeconds(2), 8)).isEqualTo(Duration.ofSeconds(8));
        // never less than two marks: one late mark of a live node does not drop it
        assertThat(FairShare.goneAfter(Duration.ofMillis(500), 2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(FairShare.goneAfter(Duration.ofMillis(500), 3)).isEqualTo(Duration.ofSeconds(1));
    }
}
