"""The instrumap vocabulary, its SHACL shapes, and the authority data (instruments, bodies, meetings)."""
