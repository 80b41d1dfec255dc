package dev.restauth.users.entity;

/** DRF's plain confirmation: {@code {"detail": "New password has been saved."}}. */
public record Detail(String detail) {}
