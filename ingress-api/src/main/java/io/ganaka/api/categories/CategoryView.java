package io.ganaka.api.categories;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A category as the API returns it; {@code isDefault} marks the ones created with the account. */
public record CategoryView(String id, String name, String description, String color,
                           @JsonProperty("isDefault") boolean isDefault) {}
