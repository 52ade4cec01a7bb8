package io.tandem.domain.experiment.attribution;

import io.tandem.domain.catalog.ItemId;
import io.tandem.domain.catalog.UserId;
import io.tandem.domain.experiment.interleaving.Team;
import io.tandem.domain.experiment.readout.InterleavingReadout;
import io.tandem.domain.experiment.readout.ReadoutPolicy;
import io.tandem.domain.experiment.statistics.SequentialTest;
import io.tandem.domain.experiment.statistics.Verdict;
import io.tandem.domain.interaction.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.tandem.domain.experiment.attribution.AttributionFixture.SERVED;
import static io.tandem.domain.experiment.attribution.AttributionFixture.followUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Team-draft credit in the attribution aggregate (ADRs 0024, 0026): each clicked item of an interleaved list counts
 * for its team, a request is a tie until a click decides it and moves when a later click changes the count, lists
 * without teams decide nothing, and the read-out decides for the preferred team.
 */
class InterleavedAttributionTest {

    private final OnlineMetricsAggregate aggregate = new OnlineMetricsAggregate(AttributionPolicy.DEFAULT);

    /** Items i1..i4 drafted A, B, B, A. */
    private static ServedList interleaved(String requestId, String user) {
        Team[] teams = {Team.A, Team.B, Team.B, Team.A};
        List<ServedItem> items = new ArrayList<>();
        for (int i = 0; i < teams.length; i++) {
            items.add(ServedItem.drafted(ItemId.of("i" + (i + 1)), i + 1, teams[i]));
        }
        return new ServedList(requestId, "ab-1", "interleaved", UserId.of(user), SERVED, items,
                Duration.ofMillis(5), false);
    }

    private InterleavingCounts counts() {
        return aggregate.totals("ab-1").get("interleaved").interleaving();
    }

    @Test
    void clicksCreditTheTeamThatDraftedTheItemAndALaterClickCanTurnTheRequest() {
        aggregate.record(interleaved("r1", "u1"));
        aggregate.record(interleaved("r2", "u2"));
        assertThat(counts()).isEqualTo(new InterleavingCounts(0, 0, 2, counts().preference()));

        aggregate.apply(followUp(EventType.CLICK, "r1", "u1", "i2"));
        assertThat(counts().winsB()).isEqualTo(1);
        assertThat(counts().ties()).isEqualTo(1);

        aggregate.apply(followUp(EventType.CLICK, "r1", "u1", "i1"));
        assertThat(counts().winsB()).as("one click each is a tie again").isZero();
        aggregate.apply(followUp(EventType.CLICK, "r1", "u1", "i4"));
        assertThat(counts().winsA()).isEqualTo(1);
        aggregate.apply(followUp(EventType.CLICK, "r2", "u2", "not-served"));
        assertThat(counts()).extracting(InterleavingCounts::winsA, InterleavingCounts::winsB,
                InterleavingCounts::ties).containsExactly(1L, 0L, 1L);
        assertThat(counts().preference().units()).isEqualTo(2);
        assertThat(counts().preference().sumX()).isEqualTo(2.0);
        assertThat(counts().preference().sumY()).isEqualTo(-1.0);
    }

    @Test
    void aListWithoutTeamsDecidesNothingAndAListCannotHalfNameItsTeams() {
        aggregate.record(AttributionFixture.served("r1", "interleaved", "u1", "i1", "i2"));
        aggregate.apply(followUp(EventType.CLICK, "r1", "u1", "i1"));

        assertThat(counts()).isEqualTo(InterleavingCounts.NONE);
        assertThatThrownBy(() -> new ServedList("r2", "ab-1", "interleaved", UserId.of("u1"), SERVED,
                List.of(ServedItem.drafted(ItemId.of("i1"), 1, Team.A), ServedItem.ranked(ItemId.of("i2"), 2)),
                Duration.ZERO, false)).hasMessageContaining("items.team");
    }

    @Test
    void theReadOutShipsTheTeamUsersPreferAndWaitsForEnoughUsers() {
        ReadoutPolicy policy = ReadoutPolicy.clickThroughRate(0.02, 50, 100_000);
        SequentialTest start = SequentialTest.start(InterleavingReadout.test(policy));
        for (int user = 0; user < 400; user++) {
            String request = "r" + user;
            aggregate.record(interleaved(request, "u" + user));
            // B's item is clicked in three requests of four, A's in the fourth.
            aggregate.apply(followUp(EventType.CLICK, request, "u" + user, user % 4 == 0 ? "i1" : "i2"));
            if (user == 20) {
                InterleavingReadout early = InterleavingReadout.read(
                        Optional.of(aggregate.totals("ab-1").get("interleaved")), "a", "b", start, policy);
                assertThat(early.verdict()).isEqualTo(Verdict.KEEP_RUNNING);
                assertThat(early.preference()).isEmpty();
            }
        }

        InterleavingReadout readout = InterleavingReadout.read(
                Optional.of(aggregate.totals("ab-1").get("interleaved")), "a", "b", start, policy);

        assertThat(readout.verdict()).isEqualTo(Verdict.SHIP);
        assertThat(readout.counts().winsB()).isEqualTo(300);
        assertThat(readout.counts().winsA()).isEqualTo(100);
        assertThat(readout.shareOfBWins()).isEqualTo(0.75);
        assertThat(readout.shareOfB().contains(0.75)).isTrue();
        assertThat(readout.shareOfB().low()).isGreaterThan(0.5);
        assertThat(readout.signTestP()).isLessThan(1e-6);
        assertThat(readout.preference().orElseThrow().value()).isEqualTo(0.5);
        assertThat(readout.reasons().get(0)).startsWith("'b' is preferred");
    }
}
