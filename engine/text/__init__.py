"""Text for people: numbers parsed and formatted in one place, reports as text and JSON."""
