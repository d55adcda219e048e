"""The Explore page and its chart."""
