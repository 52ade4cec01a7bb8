package io.tandem.adapters.in.http;

import io.tandem.adapters.shared.json.JsonMembers;
import io.tandem.adapters.shared.json.JsonValue;
import io.tandem.application.experiment.port.in.CreateExperimentCommand;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.experiment.Experiment;
import io.tandem.domain.experiment.ExperimentDesign;
import io.tandem.domain.experiment.ServingOptions;
import io.tandem.domain.experiment.Variant;
import io.tandem.domain.experiment.VariantModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Reads the body of {@code POST /v1/experiments} strictly (ADR-0019) into the command, every refusal naming the
 * member by its path: {@code variants[1].share}, {@code variants[0].model.version},
 * {@code variants[2].options.diversity}. A variant must say what it serves: {@code "model": null} is the rule-based
 * fallback, so leaving the member out is refused rather than read as null. {@code "design"} is {@code "ab"} (the
 * default) or {@code "interleaving"}, whose two variants may leave {@code share} out (each drafts half of every
 * list: 0.5) and are refused any other share.
 */
final class ExperimentRequest {

    static final String EXAMPLE = "{\"name\":\"ab-1\",\"variants\":[{\"name\":\"a\",\"share\":0.5,\"model\":"
            + "\"champion\"},{\"name\":\"b\",\"share\":0.5,\"model\":null}]}";
    private static final List<String> FIELDS = List.of("name", "salt", "surface", "holdout", "variants",
            "autoPromote", "design");
    private static final List<String> VARIANT_FIELDS = List.of("name", "share", "model", "options");
    private static final List<String> MODEL_FIELDS = List.of("name", "version");
    private static final List<String> OPTION_FIELDS = List.of("diversity", "explorationPlaces",
            "candidatesPerRetriever");
    private static final String MODEL_EXPECTED = "is required: {\"name\",\"version\"} for a registered version, "
            + "\"" + ExperimentJson.CHAMPION + "\", or null for the rule-based fallback";

    private ExperimentRequest() {
    }

    static CreateExperimentCommand command(byte[] body) {
        JsonMembers request = RequestJson.object(body, EXAMPLE, FIELDS);
        String name = RequestJson.requiredText(request, "name", "is required");
        OptionalDouble holdout = Optional.ofNullable(request.number("holdout"))
                .map(literal -> OptionalDouble.of(decimal("holdout", literal))).orElse(OptionalDouble.empty());
        boolean autoPromote = request.bool("autoPromote").orElse(false);
        ExperimentDesign design = Optional.ofNullable(request.text("design"))
                .map(text -> ExperimentDesign.fromWireName("design", text)).orElse(ExperimentDesign.AB);
        return new CreateExperimentCommand(name, Optional.ofNullable(request.text("salt")),
                Optional.ofNullable(request.text("surface")), variants(request, design), holdout, autoPromote, design);
    }

    private static List<Variant> variants(JsonMembers request, ExperimentDesign design) {
        Optional<JsonValue> member = request.get("variants");
        if (member.isEmpty()) {
            throw new InvalidFieldException("variants", "is required: 2 to " + Experiment.MAX_VARIANTS
                    + " variants whose shares sum to 1");
        }
        if (!(member.get() instanceof JsonValue.JsonArray array)) {
            throw new InvalidFieldException("variants", "must be an array, not " + member.get().kind());
        }
        if (array.elements().size() > Experiment.MAX_VARIANTS) {
            throw new InvalidFieldException("variants", "holds " + array.elements().size() + " variants; at most "
                    + Experiment.MAX_VARIANTS);
        }
        List<Variant> variants = new ArrayList<>();
        for (int index = 0; index < array.elements().size(); index++) {
            variants.add(variant("variants[" + index + "]", array.elements().get(index), design));
        }
        return variants;
    }

    private static Variant variant(String path, JsonValue value, ExperimentDesign design) {
        JsonMembers variant = JsonMembers.of(path, value, VARIANT_FIELDS, Map.of());
        String name = RequestJson.requiredText(variant, "name", "is required");
        String share = variant.number("share");
        if (share == null && design == ExperimentDesign.INTERLEAVING) {
            share = Double.toString(Experiment.INTERLEAVING_SHARE);
        }
        if (share == null) {
            throw new InvalidFieldException(path + ".share", "is required: a number above 0 and at most 1");
        }
        VariantModel model = model(path + ".model", value);
        ServingOptions options = variant.get("options").map(raw -> options(path + ".options", raw))
                .orElse(ServingOptions.DEFAULTS);
        double shareValue = decimal(path + ".share", share);
        return at(path, () -> new Variant(name, shareValue, model, options));
    }

    /** The variant's model; read from the raw object, since a member set to null is not the same as none here. */
    private static VariantModel model(String path, JsonValue variant) {
        JsonValue value = ((JsonValue.JsonObject) variant).members().get("model");
        if (value == null) {
            throw new InvalidFieldException(path, MODEL_EXPECTED);
        }
        if (value instanceof JsonValue.JsonNull) {
            return VariantModel.ruleBasedFallback();
        }
        if (value instanceof JsonValue.JsonText text) {
            if (ExperimentJson.CHAMPION.equals(text.value())) {
                return VariantModel.champion();
            }
            throw new InvalidFieldException(path, "must be {\"name\",\"version\"}, \"" + ExperimentJson.CHAMPION
                    + "\" or null; a version is named with its model: {\"name\":\"two-stage\",\"version\":\"v3\"}");
        }
        JsonMembers model = JsonMembers.of(path, value, MODEL_FIELDS, Map.of());
        String name = model.text("name");
        String version = model.text("version");
        if (name == null || version == null) {
            throw new InvalidFieldException(model.field(name == null ? "name" : "version"), "is required");
        }
        return at(path.substring(0, path.length() - ".model".length()), () -> VariantModel.version(name, version));
    }

    private static ServingOptions options(String path, JsonValue value) {
        JsonMembers options = JsonMembers.of(path, value, OPTION_FIELDS, Map.of());
        String diversity = options.number("diversity");
        OptionalDouble diversityValue = diversity == null ? OptionalDouble.empty()
                : OptionalDouble.of(decimal(options.field("diversity"), diversity));
        OptionalInt places = whole(options, "explorationPlaces");
        OptionalInt candidates = whole(options, "candidatesPerRetriever");
        return at(path.substring(0, path.length() - ".options".length()),
                () -> new ServingOptions(diversityValue, places, candidates));
    }

    private static OptionalInt whole(JsonMembers object, String name) {
        String literal = object.number(name);
        if (literal == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(literal));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(object.field(name), "must be a whole number");
        }
    }

    private static double decimal(String field, String literal) {
        double value = Double.parseDouble(literal);
        if (!Double.isFinite(value)) {
            throw new InvalidFieldException(field, "must be a finite number");
        }
        return value;
    }

    /**
     * Builds a domain value for the variant at {@code path}, its refusals renamed from the domain's own field names
     * ({@code variant.share}, {@code model.version}, {@code options.diversity}) to the member's path in the body.
     */
    private static <T> T at(String path, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidFieldException e) {
            String field = e.field().startsWith("variant.") ? e.field().substring("variant.".length()) : e.field();
            throw new InvalidFieldException(path + "." + field, e.reason());
        }
    }
}
