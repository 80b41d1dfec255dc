package dev.restauth.apitokens.entity;

/**
 * A live API token as the Token scheme needs it: its id (to record its use, to log it out) and its
 * user. A value, not the entity, so that it can be remembered across requests.
 */
public record LiveToken(long tokenId, long userId) {}
