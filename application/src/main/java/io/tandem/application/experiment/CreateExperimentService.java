package io.tandem.application.experiment;

import io.tandem.application.experiment.port.in.CreateExperimentCommand;
import io.tandem.application.experiment.port.in.CreateExperimentUseCase;
import io.tandem.application.experiment.port.out.SaveExperimentPort;
import io.tandem.application.registry.port.out.LoadModelVersionsPort;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ExperimentConflictException;
import io.tandem.domain.experiment.Variant;
import io.tandem.domain.experiment.VariantModel;
import io.tandem.domain.model.ModelRef;

import java.util.List;
import java.util.Objects;

/**
 * Creates draft experiments, after checking that every pinned model version is in the registry: a variant that
 * could only ever answer with the fallback because its version does not exist would make the experiment measure
 * nothing it claims to.
 */
public final class CreateExperimentService implements CreateExperimentUseCase {

    private final SaveExperimentPort save;
    private final LoadModelVersionsPort registry;

    public CreateExperimentService(SaveExperimentPort save, LoadModelVersionsPort registry) {
        this.save = Objects.requireNonNull(save, "save");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public Experiment create(CreateExperimentCommand command) {
        Experiment draft = command.draft();
        List<Variant> variants = draft.variants();
        for (int i = 0; i < variants.size(); i++) {
            if (variants.get(i).model() instanceof VariantModel.Version pinned) {
                requireRegistered("variants[" + i + "].model", pinned.ref());
            }
        }
        if (!save.saveExperiment(draft)) {
            throw new ExperimentConflictException("name", "an experiment named '" + draft.name()
                    + "' exists already; a name is never reused, create the new experiment under another one");
        }
        return draft;
    }

    private void requireRegistered(String field, ModelRef ref) {
        if (registry.loadVersion(ref.name(), ref.version()).isPresent()) {
            return;
        }
        if (registry.loadVersions(ref.name()).isEmpty()) {
            throw new InvalidFieldException(field + ".name", "the registry has no model '" + ref.name() + "'");
        }
        throw new InvalidFieldException(field + ".version", "model '" + ref.name() + "' has no version '"
                + ref.version() + "' in the registry");
    }
}
