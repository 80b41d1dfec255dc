package dev.restauth.django.entity;

/** Records of one model by outcome. */
public record Counts(int created, int updated, int unchanged, int rejected) {}
