package io.tandem.domain.model;

import io.tandem.domain.InvalidFieldException;

/** Whether a challenger should replace the champion, and why, in words an operator can read. */
public record PromotionDecision(boolean promote, String reason) {

    public PromotionDecision {
        reason = InvalidFieldException.requireText("reason", reason);
    }
}
