package io.tandem.domain.experiment;

import io.tandem.domain.model.ModelNames;
import io.tandem.domain.model.ModelRef;

/**
 * What a variant serves: whatever model is champion when the request comes, one named model version, or no
 * model at all (the rule-based fallback, as a baseline).
 */
public sealed interface VariantModel {

    /** The current champion, followed through promotions. */
    record Champion() implements VariantModel {
    }

    /** One registered version, pinned for the life of the experiment. */
    record Version(ModelRef ref) implements VariantModel {

        public Version {
            ref = new ModelRef(ModelNames.require("model.name", ref.name()),
                    ModelNames.require("model.version", ref.version()));
        }
    }

    /** No model: the rule-based fallback answers, as it does when the model path fails. */
    record RuleBasedFallback() implements VariantModel {
    }

    static VariantModel champion() {
        return new Champion();
    }

    static VariantModel version(String name, String version) {
        return new Version(new ModelRef(name, version));
    }

    static VariantModel ruleBasedFallback() {
        return new RuleBasedFallback();
    }
}
