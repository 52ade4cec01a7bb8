package io.tandem.adapters.out.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl;
import io.tandem.domain.InvalidFieldException;
import io.tandem.domain.model.TreeEnsemble;
import org.junit.jupiter.api.Test;

import java.util.List;

class OnnxRankerExportAdapterTest {

    private static final float NAN = Float.NaN;
    private static final DjlOnnxScoringAdapter LOADER = new DjlOnnxScoringAdapter();
    private final OnnxRankerExportAdapter exporter = new OnnxRankerExportAdapter();

    @Test
    void artifactDeclaresFeaturesInScoresOutAndTheMlOpset() throws Exception {
        byte[] artifact = exporter.export(TreeEnsembleFixture.handMade(), TreeEnsembleFixture.schema(2));

        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(artifact);
        OnnxMl.ValueInfoProto input = model.getGraph().getInput(0);
        assertThat(input.getName()).isEqualTo("features");
        assertThat(input.getType().getTensorType().getElemType()).isEqualTo(OnnxMl.TensorProto.DataType.FLOAT_VALUE);
        assertThat(input.getType().getTensorType().getShape().getDim(1).getDimValue()).isEqualTo(2);
        assertThat(model.getGraph().getOutput(0).getName()).isEqualTo("scores");
        assertThat(model.getGraph().getNodeList()).extracting(OnnxMl.NodeProto::getOpType)
                .contains("TreeEnsembleRegressor");
        assertThat(model.getOpsetImportList()).extracting(OnnxMl.OperatorSetIdProto::getDomain)
                .contains("ai.onnx.ml");
        assertThat(model.getMetadataPropsList()).extracting(OnnxMl.StringStringEntryProto::getValue)
                .contains("fixture-v1", "f00,f01");
    }

    @Test
    void onnxRuntimeScoresTheHandMadeEnsembleExactly() {
        TreeEnsemble ensemble = TreeEnsembleFixture.handMade();
        float[] rows = {
            0.5f, 0.0f,   // left in tree 0 (1.0); right in tree 2 (40): 0.25 + 1 + 0.5 + 40
            1.0f, -0.5f,  // equal to both thresholds goes right: 0.25 + 2 + 0.5 + 40
            NAN, -1.0f,   // missing feature 0 goes right in tree 0 and in tree 2's second split
            2.9f, NAN,    // missing feature 1 goes left in tree 2, then 2.9 < 3.0 goes left
            NAN, NAN};
        try (var model = LOADER.load(exporter.export(ensemble, TreeEnsembleFixture.schema(2)), 2)) {
            float[] scores = model.score(rows, 5);

            assertThat(scores).containsExactly(41.75f, 42.75f, 22.75f, 12.75f, 22.75f);
            for (int r = 0; r < 5; r++) {
                assertThat((double) scores[r]).isEqualTo(ensemble.score(new float[] {rows[2 * r], rows[2 * r + 1]}));
            }
        }
    }

    @Test
    void anEnsembleWithoutTreesScoresItsBase() {
        TreeEnsemble empty = new TreeEnsemble(3, 0.75, List.of());

        try (var model = LOADER.load(exporter.export(empty, TreeEnsembleFixture.schema(3)), 3)) {
            assertThat(model.score(new float[] {1, 2, 3, 4, 5, 6}, 2)).containsExactly(0.75f, 0.75f);
        }
    }

    @Test
    void refusesASchemaOfAnotherWidth() {
        assertThatThrownBy(() -> exporter.export(TreeEnsembleFixture.handMade(), TreeEnsembleFixture.schema(3)))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("schema.features"));
    }
}
