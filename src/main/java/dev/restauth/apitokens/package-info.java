/**
 * DRF's opaque tokens ({@code Authorization: Token <40 hex>}) and their scheme, stored as
 * django-rest-knox would and better: many per user, named, expiring, revocable, and kept only as
 * a selector plus an HMAC-SHA256 digest under a server-side pepper, compared in constant time.
 * Because keys are hashed, each login issues a new key instead of DRF's get_or_create; a checked
 * key is remembered by digest for a few seconds ({@link dev.restauth.apitokens.control.VerifiedKeys}).
 */
package dev.restauth.apitokens;
