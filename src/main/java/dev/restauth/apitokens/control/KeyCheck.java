package dev.restauth.apitokens.control;

import dev.restauth.apitokens.entity.LiveToken;
import dev.restauth.authentication.control.TokenCheck;

/**
 * What a key turned out to be ({@link VerifiedKeys#check}): a live token (accepted), or why not,
 * which only the metrics tell apart (DRF answers all refusals alike).
 */
public record KeyCheck(LiveToken token, TokenCheck outcome) {

    static final KeyCheck INVALID = new KeyCheck(null, TokenCheck.INVALID);
    static final KeyCheck EXPIRED = new KeyCheck(null, TokenCheck.EXPIRED);
    static final KeyCheck REVOKED = new KeyCheck(null, TokenCheck.REVOKED);
}
