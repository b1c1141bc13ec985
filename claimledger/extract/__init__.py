"""Per-document extraction stages: sentences, mentions, figures, statements, attribution."""
