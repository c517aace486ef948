"""Small helpers shared by the site build, the drift check and the maintainer tools."""
