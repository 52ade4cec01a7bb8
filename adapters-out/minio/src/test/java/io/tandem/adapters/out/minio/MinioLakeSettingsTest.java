package io.tandem.adapters.out.minio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MinioLakeSettingsTest {

    private static MinioLakeSettings withPrefix(String prefix) {
        return new MinioLakeSettings("http://127.0.0.1:9000", "tandem", "tandem-secret", "tandem-lake", prefix, "");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "NULL, ''", "'', ''", "/, ''", "lake, lake/", "/lake/, lake/", "a/b//, a/b/", " tenants/t1 , tenants/t1/"})
    void normalizesThePrefixToEmptyOrEndingInASlash(String given, String expected) {
        assertThat(withPrefix(given).prefix()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a//b", "a/../b", "./a"})
    void rejectsPrefixesWithEmptyOrRelativeSegments(String prefix) {
        assertThatThrownBy(() -> withPrefix(prefix)).isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("prefix");
    }

    @Test
    void defaultsABlankRegion() {
        assertThat(withPrefix("").region()).isEqualTo(MinioLakeSettings.DEFAULT_REGION);
        assertThat(new MinioLakeSettings("https://s3.eu-west-1.amazonaws.com", "k", "s", "b-1", "", " eu-west-1 ")
                .region()).isEqualTo("eu-west-1");
    }

    @ParameterizedTest
    @CsvSource({
            "'', tandem, secret, tandem-lake, endpoint",
            "127.0.0.1:9000, tandem, secret, tandem-lake, endpoint",
            "ftp://host:21, tandem, secret, tandem-lake, endpoint",
            "http://127.0.0.1:9000, ' ', secret, tandem-lake, accessKey",
            "http://127.0.0.1:9000, tandem, '', tandem-lake, secretKey",
            "http://127.0.0.1:9000, tandem, secret, Tandem_Lake, bucket",
            "http://127.0.0.1:9000, tandem, secret, ab, bucket",
            "http://127.0.0.1:9000, tandem, secret, -lake, bucket",
            "http://127.0.0.1:9000, tandem, secret, my..lake, bucket"})
    void rejectsInvalidSettingsNamingTheField(String endpoint, String accessKey, String secretKey, String bucket,
                                              String field) {
        assertThatThrownBy(() -> new MinioLakeSettings(endpoint, accessKey, secretKey, bucket, "", ""))
                .isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo(field);
    }

    @Test
    void keepsTheSecretKeyOutOfItsText() {
        assertThat(withPrefix("lake").toString()).doesNotContain("tandem-secret").contains("secretKey=***");
    }
}
