package io.tandem.domain.experiment.interleaving;

/** Which ranking won one interleaved request: the team with more clicked items; a tie without clicks or at par. */
public enum InterleavingOutcome {
    A_WINS(-1),
    B_WINS(1),
    TIE(0);

    private final int scoreForB;

    InterleavingOutcome(int scoreForB) {
        this.scoreForB = scoreForB;
    }

    /** +1 when B won, -1 when A won, 0 for a tie: the per-request score whose mean is B's preference. */
    public int scoreForB() {
        return scoreForB;
    }
}
