package dev.restauth.django.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * The answer to an import: what was (or, in a dry run, would be) done per model, and why each
 * rejected record was rejected. Never holds a password hash or a key.
 *
 * @param blacklistedTokens SimpleJWT's {@code token_blacklist.blacklistedtoken} records: jtis the
 *     cutover refuses to exchange (the outstanding tokens they point at are read, not counted)
 * @param rejectedNotListed rejections beyond the first {@code rejected} entries, counted only
 */
public record ImportReport(
        @JsonbProperty("dry_run") boolean dryRun,
        Counts users,
        Counts groups,
        Counts tokens,
        @JsonbProperty("blacklisted_tokens") Counts blacklistedTokens,
        List<Rejected> rejected,
        @JsonbProperty("rejected_not_listed") int rejectedNotListed) {}
