package io.tandem.adapters.in.http;

import io.micronaut.serde.annotation.Serdeable;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.readout.InterleavingReadout;

import java.util.List;

/**
 * The read-out of an interleaving experiment (ADRs 0024, 0025): the requests each variant won by clicks on the items
 * it drafted, the ties (no click on a served item, or as many for each), the challenger's preference (the mean of +1
 * won, -1 lost, 0 tie, null before the first look) with its always-valid interval, the challenger's share of the
 * decisive requests with its Wilson {@value #CONFIDENCE_PERCENT} % interval and the sign test's p-value (fixed-horizon
 * figures shown beside the decision, never deciding), and the verdict with its reasons.
 */
@Serdeable
record InterleavingJson(String control, String challenger, long users, long requests, long controlWins,
                        long challengerWins, long ties, Double preference, Double preferenceLow, Double preferenceHigh,
                        double challengerShare, double challengerShareLow, double challengerShareHigh,
                        double signTestPValue, String verdict, List<String> reasons) {

    static final int CONFIDENCE_PERCENT = 95;

    static InterleavingJson from(Experiment experiment, InterleavingReadout readout) {
        return new InterleavingJson(experiment.variants().get(0).name(), experiment.variants().get(1).name(),
                readout.users(), readout.counts().requests(), readout.counts().winsA(), readout.counts().winsB(),
                readout.counts().ties(), readout.preference().map(p -> p.value()).orElse(null),
                ExperimentJson.finite(readout.test().interval().low()),
                ExperimentJson.finite(readout.test().interval().high()), readout.shareOfBWins(),
                readout.shareOfB().low(), readout.shareOfB().high(), readout.signTestP(),
                readout.verdict().wireName(), readout.reasons());
    }
}
