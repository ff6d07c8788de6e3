"""pytest: the plugin, the article snapshot extension and its field-by-field report."""
