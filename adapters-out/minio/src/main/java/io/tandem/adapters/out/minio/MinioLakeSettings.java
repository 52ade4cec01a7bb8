package io.tandem.adapters.out.minio;

import io.tandem.domain.InvalidFieldException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the S3 lake lives and how to sign in, checked on construction: an http(s) endpoint, both keys, an
 * S3-valid bucket name, a key prefix normalized to {@code ""} or {@code "some/path/"}, and a region
 * ({@value #DEFAULT_REGION} when blank, which MinIO and s3proxy accept).
 */
public record MinioLakeSettings(String endpoint, String accessKey, String secretKey, String bucket, String prefix,
                                String region) {

    public static final String DEFAULT_REGION = "us-east-1";

    /** S3's bucket naming rules: 3–63 lower-case letters, digits, dots and hyphens, alphanumeric at both ends. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public MinioLakeSettings {
        endpoint = requireEndpoint(endpoint);
        accessKey = InvalidFieldException.requireText("accessKey", accessKey);
        secretKey = InvalidFieldException.requireText("secretKey", secretKey);
        bucket = InvalidFieldException.requireText("bucket", bucket);
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new InvalidFieldException("bucket", "'" + bucket + "' is not a valid S3 bucket name");
        }
        prefix = normalizePrefix(prefix);
        region = region == null || region.isBlank() ? DEFAULT_REGION : region.strip();
    }

    private static String requireEndpoint(String endpoint) {
        String text = InvalidFieldException.requireText("endpoint", endpoint);
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidFieldException("endpoint", "'" + text + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidFieldException("endpoint", "'" + text + "' must be an http:// or https:// URL with a host");
        }
        return text;
    }

    private static String normalizePrefix(String prefix) {
        if (prefix == null) {
            return "";
        }
        String trimmed = prefix.strip();
        int start = 0;
        int end = trimmed.length();
        while (start < end && trimmed.charAt(start) == '/') {
            start++;
        }
        while (end > start && trimmed.charAt(end - 1) == '/') {
            end--;
        }
        String core = trimmed.substring(start, end);
        if (core.isEmpty()) {
            return "";
        }
        for (String segment : core.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new InvalidFieldException("prefix", "'" + prefix + "' has an empty, '.' or '..' segment");
            }
        }
        return core + "/";
    }

    /** Leaves the secret key out, so settings can be logged. */
    @Override
    public String toString() {
        return "MinioLakeSettings[endpoint=" + endpoint + ", accessKey=" + accessKey + ", secretKey=***, bucket="
                + bucket + ", prefix=" + prefix + ", region=" + region + "]";
    }
}
