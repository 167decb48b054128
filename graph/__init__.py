"""The RDF graph built from references, its store, and the views derived from it."""
