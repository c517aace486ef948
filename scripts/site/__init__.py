"""What the site build runs: the Markdown extension and the pre-build step, nothing else."""
