"""Saved SPARQL queries shipped with instrumap (one ``.rq`` file each)."""
