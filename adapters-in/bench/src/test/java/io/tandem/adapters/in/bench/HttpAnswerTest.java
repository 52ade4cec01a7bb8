package io.tandem.adapters.in.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HttpAnswerTest {

    private static final String MODEL = "{\"items\":[{\"id\":\"i1\"}],\"model\":{\"name\":\"two-stage\",\"version\":\"v1\"},"
            + "\"fallback\":{\"used\":false,\"reason\":null}}";
    private static final String FALLBACK = "{\"items\":[],\"model\":null,\"fallback\":{\"used\":true,"
            + "\"reason\":\"online store: Redis did not answer\"}}";

    @Test
    void aModelAnswerIsA200WithoutAFallbackReason() {
        assertThat(parse(answer("200 OK", "Content-Length: " + MODEL.length(), MODEL)))
                .isEqualTo(new HttpAnswer(200, true, null));
    }

    @Test
    void aFallbackAnswerNamesItsReasonAsTheJdkClientsReadingDid() {
        HttpAnswer answer = parse(answer("200 OK", "content-length: " + FALLBACK.length(), FALLBACK));

        assertThat(answer.fallbackReason()).isEqualTo("online store: Redis did not answer")
                .isEqualTo(OpenLoopLoad.fallbackReason(FALLBACK));
    }

    @Test
    void anErrorKeepsItsStatusAndAClosingServerIsNotReused() {
        String problem = "{\"title\":\"fallback\"}";
        assertThat(parse(answer("503 Service Unavailable", "Content-Length: " + problem.length()
                + "\r\nConnection: close", problem))).isEqualTo(new HttpAnswer(503, false, null));
    }

    @Test
    void anAnswerIsIncompleteUntilItsLastByte() {
        byte[] whole = answer("200 OK", "Content-Length: " + MODEL.length(), MODEL);

        assertThat(HttpAnswer.parse(whole, whole.length - 1)).isSameAs(HttpAnswer.INCOMPLETE);
        assertThat(HttpAnswer.parse(whole, 20)).isSameAs(HttpAnswer.INCOMPLETE);
    }

    @Test
    void chunkedOrUnmeasuredOrOverlongAnswersAreUnreadable() {
        assertThat(parse(answer("200 OK", "Transfer-Encoding: chunked", "5\r\nhello\r\n0\r\n\r\n")))
                .isSameAs(HttpAnswer.UNREADABLE);
        assertThat(parse(answer("200 OK", "Content-Type: application/json", MODEL))).isSameAs(HttpAnswer.UNREADABLE);
        assertThat(parse(answer("200 OK", "Content-Length: 2", MODEL))).isSameAs(HttpAnswer.UNREADABLE);
        assertThat(parse("SSH-2.0-OpenSSH\r\n\r\n".getBytes(StandardCharsets.US_ASCII))).isSameAs(HttpAnswer.UNREADABLE);
    }

    private static HttpAnswer parse(byte[] bytes) {
        return HttpAnswer.parse(bytes, bytes.length);
    }

    private static byte[] answer(String statusLine, String headers, String body) {
        return ("HTTP/1.1 " + statusLine + "\r\n" + headers + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }
}
