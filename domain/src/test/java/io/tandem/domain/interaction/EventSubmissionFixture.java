package io.tandem.domain.interaction;

/** Builds raw submissions for tests: a valid click by default, with one field changed at a time. */
final class EventSubmissionFixture {

    private String id = "e1";
    private String type = "click";
    private String userId = "u1";
    private String itemId = "i1";
    private String time = "2026-11-21T09:00:00Z";
    private String value;
    private String position;
    private String requestId = "r1";

    static EventSubmissionFixture aClick() {
        return new EventSubmissionFixture();
    }

    EventSubmissionFixture id(String id) {
        this.id = id;
        return this;
    }

    EventSubmissionFixture type(String type) {
        this.type = type;
        return this;
    }

    EventSubmissionFixture userId(String userId) {
        this.userId = userId;
        return this;
    }

    EventSubmissionFixture itemId(String itemId) {
        this.itemId = itemId;
        return this;
    }

    EventSubmissionFixture time(String time) {
        this.time = time;
        return this;
    }

    EventSubmissionFixture value(String value) {
        this.value = value;
        return this;
    }

    EventSubmissionFixture position(String position) {
        this.position = position;
        return this;
    }

    EventSubmissionFixture requestId(String requestId) {
        this.requestId = requestId;
        return this;
    }

    EventSubmission build() {
        return new EventSubmission.Fields(id, type, userId, itemId, time, value, "home", requestId, position);
    }
}
