"""What is known about the live portal: read models shared by the site, drift check and jobs."""
