package io.tandem.adapters.in.cli.experiments;

import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ExperimentDesign;
import io.tandem.domain.experiment.Variant;
import io.tandem.domain.experiment.VariantModel;

/**
 * One {@code --variant NAME:SHARE:MODEL}: MODEL is {@code champion}, {@code fallback} or {@code MODEL-NAME/VERSION}.
 * Neither names nor versions may hold ':' or '/', so the form cannot be ambiguous.
 */
final class VariantOption {

    private static final String OPTION = "--variant";

    private VariantOption() {
    }

    static Variant parse(String text, ExperimentDesign design) {
        String[] parts = text.split(":", -1);
        if (parts.length == 2 && design == ExperimentDesign.INTERLEAVING) {
            // Each variant of an interleaving experiment drafts half of every list.
            parts = new String[] {parts[0], Double.toString(Experiment.INTERLEAVING_SHARE), parts[1]};
        }
        if (parts.length != 3) {
            throw new InvalidFieldException(OPTION, "'" + text + "' is not NAME:SHARE:MODEL, for example "
                    + "a:0.5:champion, b:0.5:fallback or c:0.5:two-stage/v4");
        }
        double share;
        try {
            share = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(OPTION, "the share '" + parts[1] + "' of '" + parts[0]
                    + "' is not a number");
        }
        try {
            return Variant.of(parts[0], share, model(parts[2]));
        } catch (InvalidFieldException e) {
            throw e.field().equals(OPTION) ? e : new InvalidFieldException(OPTION, "'" + text + "': " + e.getMessage());
        }
    }

    private static VariantModel model(String text) {
        if (text.equals("champion")) {
            return VariantModel.champion();
        }
        if (text.equals("fallback")) {
            return VariantModel.ruleBasedFallback();
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new InvalidFieldException(OPTION, "the model '" + text + "' is none of champion, fallback or "
                    + "MODEL-NAME/VERSION");
        }
        return VariantModel.version(text.substring(0, slash), text.substring(slash + 1));
    }
}
