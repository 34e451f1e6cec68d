"""Serializers: the tagged JSON form and the outline text. They live outside the model."""
