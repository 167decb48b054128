"""Reading UN documents and finding, then resolving, the references in them."""
