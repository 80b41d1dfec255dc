package dev.restauth.django.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import java.util.Map;

/**
 * A record that was not imported: its model, its pk (null when the dump has none, and for DRF
 * keys, whose pk is the key itself), its position in the file (1-based) and DRF-style field errors.
 */
public record Rejected(String model, @JsonbNillable Long pk, int record, Map<String, List<String>> errors) {}
