package io.mnistspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mnistspark.data.ClassCount;
import io.mnistspark.data.CsvFile;
import io.mnistspark.data.DataLocation;
import io.mnistspark.data.EmbeddedMnist;
import io.mnistspark.data.LibsvmFile;
import io.mnistspark.settings.SettingValues;
import io.mnistspark.train.JobSettings;
import io.mnistspark.train.TrainingSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A checkpoint's job settings name a table format's data again: format, test data, features. */
class SettingsCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JobSettings job(DataLocation data) {
        return job(data, ClassCount.FROM_LABELS);
    }

    private static JobSettings job(DataLocation data, ClassCount classes) {
        TrainingSettings run = SettingValues.defaults().toTrainingSettings("run");
        return new JobSettings(data, classes, 0.2, 0, 3, "/runs/a", false, 10, List.of(run));
    }

    @Test
    void aStatedClassCountSurvivesACheckpointAndAnUnstatedOneIsNotWritten() {
        JsonNode stated = JSON.valueToTree(SettingsCodec.encode(job(new EmbeddedMnist(), new ClassCount(201))));
        assertEquals(201, stated.path("classes").asInt());
        assertEquals(new ClassCount(201), SettingsCodec.decodeJob(stated).classes());
        Map<String, Object> fromLabels = SettingsCodec.encode(job(new EmbeddedMnist()));
        assertFalse(fromLabels.containsKey("classes"));
        assertEquals(ClassCount.FROM_LABELS, SettingsCodec.decodeJob(JSON.valueToTree(fromLabels)).classes());
    }

    @Test
    void tableDataSurvivesACheckpoint() {
        for (DataLocation data : new DataLocation[] {new CsvFile("/d/digits.txt", "/d/test.txt"),
            new LibsvmFile("/d/a.libsvm", null, 784), new EmbeddedMnist()}) {
            JsonNode tree = JSON.valueToTree(SettingsCodec.encode(job(data)));
            assertEquals(data, SettingsCodec.decodeJob(tree).data());
        }
    }

    @Test
    void recordFormatsWriteOnlyTheirPathAsBefore() {
        Map<String, Object> encoded = SettingsCodec.encode(job(new EmbeddedMnist()));
        assertEquals("embedded", encoded.get("data"));
        assertFalse(encoded.containsKey("data_format"));
        assertFalse(encoded.containsKey("test_data"));
        assertFalse(encoded.containsKey("num_features"));
    }
}
