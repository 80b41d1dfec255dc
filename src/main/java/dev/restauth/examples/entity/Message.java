package dev.restauth.examples.entity;

/** What every example resource answers: {@code {"message": "..."}}. */
public record Message(String message) {}
