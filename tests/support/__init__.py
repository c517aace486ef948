"""Test scaffolding shared by several test folders: local servers and the like."""
